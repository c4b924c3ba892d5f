import CallsimCore
import Synchronization

/// Needles of `TurnAnalysis.contains`, normalised once: most are literals asked of every turn.
/// Bounded, since names from transcript headers are needles too.
private let normalizedNeedles = Mutex<[String: [Unicode.Scalar]]>([:])

/// One turn read once: normalised text, dialogue acts, numbers, questions and content words.
/// A class so that the indicators share one copy; it is never changed after `init`.
public final class TurnAnalysis: @unchecked Sendable {
    /// 1-based number counting every turn.
    public let number: Int
    public let speaker: Speaker
    public let text: String
    public let normalized: [Unicode.Scalar]
    public private(set) var acts = ActSet()
    public private(set) var matches: [PhraseMatch] = []
    /// Sentences that ask something (ranges into `normalized`).
    public private(set) var questions: [Range<Int>] = []
    /// Every sentence (ranges into `normalized`, split at . ? ! ;).
    public private(set) var sentences: [Range<Int>] = []
    public private(set) var hasMoney = false
    public private(set) var hasDate = false
    /// Phone-like numbers, digits only.
    public private(set) var phoneNumbers: [String] = []
    /// E-mail addresses, letters and digits only (so a spelled-out read-back still compares).
    public private(set) var emails: [String] = []
    public private(set) var hasCaseCode = false
    public private(set) var hasFullCardNumber = false
    public private(set) var hasNationalID = false
    /// Han bigrams, English word stems and numbers (hashed), for comparing what two turns talk about.
    public private(set) var contentTokens = TokenSet()
    /// English words of the original text, with their capitalisation (for names and companies).
    public private(set) var words: [Word] = []
    /// Only a phone greeting (喂, hello) and nothing else.
    public private(set) var isGreetingOnly = false
    public private(set) var hanCount = 0
    public private(set) var latinCount = 0

    init(number: Int, turn: Turn) {
        self.number = number
        speaker = turn.speaker
        text = turn.text
        normalized = TextNormalizer.scalars(turn.text)
        scanScalars()
        findQuestions()
        findPhrases()
        contentTokens = TurnFeatures.contentTokens(normalized)
        isGreetingOnly = computeGreetingOnly()
        // English words serve name and company detection, which Chinese turns do with characters.
        if latinCount >= 8 || (latinCount > 0 && hanCount == 0) { words = Word.split(turn.text) }
    }

    /// True when the normalised text holds `needle` (written in any form; it is normalised too).
    public func contains(_ needle: String) -> Bool {
        let scalars = normalizedNeedles.withLock { cache in
            if let known = cache[needle] { return known }
            if cache.count >= 4096 { cache.removeAll(keepingCapacity: true) }
            let made = TextNormalizer.scalars(needle)
            cache[needle] = made
            return made
        }
        return TurnFeatures.find(scalars, in: normalized, from: 0) != nil
    }

    /// Index of the word after the word sequence `cue` (lowercase), for every place it occurs.
    func positions(after cue: [String]) -> [Int] {
        guard !cue.isEmpty, words.count >= cue.count else { return [] }
        var result: [Int] = []
        for i in 0...(words.count - cue.count) {
            var same = true
            for k in 0..<cue.count where words[i + k].lower != cue[k] { same = false; break }
            if same { result.append(i + cue.count) }
        }
        return result
    }

    public func has(_ act: Act) -> Bool { acts.contains(act) }
    public func hasAny(_ list: [Act]) -> Bool { acts.containsAny(list) }
    public var isQuestion: Bool { !questions.isEmpty }

    /// Where the first phrase of one of these acts starts, if any.
    public func firstPosition(of list: [Act]) -> Int? {
        var best: Int? = nil
        for match in matches where list.contains(match.act) {
            if let current = best, current <= match.start { continue }
            best = match.start
        }
        return best
    }

    func matchesOf(_ act: Act) -> [PhraseMatch] { matches.filter { $0.act == act } }

    // MARK: Phrases

