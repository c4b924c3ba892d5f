import CallsimCore
import Foundation

/// Folds an agent line into tokens for matching with the shared `TextNormalizer` (width,
/// case, 您/妳 as 你, 臺 as 台, Chinese numerals before a unit as digits); then each Han
/// character is a token, each run of Latin letters or digits is a token, and everything
/// else separates tokens.
public enum MatchText {
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty { tokens.append(String(word)); word = String.UnicodeScalarView() }
        }
        for scalar in TextNormalizer.scalars(text) {
            if isWordScalar(scalar) {
                word.append(scalar)
            } else if isHan(scalar) {
                flush()
                tokens.append(String(scalar))
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39) || s == "'" || s == "$"
            || (s.value >= 0xC0 && s.value <= 0x24F)
    }

    private static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FFFF).contains(v)
            || (0x3040...0x30FF).contains(v)
    }
}

/// Matches agent lines against intents. Built once per scenario: keywords and example
/// phrases are tokenised and indexed so that a turn costs a few dictionary look-ups
/// per token of the agent's line, however many intents the scenario has.
struct IntentMatcher: Sendable {
    /// A keyword piece: a token sequence; the last token may match as a prefix (`refund*`).
    private struct Piece: Sendable {
        var tokens: [Int32]
        var prefixTail: String?
    }

    private struct CompiledIntent: Sendable {
        /// Each keyword is a list of piece indices that must all occur (`方便+嗎`).
        var keywords: [[Int]]
        var unless: [[Int]]
    }

    /// Share of an example phrase's units that the agent's line must contain.
    static let phraseThreshold = 0.5

    private var vocabulary: [String: Int32] = [:]
    private var pieces: [Piece] = []
    private var piecesByFirstToken: [Int32: [Int]] = [:]
    private var prefixOnlyPieces: [Int] = []
    private var intents: [CompiledIntent] = []
    private var phraseUnitCounts: [Int32] = []
    private var phraseIntent: [Int32] = []
    private var postings: [UInt64: [Int32]] = [:]

    init(intents source: [Intent]) {
        for intent in source {
            let keywords = intent.keywords.map { addKeyword($0) }.filter { !$0.isEmpty }
            let unless = intent.unless.map { addKeyword($0) }.filter { !$0.isEmpty }
            for example in intent.examples {
                let units = Self.phraseUnits(MatchText.tokens(example).map { intern($0) })
                guard !units.isEmpty else { continue }
                let index = Int32(phraseUnitCounts.count)
                phraseUnitCounts.append(Int32(units.count))
                phraseIntent.append(Int32(intents.count))
                for unit in units { postings[unit, default: []].append(index) }
            }
            intents.append(CompiledIntent(keywords: keywords, unless: unless))
        }
    }

    private mutating func intern(_ token: String) -> Int32 {
        if let id = vocabulary[token] { return id }
        let id = Int32(vocabulary.count)
        vocabulary[token] = id
        return id
    }

    private mutating func addKeyword(_ keyword: String) -> [Int] {
        var result: [Int] = []
        for part in keyword.split(separator: "+") {
            var text = String(part).trimmed(.whitespaces)
            let isPrefix = text.hasSuffix("*")
            if isPrefix { text.removeLast() }
            var tokens = MatchText.tokens(text)
            guard !tokens.isEmpty else { continue }
            var tail: String?
            if isPrefix { tail = tokens.removeLast() }
            let piece = Piece(tokens: tokens.map { intern($0) }, prefixTail: tail)
            let index = pieces.count
            pieces.append(piece)
            if let first = piece.tokens.first {
                piecesByFirstToken[first, default: []].append(index)
            } else {
                prefixOnlyPieces.append(index)
            }
            result.append(index)
        }
        return result
    }

    private static func unit(_ a: Int32, _ b: Int32) -> UInt64 {
        (UInt64(UInt32(bitPattern: a)) << 32) | UInt64(UInt32(bitPattern: b))
    }

    private static let noToken: Int32 = -1

    /// Token bigrams, plus unigrams for Latin words and for one-token phrases.
    private static func phraseUnits(_ tokens: [Int32]) -> Set<UInt64> {
        var units = Set<UInt64>()
        if tokens.count == 1 { units.insert(unit(tokens[0], noToken)); return units }
        for index in tokens.indices.dropLast() { units.insert(unit(tokens[index], tokens[index + 1])) }
        return units
    }

    /// Indices (into the intents given at init) of the intents the line matches, ascending.
    func match(_ line: String) -> [Int] {
        let words = MatchText.tokens(line)
        guard !words.isEmpty else { return [] }
        let ids = words.map { vocabulary[$0] ?? Self.noToken }

        var pieceHit = [Bool](repeating: false, count: pieces.count)
        for start in ids.indices {
            guard let candidates = piecesByFirstToken[ids[start]] else { continue }
            for pieceIndex in candidates where !pieceHit[pieceIndex] {
                if piece(pieces[pieceIndex], occursAt: start, ids: ids, words: words) { pieceHit[pieceIndex] = true }
            }
        }
        for pieceIndex in prefixOnlyPieces where !pieceHit[pieceIndex] {
            if let tail = pieces[pieceIndex].prefixTail, words.contains(where: { $0.hasPrefix(tail) }) {
                pieceHit[pieceIndex] = true
            }
        }

        // Count shared units only for the phrases the line touches, then keep those past the threshold.
        var phraseHit = [Bool](repeating: false, count: intents.count)
        if !phraseUnitCounts.isEmpty {
            var counts = [Int32](repeating: 0, count: phraseUnitCounts.count)
            var touched: [Int32] = []
            var seen = Set<UInt64>()
            for index in ids.indices {
                var lineUnits = [Self.unit(ids[index], Self.noToken)]
                if index + 1 < ids.count { lineUnits.append(Self.unit(ids[index], ids[index + 1])) }
                for unit in lineUnits where seen.insert(unit).inserted {
                    guard let list = postings[unit] else { continue }
                    for phrase in list {
                        if counts[Int(phrase)] == 0 { touched.append(phrase) }
                        counts[Int(phrase)] += 1
                    }
                }
            }
            for phrase in touched
            where Double(counts[Int(phrase)]) >= Self.phraseThreshold * Double(phraseUnitCounts[Int(phrase)]) {
                phraseHit[Int(phraseIntent[Int(phrase)])] = true
            }
        }

        var result: [Int] = []
        for (index, intent) in intents.enumerated() {
            if intent.unless.contains(where: { $0.allSatisfy { pieceHit[$0] } }) { continue }
            if phraseHit[index] || intent.keywords.contains(where: { $0.allSatisfy { pieceHit[$0] } }) {
                result.append(index)
            }
        }
        return result
    }

    private func piece(_ piece: Piece, occursAt start: Int, ids: [Int32], words: [String]) -> Bool {
        let needed = piece.tokens.count + (piece.prefixTail == nil ? 0 : 1)
        guard start + needed <= ids.count else { return false }
        for (offset, token) in piece.tokens.enumerated() where ids[start + offset] != token { return false }
        if let tail = piece.prefixTail { return words[start + piece.tokens.count].hasPrefix(tail) }
        return true
    }
}
