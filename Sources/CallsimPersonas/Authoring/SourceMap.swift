import CallsimCore
import Yams

/// Where the parts of a scenario sit in its YAML text, so that lint findings point at the
/// line that needs changing. Built from the same text the loader read.
public struct SourceMap: Sendable {
    public struct Location: Sendable, Hashable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) { self.line = line; self.column = column }
    }

    /// A copy of the YAML tree with positions (Yams nodes are not Sendable).
    indirect enum Tree: Sendable {
        case scalar(String, Location)
        case mapping([(key: String, keyLocation: Location, value: Tree)], Location)
        case sequence([Tree], Location)

        init(_ node: Node) {
            let location = node.mark.map { Location(line: $0.line, column: $0.column) } ?? SourceMap.start
            switch node {
            case .scalar(let scalar): self = .scalar(scalar.string, location)
            case .mapping(let mapping):
                self = .mapping(mapping.map { key, value in
                    (key.string ?? "", key.mark.map { Location(line: $0.line, column: $0.column) } ?? location, Tree(value))
                }, location)
            case .sequence(let sequence): self = .sequence(sequence.map(Tree.init), location)
            default: self = .scalar("", location)
            }
        }

        var location: Location {
            switch self {
            case .scalar(_, let l), .mapping(_, let l), .sequence(_, let l): l
            }
        }

        var string: String? {
            if case .scalar(let text, _) = self { return text }
            return nil
        }

        subscript(key: String) -> Tree? {
            guard case .mapping(let entries, _) = self else { return nil }
            return entries.first { $0.key == key }?.value
        }
    }

    private let root: Tree?

    public init(yaml: String) {
        root = ((try? Yams.compose(yaml: yaml)) ?? nil).map(Tree.init)
    }

    /// A list item of `section` (`beats`, `persona.facts`...) whose `id` (or `name`) is `id`.
    public func item(_ section: String, id: String) -> Location? {
        itemNode(section, id: id).flatMap(Self.location)
    }

    /// The value of `key` in that item, or the item itself when the key is absent.
    public func item(_ section: String, id: String, key: String) -> Location? {
        guard let node = itemNode(section, id: id) else { return nil }
        return (node[key] ?? node).flatMap(Self.location)
    }

    /// The `index`-th element of the list under `key` in that item (a `next` target, an `if` condition).
    public func item(_ section: String, id: String, key: String, element: String) -> Location? {
        guard let node = itemNode(section, id: id), let value = node[key] else { return item(section, id: id) }
        if case .sequence(let sequence, _) = value, let found = sequence.first(where: { $0.string == element }) {
            return Self.location(found)
        }
        return Self.location(value)
    }

    /// The `index`-th item of a list section (script stages and thresholds have no ids).
    public func item(_ section: String, index: Int, key: String? = nil) -> Location? {
        guard case .sequence(let sequence, _)? = node(at: section), index < sequence.count else { return nil }
        let item = sequence[index]
        if let key, let value = item[key] { return Self.location(value) }
        return Self.location(item)
    }

    /// A key of a mapping section (`rubric.pass`, `translation_of`); a free mapping's key itself
    /// when `entry` is given (`rubric.indicators` entry `closing.ask`).
    public func key(_ path: String, entry: String? = nil) -> Location? {
        guard let node = node(at: path) else { return nil }
        if let entry, case .mapping(let entries, _) = node, let found = entries.first(where: { $0.key == entry }) {
            return found.keyLocation
        }
        return Self.location(node)
    }

    public static let start = Location(line: 1, column: 1)

    private func node(at path: String) -> Tree? {
        var current = root
        for part in path.split(separator: ".") {
            current = current?[String(part)]
        }
        return current
    }

    private func itemNode(_ section: String, id: String) -> Tree? {
        guard case .sequence(let sequence, _)? = node(at: section) else { return nil }
        return sequence.first { $0["id"]?.string == id || $0["name"]?.string == id }
    }

    private static func location(_ node: Tree) -> Location? { node.location }
}