    private func findPhrases() {
        let all = Lexicon.matcher.matches(in: normalized)
        let isCustomer = speaker == .customer
        for match in all {
            // Objection and customer acts only in customer turns; agent acts only in agent turns.
            if match.act.isCustomerAct != isCustomer && !match.act.isSharedAct { continue }
            if match.act.isNegatable && TurnFeatures.isNegated(normalized, before: match.start) { continue }
            matches.append(match)
            acts.insert(match.act)
        }
        if !isCustomer, !acts.contains(.purpose), let reason = Self.callingAbout(normalized) {
            matches.append(PhraseMatch(act: .purpose, start: reason.lowerBound, end: reason.upperBound))
            acts.insert(.purpose)
        }
        if hasMoney { acts.insert(.priceWord) }
        if hasDate { acts.insert(.dateTime) }
        // 幫您登記不再來電 / 不會再有推銷電話: registering the request is accepting it, not asking for a sale,
        // and an offer word in the sentence that promises no more calls is part of that promise.
        if acts.contains(.dncAccept) {
            let promises = sentences.filter { range in matches.contains { $0.act == .dncAccept && range.contains($0.start) } }
            matches.removeAll { match in match.act == .ask || (match.act == .offer && promises.contains { $0.contains(match.start) }) }
            recomputeActs()
        }
        if acts.contains(.pitchNegation) {
            matches.removeAll { $0.act == .offer }
            recomputeActs()
        }
    }

    private func recomputeActs() {
        var set = ActSet()
        for match in matches { set.insert(match.act) }
        if hasMoney { set.insert(.priceWord) }
        if hasDate { set.insert(.dateTime) }
        acts = set
    }

    static let callingVerbs: [[Unicode.Scalar]] = ["calling ", "ringing ", "phoning ", "contacting "].map { Array($0.unicodeScalars) }
    static let reasonWords: [[Unicode.Scalar]] = [" about ", " regarding ", " because "].map { Array($0.unicodeScalars) }

    /// "We're calling homeowners on your street about…": a calling verb and the topic later in the same sentence.
    static func callingAbout(_ t: [Unicode.Scalar]) -> Range<Int>? {
        for verb in callingVerbs {
            guard let at = TurnFeatures.find(verb, in: t, from: 0), at == 0 || !TurnFeatures.isLatin(t[at - 1]) else { continue }
            var end = at + verb.count
            while end < t.count && t[end] != "." && t[end] != "?" && t[end] != "!" && t[end] != ";" { end += 1 }
            let sentence = Array(t[at..<end])
            if reasonWords.contains(where: { TurnFeatures.find($0, in: sentence, from: 0) != nil }) { return at..<(at + verb.count) }
        }
        return nil
    }

    // MARK: Questions

    static let spokenQuestionCues: [[Unicode.Scalar]] = ["怎麼", "多少", "幾個", "幾點", "幾天", "多久", "哪", "為什麼", "有沒有", "要不要", "是不是", "可不可以", "會不會"]
        .map { Array($0.unicodeScalars) }
    static let notAsking: [[Unicode.Scalar]] = ["不知道", "不曉得", "不清楚"].map { Array($0.unicodeScalars) }

    /// Speech-to-text without punctuation (付款怎麼付 都是怎麼買菜的): each space-separated phrase is a sentence,
    /// and a phrase with a question word asks.
    private func findSpokenQuestions() {
        var start = 0
        let n = normalized.count
        for i in 0...n where i == n || normalized[i] == " " {
            if i > start {
                let phrase = Array(normalized[start..<i])
                sentences.append(start..<i)
                let last = phrase[phrase.count - 1]
                let ends = last == "嗎" || last == "呢" || (last == "麼" && phrase.count > 1 && phrase[phrase.count - 2] == "什")
                let cue = Self.spokenQuestionCues.contains { TurnFeatures.find($0, in: phrase, from: 0) != nil }
                let denies = Self.notAsking.contains { TurnFeatures.find($0, in: phrase, from: 0) != nil }
                if (ends || cue) && !denies { questions.append(start..<i) }
            }
            start = i + 1
        }
    }

