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
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            if end == bytes.count && start == bytes.count { break }
            lastLine = lineNumber
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd - start > maxLineBytes {
                fail(lineNumber, "line too long (\(lineEnd - start) bytes; at most \(maxLineBytes))")
                continue
            }
            guard let raw = String(validating: bytes[start..<lineEnd], as: UTF8.self) else {
                fail(lineNumber, "invalid UTF-8 (transcripts must be UTF-8 text)")
                continue
            }
            let line = raw.trimmingWhitespace()
            if line.isEmpty { continue }
            sawContent = true

            if line.hasPrefix("#") {
                if !turns.isEmpty {
                    fail(lineNumber, "header line after the first turn (headers '# key: value' come before the turns)")
                    continue
                }
                if let header = parseHeader(line) { headers.append(header) }
                continue
            }
            switch classify(line) {
            case .turn(let speaker, let words):
                turns.append(Turn(speaker: speaker, text: words, line: lineNumber))
            case .unknownTag(let tag):
                fail(lineNumber, "unknown speaker tag '\(tag)' (use A, Agent, 專員 or 客服 for the agent; C, Customer, 客戶 or 顧客 for the customer)")
            case .continuation:
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
        case turn(Speaker, String)
        case unknownTag(String)
        case continuation
    }

    /// A tag is a short word before the first colon; only the start of the line is examined.
    static func classify(_ line: String) -> LineKind {
        let scalars = line.unicodeScalars
        var prefix = String.UnicodeScalarView()
        var count = 0
        var colonIndex: String.Index? = nil
        var index = scalars.startIndex
        while index < scalars.endIndex && count < 16 {
            let scalar = scalars[index]
            if scalar == ":" || scalar == "：" {
                colonIndex = index
                break
            }
            prefix.append(scalar)
            count += 1
            index = scalars.index(after: index)
        }
        guard let colonIndex else { return .continuation }
        let tag = String(prefix).trimmingWhitespace()
        let words = String(scalars[scalars.index(after: colonIndex)...]).trimmingWhitespace()
        let lowered = tag.lowercased()
        if agentTags.contains(lowered) { return .turn(.agent, words) }
        if customerTags.contains(lowered) { return .turn(.customer, words) }
        // Words before a colon that do not look like a tag ("10:30", "http://") continue the turn.
        let looksLikeTag = !tag.isEmpty && tag.count <= 12
            && tag.allSatisfy { $0.isLetter }
            && !words.hasPrefix("//")
        return looksLikeTag ? .unknownTag(tag) : .continuation
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
