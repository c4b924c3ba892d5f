import CallsimCore

/// Starting points for new scenarios (`callsim new`): complete, commented, passing lint and
/// their own tests as generated.
public enum ScenarioTemplate: String, Sendable, CaseIterable {
    case sales, complaint

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case badID(String)
        public var description: String {
            switch self {
            case .badID(let id):
                "'\(id)' is not a valid scenario id: use lower-case letters, digits and '-', starting with a letter (for example tw-bank-card-hostile)"
            }
        }
    }

    /// Scenario ids are file names: lower-case ASCII letters, digits and single hyphens, 3-64 characters.
    public static func isValidID(_ id: String) -> Bool {
        guard (3...64).contains(id.count), let first = id.first, first.isASCII, first.isLetter, first.isLowercase,
              !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    /// The scenario file's text.
    public func render(id: String, language: Language) throws(Problem) -> String {
        guard Self.isValidID(id) else { throw .badID(id) }
        let skeleton: String
        let words: [String: String]
        switch (self, language) {
        case (.sales, .zhTW): (skeleton, words) = (Self.salesSkeleton, Self.salesZh)
        case (.sales, .en): (skeleton, words) = (Self.salesSkeleton, Self.salesEn)
        case (.complaint, .zhTW): (skeleton, words) = (Self.complaintSkeleton, Self.complaintZh)
        case (.complaint, .en): (skeleton, words) = (Self.complaintSkeleton, Self.complaintEn)
        }
        var text = skeleton.replacingOccurrences(of: "{{ID}}", with: id)
            .replacingOccurrences(of: "{{LANG}}", with: language.rawValue)
        for (key, value) in words.sorted(by: { $0.key < $1.key }) {
            let yaml = key.hasPrefix("kw_")
                ? value.components(separatedBy: ", ").map(Self.scalar).joined(separator: ", ")
                : Self.scalar(value)
            text = text.replacingOccurrences(of: "{{\(key)}}", with: yaml)
        }
        return text
    }

    /// A YAML scalar: plain when it reads the same, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        let special: Set<Character> = [",", "[", "]", "{", "}", ":", "#", "\"", "'", "&", "*", "!", "|", ">", "%", "@", "`"]
        let needsQuotes = text.isEmpty || text.contains(where: special.contains) || text.first == "-" || text.first == "?"
            || text.first == " " || text.last == " " || ["yes", "no", "true", "false", "null", "on", "off"].contains(text.lowercased())
            || Double(text) != nil
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
