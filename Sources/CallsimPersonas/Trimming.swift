import Foundation

extension String {
    /// Same result as `trimmingCharacters(in:)`, without bridging to NSString: the loader
    /// trims every scalar it reads, and the bridge (a UTF-16 copy each way) dominated it.
    func trimmed(_ set: TrimSet = .whitespacesAndNewlines) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, set.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard set.contains(scalars[before]) else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }
}

/// Foundation's whitespace sets, with an ASCII fast path.
struct TrimSet: Sendable {
    private let newlines: Bool

    static let whitespaces = TrimSet(newlines: false)
    static let whitespacesAndNewlines = TrimSet(newlines: true)

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09: return true
        case 0x0A...0x0D: return newlines
        case 0x21..<0x80, 0..<0x09, 0x0E..<0x20: return false
        default:
            return newlines ? CharacterSet.whitespacesAndNewlines.contains(scalar) : CharacterSet.whitespaces.contains(scalar)
        }
    }
}
