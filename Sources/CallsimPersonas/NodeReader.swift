import Foundation
import CallsimCore
import Yams

/// A mapping's entries in file order, with the key nodes kept for their marks.
struct Fields {
    var node: Node
    var entries: [(key: String, keyNode: Node, value: Node)]

    subscript(key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    func has(_ key: String) -> Bool { self[key] != nil }
}

/// Reads Yams nodes into values, collecting every problem as a diagnostic instead of stopping.
struct NodeReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func error(_ node: Node?, _ message: String) {
        let mark = node?.mark
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    mutating func warning(_ node: Node?, _ message: String) {
        let mark = node?.mark
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, severity: .warning, message: message))
    }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func kindName(_ node: Node) -> String {
        switch node {
        case .scalar: isNull(node) ? "nothing" : "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The mapping's fields; reports a non-mapping, unknown keys (with a suggestion) and missing required keys.
    mutating func fields(_ node: Node, section: String, what: String) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping, found \(Self.kindName(node))")
            return nil
        }
        let allowed = ScenarioSchema.names(in: section)
        var result = Fields(node: node, entries: [])
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                error(keyNode, "\(what): keys must be plain words, found \(Self.kindName(keyNode))")
                continue
            }
            let key = scalar.string
            if !allowed.contains(key) {
                var message = "unknown key '\(key)' in \(what)"
                if let suggestion = Self.suggestion(for: key, among: allowed) { message += "; did you mean '\(suggestion)'?" }
                error(keyNode, message)
                continue
            }
            result.entries.append((key, keyNode, value))
        }
        for key in ScenarioSchema.keys(in: section) where key.required {
            let name = String(key.path.split(separator: ".").last ?? "")
            if !result.has(name) { error(node, "missing required key '\(name)' in \(what)") }
        }
        return result
    }

    /// A free-form mapping (labels or indicator ids as keys) in file order.
    mutating func freeMapping(_ node: Node, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping, found \(Self.kindName(node))")
            return nil
        }
        var result: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                error(keyNode, "\(what): keys must be plain words, found \(Self.kindName(keyNode))")
                continue
            }
            result.append((scalar.string, keyNode, value))
        }
        return result
    }

    mutating func string(_ node: Node?, what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !Self.isNull(node) else {
            error(node, "\(what) must be text, found \(Self.kindName(node))")
            return nil
        }
        let text = scalar.string.trimmed()
        if text.isEmpty {
            error(node, "\(what) must not be empty")
            return nil
        }
        return text
    }

    /// An id: text without spaces.
    mutating func identifier(_ node: Node?, what: String) -> String? {
        guard let text = string(node, what: what) else { return nil }
        // By scalar: no white-space scalar extends a grapheme, so this equals the Character
        // test without the cost of grapheme breaking.
        if text.unicodeScalars.contains(where: { $0.value == 0x20 || ($0.value > 0x7E || $0.value < 0x20) && $0.properties.isWhitespace }) {
            error(node, "\(what) '\(text)' must not contain spaces")
            return nil
        }
        return text
    }

    mutating func int(_ node: Node?, what: String) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Self.parseInt(scalar.string) else {
            error(node, "\(what) must be a whole number, found \(Self.describe(node))")
            return nil
        }
        return value
    }

    static func parseInt(_ text: String) -> Int? {
        var trimmed = text.trimmed(.whitespaces)
        if trimmed.hasPrefix("+") { trimmed.removeFirst() }
        return Int(trimmed)
    }

    mutating func double(_ node: Node?, what: String) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.trimmed(.whitespaces)),
              value.isFinite else {
            error(node, "\(what) must be a number, found \(Self.describe(node))")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, what: String) -> Bool? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        error(node, "\(what) must be true or false, found \(Self.describe(node))")
        return nil
    }

    /// A single string or a list of strings.
    mutating func strings(_ node: Node?, what: String) -> [String]? {
        guard let node else { return nil }
        switch node {
        case .scalar:
            if Self.isNull(node) { return [] }
            return string(node, what: what).map { [$0] }
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence { if let text = string(item, what: "an item of \(what)") { result.append(text) } }
            return result
        default:
            error(node, "\(what) must be text or a list of text, found \(Self.kindName(node))")
            return nil
        }
    }

    /// Each item with its node, for references checked later.
    mutating func identifiers(_ node: Node?, what: String) -> [(String, Node)]? {
        guard let node else { return nil }
        switch node {
        case .scalar:
            if Self.isNull(node) { return [] }
            return identifier(node, what: what).map { [($0, node)] }
        case .sequence(let sequence):
            var result: [(String, Node)] = []
            for item in sequence { if let text = identifier(item, what: "an item of \(what)") { result.append((text, item)) } }
            return result
        default:
            error(node, "\(what) must be an id or a list of ids, found \(Self.kindName(node))")
            return nil
        }
    }

    mutating func sequence(_ node: Node?, what: String) -> [Node]? {
        guard let node else { return nil }
        if Self.isNull(node) { return [] }
        guard case .sequence(let sequence) = node else {
            error(node, "\(what) must be a list, found \(Self.kindName(node))")
            return nil
        }
        return Array(sequence)
    }

    static func describe(_ node: Node) -> String {
        if case .scalar(let scalar) = node, !isNull(node) { return "'\(scalar.string)'" }
        return kindName(node)
    }

    /// The closest allowed name within a small edit distance.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
