import CallsimCore

/// Agreement of the scorer with human labels (`NAME.labels`: one `id status` a line, `#` comments).
public struct Evaluation: Sendable {
    public struct Disagreement: Sendable, Hashable {
        public var call: String
        public var id: String
        public var expected: IndicatorStatus
        public var got: IndicatorStatus
        public var turns: [Int]
    }

    public struct PerIndicator: Sendable, Hashable {
        public var id: String
        public var total = 0
        public var correct = 0
        public var kappa: Double?
        public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }
    }

    public private(set) var pairs: [(call: String, id: String, expected: IndicatorStatus, got: IndicatorStatus, turns: [Int])] = []

    public init() {}

    /// Parses a labels file; unknown ids or statuses are errors with their line.
    public static func parseLabels(_ text: String, file: String) throws(DiagnosticList) -> [String: IndicatorStatus] {
        var labels: [String: IndicatorStatus] = [:]
        var problems: [Diagnostic] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: " \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, let status = IndicatorStatus(rawValue: String(parts[1])) else {
                problems.append(Diagnostic(file: file, line: n + 1, message: "expected 'indicator-id status' (status: hit, missed, violated, na)"))
                continue
            }
            let id = String(parts[0])
            guard IndicatorCatalog.ids.contains(id) else {
                problems.append(Diagnostic(file: file, line: n + 1, message: "unknown indicator id '\(id)'"))
                continue
            }
            labels[id] = status
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return labels
    }

    public mutating func add(call: String, labels: [String: IndicatorStatus], scorecard: Scorecard) {
        for result in scorecard.results {
            guard let expected = labels[result.id] else { continue }
            pairs.append((call, result.id, expected, result.status, result.turns))
        }
    }

    public var total: Int { pairs.count }
    public var correct: Int { pairs.filter { $0.expected == $0.got }.count }
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// Accuracy on labels that are not `na`.
    public var applicableAccuracy: Double {
        let applicable = pairs.filter { $0.expected != .na }
        return applicable.isEmpty ? 0 : Double(applicable.filter { $0.expected == $0.got }.count) / Double(applicable.count)
    }

    public var violatedLabelled: Int { pairs.filter { $0.expected == .violated }.count }
    public var violatedReported: Int { pairs.filter { $0.got == .violated }.count }
    public var violatedAgreed: Int { pairs.filter { $0.expected == .violated && $0.got == .violated }.count }
    public var violatedRecall: Double? { violatedLabelled == 0 ? nil : Double(violatedAgreed) / Double(violatedLabelled) }
    public var violatedPrecision: Double? { violatedReported == 0 ? nil : Double(violatedAgreed) / Double(violatedReported) }

    public var perIndicator: [PerIndicator] {
        IndicatorCatalog.ids.map { id in
            let rows = pairs.filter { $0.id == id }
            var entry = PerIndicator(id: id)
            entry.total = rows.count
            entry.correct = rows.filter { $0.expected == $0.got }.count
            entry.kappa = Self.kappa(rows.map { ($0.expected, $0.got) })
            return entry
        }
    }

    public var disagreements: [Disagreement] {
        pairs.filter { $0.expected != $0.got }.map { Disagreement(call: $0.call, id: $0.id, expected: $0.expected, got: $0.got, turns: $0.turns) }
    }

    /// Cohen's kappa; nil when chance agreement is total (both raters always gave one status).
    static func kappa(_ rows: [(IndicatorStatus, IndicatorStatus)]) -> Double? {
        guard !rows.isEmpty else { return nil }
        let n = Double(rows.count)
        let observed = Double(rows.filter { $0.0 == $0.1 }.count) / n
        var chance = 0.0
        for status in IndicatorStatus.allCases {
            let a = Double(rows.filter { $0.0 == status }.count) / n
            let b = Double(rows.filter { $0.1 == status }.count) / n
            chance += a * b
        }
        if chance >= 1 { return nil }
        return (observed - chance) / (1 - chance)
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let first = s.first, set.contains(first) { s.removeFirst() }
        while let last = s.last, set.contains(last) { s.removeLast() }
        return String(s)
    }
}
