import CallsimCore

/// One phrase found in a turn: its act and where it lies in the normalised scalars.
public struct PhraseMatch: Sendable, Hashable {
    public var act: Act
    public var start: Int
    public var end: Int
}

/// Finds every lexicon phrase in a normalised text in one pass. Phrases are indexed by their
/// first scalar (a direct table) or first two scalars (an open-addressing table), and stored
/// flat, so the cost per scalar is one or two table reads whatever the size of the lexicon.
public struct PhraseMatcher: Sendable {
    static let maxGap = 14

    /// All phrase parts, one after another.
    private var partScalars: [UInt32] = []
    /// Start of each part in `partScalars`; part k ends where part k+1 starts.
    private var partStarts: [Int32] = [0]
    private var firstPart: [Int32] = []
    private var partCount: [Int32] = []
    private var acts: [Act] = []
    private var checkLeft: [Bool] = []
    private var checkRight: [Bool] = []
    /// True when some phrase may start inside a word (a leading `*`); otherwise positions inside words are skipped.
    private var startsInsideWords = false

    /// Candidate pattern ids, grouped by key.
    private var candidates: [Int32] = []
    /// For a first scalar below U+10000: (start << 8) | count into `candidates`.
    private var singleSlots: [UInt32]
    private var pairKeys: [UInt64]
    private var pairSlots: [UInt32]
    private var pairMask: Int
    /// One bit per hash of the first two scalars of every longer phrase: most positions need no probe.
    private var pairFilter: [UInt64] = Array(repeating: 0, count: 1 << 10)

    public init(entries: [(Act, [String])]) {
        struct Pattern { var parts: [[UInt32]]; var act: Act; var left: Bool; var right: Bool }
        var patterns: [Pattern] = []
        var seen = Set<String>()
        for (act, phrases) in entries {
            for phrase in phrases {
                var text = phrase
                var left = true
                var right = true
                if text.hasPrefix("*") { left = false; text.removeFirst() }
                if text.hasSuffix("*") { right = false; text.removeLast() }
                let parts = text.split(separator: "…").map { TextNormalizer.scalars(String($0)).map(\.value) }.filter { !$0.isEmpty }
                guard !parts.isEmpty, parts[0][0] < 0x10000 else { continue }
                let key = "\(act.rawValue)|\(left)|\(right)|" + parts.map { $0.map(String.init).joined(separator: ",") }.joined(separator: "…")
                guard seen.insert(key).inserted else { continue }
                patterns.append(Pattern(parts: parts, act: act, left: left, right: right))
            }
        }
        for pattern in patterns {
            firstPart.append(Int32(partStarts.count - 1))
            partCount.append(Int32(pattern.parts.count))
            for part in pattern.parts {
                partScalars += part
                partStarts.append(Int32(partScalars.count))
            }
            acts.append(pattern.act)
            if !pattern.left { startsInsideWords = true }
            checkLeft.append(pattern.left)
            checkRight.append(pattern.right)
        }
        // Group ids by their first scalar (one-scalar first parts) or by their first two to four scalars.
        var singles: [UInt32: [Int32]] = [:]
        var grams: [UInt64: [Int32]] = [:]
        for (id, pattern) in patterns.enumerated() {
            let first = pattern.parts[0]
            if first.count == 1 {
                singles[first[0], default: []].append(Int32(id))
            } else {
                let bit = Self.filterBit(first[0], first[1])
                pairFilter[bit >> 6] |= 1 << UInt64(bit & 63)
                var key: UInt64 = 0
                for k in 0..<min(first.count, Self.maxKeyLength) { key = Self.extend(key, first[k]) }
                grams[key | UInt64(min(first.count, Self.maxKeyLength)), default: []].append(Int32(id))
            }
        }
        singleSlots = Array(repeating: 0, count: 0x10000)
        for key in singles.keys.sorted() {
            let ids = singles[key] ?? []
            singleSlots[Int(key)] = UInt32(candidates.count) << 8 | UInt32(min(ids.count, 255))
            candidates += ids.prefix(255)
        }
        var capacity = 16
        while capacity < grams.count * 3 { capacity <<= 1 }
        pairMask = capacity - 1
        pairKeys = Array(repeating: 0, count: capacity)
        pairSlots = Array(repeating: 0, count: capacity)
        for key in grams.keys.sorted() {
            let ids = grams[key] ?? []
            var slot = Self.slot(key, pairMask)
            while pairKeys[slot] != 0 { slot = (slot + 1) & pairMask }
            pairKeys[slot] = key
            pairSlots[slot] = UInt32(candidates.count) << 8 | UInt32(min(ids.count, 255))
            candidates += ids.prefix(255)
        }
    }