    private func findQuestions() {
        if hanCount >= 6 && normalized.contains(" ") && !normalized.contains(where: TurnFeatures.isClauseEnd) {
            findSpokenQuestions()
            return
        }
        var sentenceStart = 0
        let n = normalized.count
        var i = 0
        while i <= n {
            let atEnd = i == n
            let s: Unicode.Scalar = atEnd ? "." : normalized[i]
            if atEnd || s == "?" || s == "." || s == "!" || s == ";" {
                var last = i - 1
                while last >= sentenceStart && (normalized[last] == " " || normalized[last] == "~" || normalized[last] == "\"") { last -= 1 }
                if last >= sentenceStart {
                    sentences.append(sentenceStart..<i)
                    let ending = normalized[last]
                    let isQuestion = s == "?" || ending == "嗎" || ending == "呢" || (ending == "麼" && last > 0 && normalized[last - 1] == "什")
                    if isQuestion { questions.append(sentenceStart..<i) }
                }
                sentenceStart = i + 1
            }
            i += 1
        }
    }

    // MARK: Numbers, addresses, codes

    private func scanScalars() {
        let t = normalized
        let n = t.count
        var i = 0
        while i < n {
            let v = t[i].value
            if v >= 0x4E00 && v <= 0x9FFF { hanCount += 1 } else if v >= 0x61 && v <= 0x7A { latinCount += 1 }
            if v == 0x40 || (v == 0x5C0F && i + 2 < n && t[i + 1] == "老" && t[i + 2] == "鼠") { // @ or 小老鼠
                emails.append(TurnFeatures.emailAround(t, at: i))
            }
            if TurnFeatures.isDigit(t[i]) {
                // A number: digits with single separators between groups.
                let start = i
                var digits = ""
                var j = i
                while j < n {
                    if TurnFeatures.isDigit(t[j]) {
                        digits.unicodeScalars.append(t[j])
                        j += 1
                    } else if (t[j] == "-" || t[j] == " " || t[j] == "," || t[j] == ".") && j + 1 < n && TurnFeatures.isDigit(t[j + 1])
                                && (t[j] != " " || digits.count >= 3) {
                        j += 1
                    } else {
                        break
                    }
                }
                let end = j
                let before = start > 0 ? t[start - 1] : " "
                let letterPrefix = start > 0 && TurnFeatures.isLatin(before)
                if letterPrefix {
                    var k = start - 1
                    var letters = 0
                    while k >= 0 && TurnFeatures.isLatin(t[k]) { letters += 1; k -= 1 }
                    if letters <= 4 && digits.count >= 3 { hasCaseCode = true }
                    if letters == 1 && digits.count == 9 && (t[start] == "1" || t[start] == "2") { hasNationalID = true }
                } else if start >= 2 && t[start - 1] == "-" && TurnFeatures.isLatin(t[start - 2]) && digits.count >= 3 {
                    hasCaseCode = true
                }
                if TurnFeatures.isMoney(t, start: start, end: end) {
                    hasMoney = true
                } else if !letterPrefix {
                    if digits.count >= 13 && digits.count <= 19 {
                        hasFullCardNumber = true
                    } else if digits.count >= 8 && digits.count <= 13 && end - start > digits.count {
                        phoneNumbers.append(digits)
                    } else if digits.count >= 9 && digits.count <= 12 && (digits.hasPrefix("0") || digits.hasPrefix("1")) {
                        phoneNumbers.append(digits)
                    } else if digits.count == 7 && end - start == 8 && t[start + 3] == "-" {
                        phoneNumbers.append(digits) // a local number, 555-0187
                    }
                }
                if TurnFeatures.isDate(t, start: start, end: end) { hasDate = true }
                i = max(end, i + 1)
                continue
            }
            i += 1
        }
    }

    private func computeGreetingOnly() -> Bool {
        guard speaker == .customer, normalized.count <= 40, acts.contains(.customerGreeting) || normalized.count <= 6 else { return false }
        var covered = Array(repeating: false, count: normalized.count)
        for match in matches where match.act == .customerGreeting {
            for k in match.start..<match.end { covered[k] = true }
        }
        var rest = 0
        for (k, s) in normalized.enumerated() where !covered[k] {
            if TurnFeatures.isLatin(s) || TurnFeatures.isDigit(s) || (s.value >= 0x4E00 && s.value <= 0x9FFF) {
                switch s { case "喔", "哦", "啊", "阿", "呀", "嗯", "欸", "誒", "哈": continue
                default: break }
                rest += 1
            }
        }
        return rest == 0
    }
}

