import CallsimCore

/// One phrase found in a turn: its act and where it lies in the normalised scalars.
public struct PhraseMatch: Sendable, Hashable {
    public var act: Act
    public var start: Int
    public var end: Int
}

/// Finds every lexicon phrase in a normalised text in one pass. Phrases are indexed by their
/// first two scalars (a bit filter first, then a table), so the cost per scalar is a few
/// bit tests, whatever the size of the lexicon.
public struct PhraseMatcher: Sendable {
    struct Pattern: Sendable {
        var parts: [[Unicode.Scalar]]
        var act: Act
        var checkLeft: Bool
        var checkRight: Bool
    }

    static let maxGap = 14
    static let filterBits = 1 << 16

    var patterns: [Pattern] = []
    var pairIndex: [UInt64: [Int32]] = [:]
    var singleIndex: [UInt32: [Int32]] = [:]
    var pairFilter: [UInt64]
    var singleFilter: [UInt64]

    public init(entries: [(Act, [String])]) {
        pairFilter = Array(repeating: 0, count: Self.filterBits / 64)
        singleFilter = Array(repeating: 0, count: Self.filterBits / 64)
        var seen = Set<String>()
        for (act, phrases) in entries {
            for phrase in phrases {
                var text = phrase
                var checkLeft = true
                var checkRight = true
                if text.hasPrefix("*") { checkLeft = false; text.removeFirst() }
                if text.hasSuffix("*") { checkRight = false; text.removeLast() }
                let parts = text.split(separator: "…").map { TextNormalizer.scalars(String($0)) }.filter { !$0.isEmpty }
                guard !parts.isEmpty else { continue }
                let key = "\(act.rawValue)|\(checkLeft)|\(checkRight)|" + parts.map { String(String.UnicodeScalarView($0)) }.joined(separator: "…")
                guard seen.insert(key).inserted else { continue }
                let id = Int32(patterns.count)
                patterns.append(Pattern(parts: parts, act: act, checkLeft: checkLeft, checkRight: checkRight))
                let first = parts[0]
                if first.count == 1 {
                    singleIndex[first[0].value, default: []].append(id)
                    Self.setBit(&singleFilter, Self.hash1(first[0].value))
                } else {
                    let pair = Self.pairKey(first[0].value, first[1].value)
                    pairIndex[pair, default: []].append(id)
                    Self.setBit(&pairFilter, Self.hash2(pair))
                }
            }
        }
    }

    @inline(__always) static func pairKey(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 32 | UInt64(b) }
    @inline(__always) static func hash1(_ a: UInt32) -> Int { Int((a &* 2_654_435_761) >> 16) & (filterBits - 1) }
    @inline(__always) static func hash2(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & (filterBits - 1) }
    @inline(__always) static func setBit(_ bits: inout [UInt64], _ index: Int) { bits[index >> 6] |= 1 << UInt64(index & 63) }
    @inline(__always) static func testBit(_ bits: [UInt64], _ index: Int) -> Bool { bits[index >> 6] & (1 << UInt64(index & 63)) != 0 }

    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x27
    }

    public func matches(in text: [Unicode.Scalar]) -> [PhraseMatch] {
        var found: [PhraseMatch] = []
        let count = text.count
        var i = 0
        while i < count {
            let a = text[i].value
            if Self.testBit(singleFilter, Self.hash1(a)), let ids = singleIndex[a] {
                for id in ids { tryMatch(Int(id), at: i, in: text, into: &found) }
            }
            if i + 1 < count {
                let key = Self.pairKey(a, text[i + 1].value)
                if Self.testBit(pairFilter, Self.hash2(key)), let ids = pairIndex[key] {
                    for id in ids { tryMatch(Int(id), at: i, in: text, into: &found) }
                }
            }
            i += 1
        }
        return found
    }

    @inline(__always)
    func tryMatch(_ id: Int, at start: Int, in text: [Unicode.Scalar], into found: inout [PhraseMatch]) {
        let pattern = patterns[id]
        let first = pattern.parts[0]
        guard start + first.count <= text.count else { return }
        for k in 0..<first.count where text[start + k] != first[k] { return }
        if pattern.checkLeft, Self.isWordScalar(first[0]), start > 0, Self.isWordScalar(text[start - 1]) { return }
        var end = start + first.count
        if pattern.parts.count > 1 {
            for part in pattern.parts.dropFirst() {
                guard let position = find(part, in: text, from: end, limit: end + Self.maxGap) else { return }
                end = position + part.count
            }
        }
        let last = pattern.parts[pattern.parts.count - 1]
        if pattern.checkRight, let lastScalar = last.last, Self.isWordScalar(lastScalar), end < text.count,
           Self.isWordScalar(text[end]) {
            return
        }
        found.append(PhraseMatch(act: pattern.act, start: start, end: end))
    }

    /// The first place of `part` starting in `from...limit`, not crossing a clause end.
    func find(_ part: [Unicode.Scalar], in text: [Unicode.Scalar], from: Int, limit: Int) -> Int? {
        var i = from
        while i <= limit && i + part.count <= text.count {
            if TurnFeatures.isClauseEnd(text[i]) { return nil }
            var ok = true
            for k in 0..<part.count where text[i + k] != part[k] { ok = false; break }
            if ok { return i }
            i += 1
        }
        return nil
    }
}

enum Lexicon {
    static let matcher = PhraseMatcher(entries: LexiconZh.entries + LexiconEn.entries)
}
