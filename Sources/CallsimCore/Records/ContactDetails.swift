import Foundation

/// Phone numbers, e-mail addresses and street addresses as a customer says them,
/// normalised so that a form's entry can be compared with what was said.
public enum ContactDetails {
    /// Digits only, with a Taiwan country code turned into the national prefix
    /// (+886 912-345-678 → 0912345678); nil when it is not a plausible phone number.
    public static func normalizePhone(_ text: String) -> String? {
        let normalized = TextUnits.convertChineseNumbers(TextUnits.normalize(text))
        var digits = normalized.filter { $0.isASCII && $0.isNumber }
        if digits.hasPrefix("886"), digits.count >= 11 {
            digits = "0" + digits.dropFirst(3).drop { $0 == "0" }
        }
        guard (7...15).contains(digits.count) else { return nil }
        return String(digits)
    }

    /// Every phone number in a text, normalised, in order.
    public static func phones(in text: String) -> [String] {
        let normalized = TextUnits.convertChineseNumbers(TextUnits.normalize(text))
        let characters = Array(normalized)
        var found: [String] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let startsNumber = (character.isASCII && character.isNumber) || character == "+" || character == "("
            let precededByWord = index > 0 && characters[index - 1].isASCII && characters[index - 1].isLetter
            guard startsNumber, !precededByWord else {
                // Skip the rest of a code such as an order number (A12345678).
                index += 1
                while precededByWord, index < characters.count, characters[index].isASCII,
                      characters[index].isNumber || characters[index].isLetter {
                    index += 1
                }
                continue
            }
            var end = index
            while end < characters.count,
                  (characters[end].isASCII && characters[end].isNumber) || "+-() ".contains(characters[end]) {
                end += 1
            }
            let candidate = String(characters[index..<end]).trimmingCharacters(in: .whitespaces)
            index = max(end, index + 1)
            if looksLikeDate(candidate) { continue }
            if let phone = normalizePhone(candidate) { found.append(phone) }
        }
        return found
    }

    static func looksLikeDate(_ text: String) -> Bool {
        text.range(of: #"^\d{4}[-/]\d{1,2}[-/]\d{1,2}$"#, options: .regularExpression) != nil
    }

    /// Lower case with spoken forms (小老鼠, " at ", " dot ", 點) made into symbols.
    public static func normalizeEmail(_ text: String) -> String? {
        emails(in: text).first
    }

    /// Every e-mail address in a text, lower-cased, in order.
    public static func emails(in text: String) -> [String] {
        var normalized = TextUnits.normalize(text)
        for (spoken, symbol) in [("小老鼠", "@"), ("(at)", "@"), ("[at]", "@"), (" at ", "@"), (" dot ", "."), ("(dot)", ".")] {
            normalized = normalized.replacingOccurrences(of: spoken, with: symbol)
        }
        // 點 is a dot only between Latin letters or digits.
        normalized = normalized.replacingOccurrences(
            of: #"(?<=[a-z0-9])\s*點\s*(?=[a-z0-9])"#, with: ".", options: .regularExpression)
        let pattern = #"[a-z0-9._%+-]+\s*@\s*[a-z0-9-]+(?:\s*\.\s*[a-z0-9-]+)*\s*\.\s*[a-z]{2,}"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(normalized.startIndex..., in: normalized)
        return expression.matches(in: normalized, range: range).compactMap { match in
            Range(match.range, in: normalized).map { normalized[$0].filter { !$0.isWhitespace } }
        }
    }

    /// Whether a line carries a street address (Taiwanese or English style) with a number.
    public static func mentionsAddress(_ text: String) -> Bool {
        let normalized = TextUnits.convertChineseNumbers(TextUnits.normalize(text))
        let hasDigit = normalized.contains { $0.isASCII && $0.isNumber }
        guard hasDigit else { return false }
        if normalized.range(of: #"\d+\s*(號|巷|弄|樓)|(路|街|大道)\s*\d|[路街]\S{0,4}段"#, options: .regularExpression) != nil {
            return true
        }
        return normalized.range(
            of: #"\d+\s+[a-z ]{2,30}\b(street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|drive|dr)\b"#,
            options: .regularExpression) != nil
    }
}