/// Character-level helpers shared by the analysis.
enum TurnFeatures {
    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    @inline(__always) static func isLatin(_ s: Unicode.Scalar) -> Bool { s.value >= 0x61 && s.value <= 0x7A }
    @inline(__always) static func isHan(_ s: Unicode.Scalar) -> Bool { s.value >= 0x4E00 && s.value <= 0x9FFF }
    @inline(__always) static func isClauseEnd(_ s: Unicode.Scalar) -> Bool {
        s == "," || s == "." || s == "?" || s == "!" || s == ";" || s == ":" || s == "\n"
    }

    static let zhNegators: Set<Unicode.Scalar> = ["不", "沒", "無", "非", "別", "未", "勿"]
    static let zhNegatorExceptionsAfter: Set<Unicode.Scalar> = ["然", "好", "客", "錯", "過", "久", "少", "但", "論", "僅"]
    static let enNegators: [[Unicode.Scalar]] = ["not", "n't", "never", "no", "cannot", "nobody", "nothing"].map { Array($0.unicodeScalars) }

    /// True when a negation stands shortly before `start` in the same clause (不保證, won't ever).
    static func isNegated(_ t: [Unicode.Scalar], before start: Int) -> Bool {
        var j = start - 1
        var hanSeen = 0
        var scanned = 0
        while j >= 0 && scanned < 28 {
            let s = t[j]
            if isClauseEnd(s) { break }
            if isHan(s) {
                hanSeen += 1
                if hanSeen > 5 { break }
                if zhNegators.contains(s) {
                    let next: Unicode.Scalar = j + 1 < t.count ? t[j + 1] : " "
                    let previous: Unicode.Scalar = j > 0 ? t[j - 1] : " "
                    if !zhNegatorExceptionsAfter.contains(next) && previous != next { return true }
                }
            }
            j -= 1
            scanned += 1
        }
        // English: a negating word among the last few words of the clause.
        let windowStart = j + 1
        if windowStart < start {
            let window = Array(t[windowStart..<start])
            for negator in enNegators {
                var k = 0
                while k + negator.count <= window.count {
                    if matchesAt(window, k, negator) {
                        let leftOK = negator[0] == "n" && negator[1] == "'" ? true : (k == 0 || !isLatin(window[k - 1]))
                        let rightEnd = k + negator.count
                        let rightOK = rightEnd >= window.count || !isLatin(window[rightEnd])
                        if leftOK && rightOK { return true }
                    }
                    k += 1
                }
            }
        }
        return false
    }

    static let moneyPrefixes: [[Unicode.Scalar]] = ["$", "£", "€", "nt$", "月租", "月費", "特價", "原價", "只要", "價格", "售價", "費用"].map { Array($0.unicodeScalars) }
    static let moneySuffixes: [[Unicode.Scalar]] = ["元", "塊", "dollars", "dollar", "bucks", "pounds", "quid", "/月", "a month", "per month", "萬", "an issue"].map { Array($0.unicodeScalars) }

    static func isMoney(_ t: [Unicode.Scalar], start: Int, end: Int) -> Bool {
        for prefix in moneyPrefixes {
            var p = start
            while p > 0 && t[p - 1] == " " { p -= 1 }
            if p >= prefix.count && matchesAt(t, p - prefix.count, prefix) { return true }
        }
        var q = end
        while q < t.count && t[q] == " " { q += 1 }
        for suffix in moneySuffixes where matchesAt(t, q, suffix) { return true }
        return false
    }

    static let dateSuffixes: Set<Unicode.Scalar> = ["號", "日", "月", "點", "時"]
    static let ordinalSuffixes: [[Unicode.Scalar]] = ["st", "nd", "rd", "th", "am", "pm", "a.m", "p.m", ":"].map { Array($0.unicodeScalars) }

