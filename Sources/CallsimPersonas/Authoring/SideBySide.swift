import CallsimCore

/// Fitting text into terminal columns (East Asian wide characters take two).
public enum DisplayWidth {
    public static func of(_ text: String) -> Int { text.displayWidth }

    /// The text cut to at most `width` columns (ending in `…` when cut) and padded with spaces to exactly `width`.
    public static func fit(_ text: String, width: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        var result = ""
        var used = 0
        let total = of(flat)
        let limit = total > width ? width - 1 : width
        for character in flat {
            let w = of(String(character))
            if used + w > limit { break }
            result.append(character)
            used += w
        }
        if total > width { result += "…"; used += 1 }
        return result + String(repeating: " ", count: max(0, width - used))
    }
}

/// Expected and actual lines in two aligned columns, from the first row that differs.
public struct SideBySide: Sendable {
    public struct Row: Sendable, Hashable {
        public var expected: String?
        public var actual: String?
        public var differs: Bool
    }

    public var rows: [Row]
    /// Index of the first differing row, nil when all match.
    public var firstDifference: Int?

    public init(expected: [String], actual: [String], same: (Int) -> Bool) {
        var rows: [Row] = []
        for index in 0..<max(expected.count, actual.count) {
            let left = index < expected.count ? expected[index] : nil
            let right = index < actual.count ? actual[index] : nil
            rows.append(Row(expected: left, actual: right, differs: left == nil || right == nil || !same(index)))
        }
        self.rows = rows
        firstDifference = rows.firstIndex(where: \.differs)
    }

    /// The table from one row before the first difference; `width` columns per side.
    public func render(width: Int = 44, context: Int = 1) -> String {
        guard let first = firstDifference else { return "" }
        let start = max(0, first - context)
        let numberWidth = String(rows.count).count
        let pad = String(repeating: " ", count: numberWidth)
        var lines = ["    \(pad) \(DisplayWidth.fit("expected", width: width)) │ actual"]
        for index in start..<rows.count {
            let row = rows[index]
            let number = String(index + 1)
            let marker = row.differs ? "  ✗ " : "    "
            let left = DisplayWidth.fit(row.expected ?? "—", width: width)
            let right = row.actual ?? "—"
            lines.append(marker + String(repeating: " ", count: numberWidth - number.count) + number + " " + left + " │ " + right)
        }
        return lines.map { line in
            var trimmed = line
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            return trimmed
        }.joined(separator: "\n")
    }
}
