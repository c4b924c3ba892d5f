import CallsimCore
import Yams

/// Reads typed values out of a composed YAML tree, collecting every problem with its file position.
struct YAMLReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func error(_ node: Node?, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column, message: message))
    }

    mutating func warning(_ node: Node?, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column, severity: .warning, message: message))
    }

    /// The pairs of a mapping, keys as strings; unknown keys are reported with the nearest known one.
    mutating func mapping(_ node: Node, _ context: String, allowed: [String]? = nil) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(context) must be a mapping (key: value lines)")
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                error(keyNode, "a key in \(context) must be a plain word")
                continue
            }
            let key = scalar.string
            if !seen.insert(key).inserted { error(keyNode, "duplicate key '\(key)' in \(context)"); continue }
            if let allowed, !allowed.contains(key) {
                let hint = closestMatch(key, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                error(keyNode, "unknown key '\(key)' in \(context)\(hint) (known: \(allowed.joined(separator: ", ")))")
                continue
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    mutating func sequence(_ node: Node, _ context: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(node, "\(context) must be a list")
            return nil
        }
        return Array(sequence)
    }

    mutating func string(_ node: Node, _ context: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, "\(context) must be a single value, not a list or mapping")
            return nil
        }
        return scalar.string
    }

    mutating func double(_ node: Node, _ context: String, in range: ClosedRange<Double>) -> Double? {
        guard let text = string(node, context) else { return nil }
        var body = text.trimmingSpaces
        if body.hasSuffix("%") { body.removeLast() }
        guard let value = Double(body), value.isFinite else {
            error(node, "\(context) must be a number, found '\(text)'")
            return nil
        }
        guard range.contains(value) else {
            error(node, "\(context) must be between \(formatNumber(range.lowerBound)) and \(formatNumber(range.upperBound)), found \(formatNumber(value))")
            return nil
        }
        return value
    }

    mutating func int(_ node: Node, _ context: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, context) else { return nil }
        guard let value = Int(text.trimmingSpaces) else {
            error(node, "\(context) must be a whole number, found '\(text)'")
            return nil
        }
        guard range.contains(value) else {
            error(node, "\(context) must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, _ context: String) -> Bool? {
        guard let text = string(node, context) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(node, "\(context) must be true or false, found '\(text)'")
            return nil
        }
    }

    mutating func seconds(_ node: Node, _ context: String, minimum: Double = 0) -> Double? {
        guard let text = string(node, context) else { return nil }
        guard let value = parseSeconds(text) else {
            error(node, "\(context) must be a duration such as 15s, 10m, 2h or 3d, found '\(text)'")
            return nil
        }
        guard value >= minimum else {
            error(node, "\(context) must be at least \(formatNumber(minimum)) s, found \(formatNumber(value)) s")
            return nil
        }
        return value
    }

    mutating func distribution(_ node: Node, _ context: String) -> Distribution? {
        guard let text = string(node, context) else { return nil }
        switch Distribution.parse(text) {
        case .success(let distribution): return distribution
        case .failure(let problem): error(node, "\(context): \(problem.message)"); return nil
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ context: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(node, context) else { return nil }
        if let value = T(rawValue: text) ?? T.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) { return value }
        let names = T.allCases.map(\.rawValue)
        let hint = closestMatch(text, in: names).map { "; did you mean '\($0)'?" } ?? ""
        error(node, "\(context) must be one of \(names.joined(separator: ", ")), found '\(text)'\(hint)")
        return nil
    }

    /// `09:00-21:00` as seconds after midnight; the end may be 24:00.
    mutating func clockRange(_ node: Node, _ context: String) -> (start: Int, end: Int)? {
        guard let text = string(node, context) else { return nil }
        let parts = text.split(separator: "-").map { $0.trimmingSpaces }
        guard parts.count == 2, let start = clockTime(parts[0]), let end = clockTime(parts[1]) else {
            error(node, "\(context) must look like 09:00-21:00, found '\(text)'")
            return nil
        }
        guard start < end else {
            error(node, "\(context) \(text) is impossible: it starts at or after its end")
            return nil
        }
        return (start, end)
    }

    private func clockTime(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else { return nil }
        return hour * 3600 + minute * 60
    }
}