    static func isDate(_ t: [Unicode.Scalar], start: Int, end: Int) -> Bool {
        if end < t.count && dateSuffixes.contains(t[end]) { return true }
        if end < t.count && t[end] == "/" && end + 1 < t.count && isDigit(t[end + 1]) { return true }
        var q = end
        if q < t.count && t[q] == " " { q += 1 }
        for suffix in ordinalSuffixes where q + suffix.count <= t.count {
            if matchesAt(t, q, suffix) {
                let after = q + suffix.count
                if after >= t.count || !isLatin(t[after]) { return true }
            }
        }
        return false
    }

    static func emailAround(_ t: [Unicode.Scalar], at index: Int) -> String {
        var result = ""
        var j = index - 1
        var left: [Unicode.Scalar] = []
        while j >= 0 && (isLatin(t[j]) || isDigit(t[j]) || t[j] == "." || t[j] == "_" || t[j] == "-") { left.append(t[j]); j -= 1 }
        for s in left.reversed() where isLatin(s) || isDigit(s) { result.unicodeScalars.append(s) }
        return result
    }

    static let stopWords = TokenSet(unsorted: [
        "the", "and", "for", "you", "your", "that", "this", "with", "are", "was", "have", "has", "had", "but", "not", "can", "will",
        "would", "could", "should", "just", "what", "how", "when", "who", "they", "them", "their", "there", "here", "about", "from",
        "our", "out", "all", "any", "get", "got", "like", "yes", "yeah", "okay", "it's", "i'm", "i've", "i'd", "you're", "you've",
        "you'd", "that's", "what's", "don't", "does", "did", "been", "being", "than", "then", "too", "very", "really", "also",
        "one", "some", "more", "much", "now", "well", "right", "sure", "thanks", "thank", "please", "hi", "hello", "which", "were",
        "its", "into", "over", "only", "make", "want", "need", "know", "think", "say", "said", "let", "see", "way", "still", "even",
    ].map { wordToken(Array($0.unicodeScalars)) })
    static let stopBigrams = TokenSet(unsorted: [
        "你們", "我們", "這個", "那個", "可以", "沒有", "一下", "就是", "什麼", "怎麼", "現在", "因為", "所以", "這樣", "如果", "還是",
        "不是", "真的", "的話", "你的", "我的", "是不", "不會", "會不", "要不", "不要", "好的", "謝謝", "你好", "了解", "知道", "有沒",
        "這邊", "那邊", "一個", "一些", "的是", "是你", "是我", "我是", "你是", "一樣", "這種", "已經", "然後", "但是", "可是", "對不",
    ].map { s -> UInt64 in
        let v = Array(s.unicodeScalars)
        return bigramToken(v[0], v[1])
    })
    @inline(__always) static func isParticle(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "的", "了", "嗎", "呢", "吧", "啊", "喔", "欸", "啦", "耶", "囉", "嘛": return true
        default: return false
        }
    }

    static let bigramTag: UInt64 = 1 << 62
    static let wordTag: UInt64 = 2 << 62
    static let numberTag: UInt64 = 3 << 62
    static let tagMask: UInt64 = 3 << 62

    @inline(__always) static func bigramToken(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        bigramTag | UInt64(a.value) << 21 | UInt64(b.value)
    }

    static func hash(_ scalars: some Collection<Unicode.Scalar>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for s in scalars { h = (h ^ UInt64(s.value)) &* 0x100_0000_01B3 }
        return h & ~tagMask
    }

    /// The token of an English word after stemming.
    static func wordToken(_ word: [Unicode.Scalar]) -> UInt64 { wordTag | hash(stem(word)) }

    public static func wordToken(_ word: String) -> UInt64 { wordToken(Array(TextNormalizer.scalars(word))) }

    static func isWordToken(_ token: UInt64) -> Bool { token & tagMask == wordTag }

    static func contentTokens(_ t: ArraySlice<Unicode.Scalar>) -> TokenSet { contentTokens(Array(t)) }

    static func contentTokens(_ t: [Unicode.Scalar]) -> TokenSet {
        var tokens: [UInt64] = []
        tokens.reserveCapacity(t.count)
        var i = 0
        let n = t.count
        var word: [Unicode.Scalar] = []
        while i < n {
            let s = t[i]
            if isHan(s) {
                if i + 1 < n && isHan(t[i + 1]) && !isParticle(s) && !isParticle(t[i + 1]) {
                    let token = bigramToken(s, t[i + 1])
                    if !stopBigrams.contains(token) { tokens.append(token) }
                }
                i += 1
            } else if isLatin(s) {
                word.removeAll(keepingCapacity: true)
                while i < n && (isLatin(t[i]) || t[i] == "'") { word.append(t[i]); i += 1 }
                if word.count >= 3 {
                    let token = wordToken(word)
                    if !stopWords.contains(token) { tokens.append(token) }
                }
            } else if isDigit(s) {
                var h: UInt64 = 0xCBF2_9CE4_8422_2325
                var digits = 0
                while i < n && (isDigit(t[i]) || ((t[i] == "." || t[i] == ",") && i + 1 < n && isDigit(t[i + 1]))) {
                    if isDigit(t[i]) { h = (h ^ UInt64(t[i].value)) &* 0x100_0000_01B3; digits += 1 }
                    i += 1
                }
                if digits >= 2 { tokens.append(numberTag | (h & ~tagMask)) }
            } else {
                i += 1
            }
        }
        return TokenSet(unsorted: tokens)
    }

    static func stem(_ word: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var w = word[...]
        if w.count > 2 && w[w.endIndex - 2] == "'" && w[w.endIndex - 1] == "s" { w = w.dropLast(2) }
        for suffix in stemSuffixes where w.count > suffix.count + 3 && w.suffix(suffix.count).elementsEqual(suffix) {
            return w.dropLast(suffix.count)
        }
        return w
    }

    static let stemSuffixes: [[Unicode.Scalar]] = ["ing", "ed", "es", "s"].map { Array($0.unicodeScalars) }

    /// Where `needle` starts in `hay` at or after `from`.
    static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = from
        let first = needle[0]
        while i + needle.count <= hay.count {
            if hay[i] == first && matchesAt(hay, i, needle) { return i }
            i += 1
        }
        return nil
    }

    @inline(__always) static func matchesAt(_ hay: [Unicode.Scalar], _ i: Int, _ needle: [Unicode.Scalar]) -> Bool {
        guard i >= 0, i + needle.count <= hay.count else { return false }
        for k in 0..<needle.count where hay[i + k] != needle[k] { return false }
        return true
    }
}

