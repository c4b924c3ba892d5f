import CallsimCore

/// Column text aligned by display width (a Chinese character takes two columns).
enum TextTable {
    static func width(_ text: String) -> Int { text.displayWidth }

    static func pad(_ text: String, to columns: Int, right: Bool) -> String {
        text.padded(to: columns, right: right)
    }

    /// Rows joined by newlines, each ending in one; trailing spaces dropped.
    static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].displayWidth : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = row.enumerated()
                .map { $0.element.padded(to: widths[$0.offset], right: rightAligned.contains($0.offset)) }
                .joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
