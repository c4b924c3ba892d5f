/// Reads the transcript format (`# key: value` headers, then `TAG: words` turns).
/// Errors are `file:line` diagnostics, all of them at once; nothing in the input traps.
public enum TranscriptParser {
    /// Lines longer than this are refused rather than scored (a stray binary or log file).
    public static let maxLineBytes = 1 << 20

    static let agentTags: Set<String> = ["a", "agent", "專員", "客服"]
    static let customerTags: Set<String> = ["c", "customer", "客戶", "顧客"]

    public static func parse(_ text: String, file: String) throws(DiagnosticList) -> Transcript {
        try parse(Array(text.utf8), file: file)
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> Transcript {
        var diagnostics: [Diagnostic] = []
        func fail(_ line: Int, _ message: String) {
            if diagnostics.count < 20 { diagnostics.append(Diagnostic(file: file, line: line, message: message)) }
        }
        if bytes.isEmpty {
            throw DiagnosticList([Diagnostic(file: file, line: 1, message: "empty file (a transcript needs turns such as 'A: ...' and 'C: ...')")])
        }
        if let nul = bytes.firstIndex(of: 0) {
            let line = 1 + bytes[..<nul].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            throw DiagnosticList([Diagnostic(file: file, line: line, message: "binary file (contains a NUL byte), not a text transcript")])
        }

        var headers: [Transcript.Header] = []
        var turns: [Turn] = []
        var lineNumber = 0
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var sawContent = false
        var lastLine = 1

        while start <= bytes.count {
            lineNumber += 1
            let end = start < bytes.count ? (bytes[start...].firstIndex(of: 0x0A) ?? bytes.count) : bytes.count
            defer { start = end + 1 }
            if end == bytes.count && start == bytes.count { break }
            lastLine = lineNumber
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd - start > maxLineBytes {
                fail(lineNumber, "line too long (\(lineEnd - start) bytes; at most \(maxLineBytes))")
                continue
            }
            var lo = start
            var hi = lineEnd
            while lo < hi, let width = spaceWidth(bytes, lo, hi) { lo += width }
            while hi > lo, let width = trailingSpaceWidth(bytes, lo, hi) { hi -= width }
            if lo == hi { continue }
            sawContent = true

            if bytes[lo] == 0x23 { // '#'
                guard let line = String(validating: bytes[lo..<hi], as: UTF8.self) else {
                    fail(lineNumber, "invalid UTF-8 (transcripts must be UTF-8 text)")
                    continue
                }
                if !turns.isEmpty {
                    fail(lineNumber, "header line after the first turn (headers '# key: value' come before the turns)")
                    continue
                }
                if let header = parseHeader(bytes, lo, hi, line: line) { headers.append(header) }
                continue
            }
            switch classify(bytes, lo, hi) {
            case .turn(let speaker, let wordsStart):
                guard let words = String(validating: bytes[wordsStart..<hi], as: UTF8.self) else {
                    fail(lineNumber, "invalid UTF-8 (transcripts must be UTF-8 text)")
                    continue
                }
                turns.append(Turn(speaker: speaker, text: words, line: lineNumber))
            case .unknownTag(let tag):
                fail(lineNumber, "unknown speaker tag '\(tag)' (use A, Agent, 專員 or 客服 for the agent; C, Customer, 客戶 or 顧客 for the customer)")
            case .continuation:
                guard let line = String(validating: bytes[lo..<hi], as: UTF8.self) else {
                    fail(lineNumber, "invalid UTF-8 (transcripts must be UTF-8 text)")
                    continue
                }
                if turns.isEmpty {
                    fail(lineNumber, "text before the first turn has no speaker tag (expected 'A: ...' or 'C: ...')")
                } else {
                    let previous = turns[turns.count - 1].text
                    turns[turns.count - 1].text = previous.isEmpty ? line : previous + " " + line
                }
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        if turns.isEmpty {
            let message = sawContent ? "no turns (expected lines such as 'A: ...' and 'C: ...')"
                : "empty file (a transcript needs turns such as 'A: ...' and 'C: ...')"
            throw DiagnosticList([Diagnostic(file: file, line: lastLine, message: message)])
        }
        return Transcript(headers: headers, turns: turns)
    }

    /// `# key: value` → header; any other `#` line is a comment.
    static func parseHeader(_ bytes: [UInt8], _ lo: Int, _ hi: Int, line: String) -> Transcript.Header? {
        // Fast path for the usual ASCII key: "# key: value".
        var i = lo + 1
        while i < hi && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        let keyStart = i
        while i < hi && i - keyStart <= 40, isKeyByte(bytes[i]) { i += 1 }
        if i > keyStart && i < hi && bytes[i] == 0x3A {
            let key = String(decoding: bytes[keyStart..<i].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
            var valueStart = i + 1
            while valueStart < hi, let width = spaceWidth(bytes, valueStart, hi) { valueStart += width }
            return Transcript.Header(key: key, value: String(decoding: bytes[valueStart..<hi], as: UTF8.self))
        }
        return parseHeader(line)
    }

    @inline(__always) static func isKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
    }

    static func parseHeader(_ line: String) -> Transcript.Header? {
        let body = line.dropFirst().drop { $0 == " " || $0 == "\t" }
        guard let colon = body.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let key = body[..<colon].trimmingWhitespace()
        guard !key.isEmpty, key.count <= 40,
              key.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || $0 == "_" || ("0"..."9").contains($0) })
        else { return nil }
        let value = body[body.index(after: colon)...].trimmingWhitespace()
        return Transcript.Header(key: key.lowercased(), value: value)
    }

    enum LineKind: Equatable {
        case turn(Speaker, wordsStart: Int)
        case unknownTag(String)
        case continuation
    }

    static let agentTagBytes: [[UInt8]] = ["a", "agent", "專員", "客服"].map { Array($0.utf8) }
    static let customerTagBytes: [[UInt8]] = ["c", "customer", "客戶", "顧客"].map { Array($0.utf8) }

    /// A tag is a short word before the first colon (ASCII or full-width); only the start of the line is examined.
    static func classify(_ bytes: [UInt8], _ lo: Int, _ hi: Int) -> LineKind {
        var colon: Int? = nil
        var colonWidth = 1
        var i = lo
        while i < hi && i - lo < 48 {
            if bytes[i] == 0x3A { colon = i; break }
            if bytes[i] == 0xEF && i + 2 < hi && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x9A { colon = i; colonWidth = 3; break }
            i += 1
        }
        guard let colon else { return .continuation }
        var tagEnd = colon
        while tagEnd > lo, let width = trailingSpaceWidth(bytes, lo, tagEnd) { tagEnd -= width }
        var wordsStart = colon + colonWidth
        while wordsStart < hi, let width = spaceWidth(bytes, wordsStart, hi) { wordsStart += width }
        let tag = bytes[lo..<tagEnd].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        if agentTagBytes.contains(tag) { return .turn(.agent, wordsStart: wordsStart) }
        if customerTagBytes.contains(tag) { return .turn(.customer, wordsStart: wordsStart) }
        // Words before a colon that do not look like a tag ("10:30", "http://") continue the turn.
        guard let tagText = String(validating: bytes[lo..<tagEnd], as: UTF8.self) else { return .continuation }
        let afterColon = bytes[wordsStart..<hi]
        let looksLikeTag = !tagText.isEmpty && tagText.count <= 12 && tagText.allSatisfy { $0.isLetter }
            && !afterColon.starts(with: [0x2F, 0x2F])
        return looksLikeTag ? .unknownTag(tagText) : .continuation
    }

    /// Width of a space (ASCII blank, tab, CR, U+3000) starting at `i`, if there is one.
    @inline(__always) static func spaceWidth(_ bytes: [UInt8], _ i: Int, _ hi: Int) -> Int? {
        let b = bytes[i]
        if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C { return 1 }
        if b == 0xE3 && i + 2 < hi && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 { return 3 }
        return nil
    }

    /// Width of a space ending just before `hi`, if there is one.
    @inline(__always) static func trailingSpaceWidth(_ bytes: [UInt8], _ lo: Int, _ hi: Int) -> Int? {
        let b = bytes[hi - 1]
        if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C { return 1 }
        if b == 0x80 && hi - 3 >= lo && bytes[hi - 3] == 0xE3 && bytes[hi - 2] == 0x80 { return 3 }
        return nil
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex, let whole = self as? String { return whole }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}

@inline(__always) func isSpace(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
        return true
    default:
        return false
    }
}