/// An English word of the original text.
public struct Word: Sendable, Hashable {
    public var lower: String
    public var capitalized: Bool
    /// The first character after the word that is not a space ("" at the end of the turn).
    public var followedBy: Unicode.Scalar?

    /// ASCII words (letters and apostrophes); anything else separates them.
    static func split(_ text: String) -> [Word] {
        var words: [Word] = []
        var current: [UInt8] = []
        current.reserveCapacity(24)
        var capitalized = false
        var pendingIndex: Int? = nil
        var utf8 = Array(text.utf8)
        utf8.append(0x20)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            let isUpper = b >= 0x41 && b <= 0x5A
            let isLower = b >= 0x61 && b <= 0x7A
            // ’ (E2 80 99) inside a word is an apostrophe.
            let curly = b == 0xE2 && i + 2 < utf8.count && utf8[i + 1] == 0x80 && utf8[i + 2] == 0x99
            if isUpper || isLower || ((b == 0x27 || curly) && !current.isEmpty) {
                if current.isEmpty { capitalized = isUpper }
                current.append(isUpper ? b + 0x20 : (curly ? 0x27 : b))
                i += curly ? 3 : 1
                continue
            }
            if !current.isEmpty {
                words.append(Word(lower: String(decoding: current, as: UTF8.self), capitalized: capitalized, followedBy: nil))
                pendingIndex = words.count - 1
                current.removeAll(keepingCapacity: true)
            }
            if let index = pendingIndex, b != 0x20 {
                words[index].followedBy = b < 0x80 ? Unicode.Scalar(b) : "\u{FFFD}"
                pendingIndex = nil
            }
            i += 1
        }
        return words
    }
}
