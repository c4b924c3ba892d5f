import CallsimCore

/// One indicator's result in a scorecard.
public struct IndicatorResult: Sendable, Hashable, Codable {
    public var id: String
    public var status: IndicatorStatus
    /// 1-based turn numbers (all turns, both speakers) that are the evidence.
    public var turns: [Int]
    public var codes: [String]

    public init(id: String, status: IndicatorStatus, turns: [Int], codes: [String]) {
        self.id = id
        self.status = status
        self.turns = turns
        self.codes = codes
    }
}

/// The scored call: what the `score --json` object holds.
public struct Scorecard: Sendable, Hashable, Codable {
    public var direction: CallDirection
    public var directionInferred: Bool
    public var lang: Language
    public var outcome: CallOutcome?
    public var outcomeInferred: Bool
    public var results: [IndicatorResult]
    /// 0-100 per category, nil when every indicator of the category is `na`.
    public var categories: [IndicatorCategory: Int?]
    public var score: Int
    /// Critical indicators that are violated; any makes `score` 0.
    public var critical: [String]

    public func result(_ id: String) -> IndicatorResult? { results.first { $0.id == id } }

    public func categoryScore(_ category: IndicatorCategory) -> Int? { categories[category] ?? nil }

    /// The JSON object of `score --json`: exactly the documented keys, in the documented order, on one line.
    /// (Whether direction and outcome were inferred shows in the readable report.)
    public func jsonLine(file: String) -> String {
        var out = ""
        out.reserveCapacity(3072)
        out += "{\"file\": "
        JSON.appendString(file, to: &out)
        out += ", \"direction\": \"\(direction.rawValue)\""
        out += ", \"lang\": \"\(lang.rawValue)\", \"outcome\": "
        if let outcome { out += "\"\(outcome.rawValue)\"" } else { out += "null" }
        out += ", \"indicators\": ["
        for (i, result) in results.enumerated() {
            if i > 0 { out += ", " }
            out += JSON.idPrefix(result.id)
            out += JSON.statusText[result.status] ?? ""
            for (k, turn) in result.turns.enumerated() {
                if k > 0 { out += ", " }
                out += String(turn)
            }
            out += "], \"codes\": "
            out += JSON.codes(result.codes)
            out += "}"
        }
        out += "], \"categories\": {"
        out += IndicatorCategory.allCases.map { category in
            "\"\(category.rawValue)\": " + (categoryScore(category).map(String.init) ?? "null")
        }.joined(separator: ", ")
        out += "}, \"score\": \(score), \"critical\": ["
        out += critical.map { "\"\($0)\"" }.joined(separator: ", ")
        out += "]}"
        return out
    }
}

/// A scenario's rubric: which indicators apply (others become `na`) and their weights (default 1).
public struct Rubric: Sendable, Hashable, Codable {
    public var applicable: Set<String>?
    public var weights: [String: Double]

    public init(applicable: Set<String>? = nil, weights: [String: Double] = [:]) {
        self.applicable = applicable
        self.weights = weights
    }

    public func weight(_ id: String) -> Double { max(0, weights[id] ?? 1) }
}

enum JSON {
    /// `{"id": "compliance.identify", "status": "`, built once per catalog id.
    static let idPrefixes: [String: String] = Dictionary(
        IndicatorCatalog.ids.map { ($0, "{\"id\": \"\($0)\", \"status\": \"") }, uniquingKeysWith: { first, _ in first })

    static func idPrefix(_ id: String) -> String { idPrefixes[id] ?? "{\"id\": \"\(id)\", \"status\": \"" }

    static let statusText: [IndicatorStatus: String] = Dictionary(
        IndicatorStatus.allCases.map { ($0, $0.rawValue + "\", \"turns\": [") }, uniquingKeysWith: { first, _ in first })

    /// `["P2.2.1", "K08"]`, built once per distinct list.
    static func codes(_ codes: [String]) -> String {
        if let cached = codesCache[codes] { return cached }
        return "[" + codes.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }

    static let codesCache: [[String]: String] = Dictionary(
        CompetencyCodes.byIndicator.values.map { ($0, "[" + $0.map { "\"\($0)\"" }.joined(separator: ", ") + "]") },
        uniquingKeysWith: { first, _ in first })

    static func appendString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
