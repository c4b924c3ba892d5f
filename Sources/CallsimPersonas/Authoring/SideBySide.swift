/// Terminal column widths: East Asian Wide and Fullwidth characters take two columns,
/// combining marks and zero-width characters none, everything else one.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v)
            || (0x20D0...0x20FF).contains(v) || v == 0x2060 || v == 0xFEFF {
            return 0
        }
        if v < 0x1100 { return 1 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
            0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
            0x26F2...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
            0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
            0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
            0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
            0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

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