    @inline(__always) static func filterBit(_ a: UInt32, _ b: UInt32) -> Int {
        Int(truncatingIfNeeded: ((UInt64(a) << 21 | UInt64(b)) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    /// Phrases are looked up by up to this many leading scalars.
    static let maxKeyLength = 4

    /// Adds a scalar to a rolling key (the low 3 bits are left for the key's length).
    @inline(__always) static func extend(_ key: UInt64, _ scalar: UInt32) -> UInt64 {
        ((key ^ UInt64(scalar)) &* 0x100_0000_01B3 ^ (key >> 29)) & ~7
    }

    @inline(__always) static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always) static func isWordScalar(_ v: UInt32) -> Bool {
        (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x27
    }

    @inline(__always) static func isClauseEnd(_ v: UInt32) -> Bool {
        v == 0x2C || v == 0x2E || v == 0x3F || v == 0x21 || v == 0x3B || v == 0x3A || v == 0x0A
    }

    /// Raw views of the tables for the duration of one scan (no bounds checks or reference counting in the loop).
    private struct View {
        var partScalars: UnsafeBufferPointer<UInt32>
        var partStarts: UnsafeBufferPointer<Int32>
        var firstPart: UnsafeBufferPointer<Int32>
        var partCount: UnsafeBufferPointer<Int32>
        var acts: UnsafeBufferPointer<Act>
        var checkLeft: UnsafeBufferPointer<Bool>
        var checkRight: UnsafeBufferPointer<Bool>
        var candidates: UnsafeBufferPointer<Int32>
        var singleSlots: UnsafeBufferPointer<UInt32>
        var pairKeys: UnsafeBufferPointer<UInt64>
        var pairSlots: UnsafeBufferPointer<UInt32>
        var pairMask: Int
        var startsInsideWords: Bool
        var pairFilter: UnsafeBufferPointer<UInt64>
    }

    public func matches(in text: [Unicode.Scalar]) -> [PhraseMatch] {
        var found: [PhraseMatch] = []
        guard !text.isEmpty else { return found }
        partScalars.withUnsafeBufferPointer { partScalars in
        partStarts.withUnsafeBufferPointer { partStarts in
        firstPart.withUnsafeBufferPointer { firstPart in
        partCount.withUnsafeBufferPointer { partCount in
        acts.withUnsafeBufferPointer { acts in
        checkLeft.withUnsafeBufferPointer { checkLeft in
        checkRight.withUnsafeBufferPointer { checkRight in
        candidates.withUnsafeBufferPointer { candidates in
        singleSlots.withUnsafeBufferPointer { singleSlots in
        pairKeys.withUnsafeBufferPointer { pairKeys in
        pairSlots.withUnsafeBufferPointer { pairSlots in
        pairFilter.withUnsafeBufferPointer { pairFilter in
        text.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: UInt32.self) { t in
                let view = View(
                    partScalars: partScalars, partStarts: partStarts, firstPart: firstPart, partCount: partCount, acts: acts,
                    checkLeft: checkLeft, checkRight: checkRight, candidates: candidates, singleSlots: singleSlots,
                    pairKeys: pairKeys, pairSlots: pairSlots, pairMask: pairMask, startsInsideWords: startsInsideWords,
                    pairFilter: pairFilter)
                Self.scan(t, view, into: &found)
            }
        }}}}}}}}}}}}}
        return found
    }

    private static func scan(_ t: UnsafeBufferPointer<UInt32>, _ v: View, into found: inout [PhraseMatch]) {
        let count = t.count
        for i in 0..<count {
            let a = t[i]
            // Inside an English word or a number no phrase can start (each checks its left edge).
            if !v.startsInsideWords && i > 0 && isWordScalar(a) && isWordScalar(t[i - 1]) { continue }
            if a < 0x10000 {
                let slot = v.singleSlots[Int(a)]
                if slot != 0 { tryCandidates(slot, at: i, in: t, v, into: &found) }
            }
            guard i + 1 < count else { continue }
            let bit = filterBit(a, t[i + 1])
            if v.pairFilter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { continue }
            // Keys of two, three and four leading scalars.
            var key = extend(0, a)
            var length = 1
            while length < maxKeyLength && i + length < count {
                key = extend(key, t[i + length])
                length += 1
                let full = key | UInt64(length)
                var s = slot(full, v.pairMask)
                while true {
                    let k = v.pairKeys[s]
                    if k == 0 { break }
                    if k == full {
                        tryCandidates(v.pairSlots[s], at: i, in: t, v, into: &found)
                        break
                    }
                    s = (s + 1) & v.pairMask
                }
            }
        }
    }

    @inline(__always)
    private static func tryCandidates(_ slot: UInt32, at start: Int, in t: UnsafeBufferPointer<UInt32>, _ v: View, into found: inout [PhraseMatch]) {
        let begin = Int(slot >> 8)
        let end = begin + Int(slot & 0xFF)
        for c in begin..<end { tryMatch(Int(v.candidates[c]), at: start, in: t, v, into: &found) }
    }

    @inline(__always)
    private static func partMatches(_ part: Int, at position: Int, in t: UnsafeBufferPointer<UInt32>, _ v: View) -> Bool {
        let lo = Int(v.partStarts[part])
        let hi = Int(v.partStarts[part + 1])
        guard position + (hi - lo) <= t.count else { return false }
        var k = lo
        var p = position
        while k < hi {
            if t[p] != v.partScalars[k] { return false }
            k += 1
            p += 1
        }
        return true
    }

    private static func tryMatch(_ id: Int, at start: Int, in t: UnsafeBufferPointer<UInt32>, _ v: View, into found: inout [PhraseMatch]) {
        let first = Int(v.firstPart[id])
        guard partMatches(first, at: start, in: t, v) else { return }
        let firstScalar = v.partScalars[Int(v.partStarts[first])]
        if v.checkLeft[id], isWordScalar(firstScalar), start > 0, isWordScalar(t[start - 1]) { return }
        var end = start + Int(v.partStarts[first + 1] - v.partStarts[first])
        let parts = Int(v.partCount[id])
        if parts > 1 {
            for part in (first + 1)..<(first + parts) {
                let length = Int(v.partStarts[part + 1] - v.partStarts[part])
                var position = end
                var located: Int? = nil
                while position <= end + maxGap && position + length <= t.count {
                    if isClauseEnd(t[position]) { break }
                    if partMatches(part, at: position, in: t, v) { located = position; break }
                    position += 1
                }
                guard let located else { return }
                end = located + length
            }
        }
        let lastScalar = v.partScalars[Int(v.partStarts[first + parts]) - 1]
        if v.checkRight[id], isWordScalar(lastScalar), end < t.count, isWordScalar(t[end]) { return }
        found.append(PhraseMatch(act: v.acts[id], start: start, end: end))
    }
}

enum Lexicon {
    static let matcher = PhraseMatcher(entries: LexiconZh.entries + LexiconEn.entries)
}
