import Foundation

/// Comparable pieces of free text in Chinese or English: numbers, English content
/// words and Chinese character pairs, after width and case folding. Used to tell
/// whether a form says what the customer said.
public enum TextUnits {
    /// NFKC (full-width digits, letters and punctuation become half-width) and lower case.
    public static func normalize(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// Content units of a text, without function words, in first-seen order.
    public static func units(_ text: String) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        func add(_ unit: String) {
            if seen.insert(unit).inserted { result.append(unit) }
        }
        let normalized = convertChineseNumbers(normalize(text))
        var latin = ""
        var han: [Character] = []
        func flushLatin() {
            defer { latin = "" }
            guard !latin.isEmpty else { return }
            if latin.allSatisfy(\.isNumber) {
                add(String(latin.drop { $0 == "0" }.isEmpty ? "0" : latin.drop { $0 == "0" }))
            } else if latin.count >= 2, !englishStopwords.contains(latin) {
                add(stem(latin))
            }
        }
        func flushHan() {
            defer { han = [] }
            guard han.count >= 2 else { return }
            for index in 0..<(han.count - 1) {
                let pair = String(han[index...index + 1])
                if !chineseStopPairs.contains(pair) { add(pair) }
            }
        }
        for character in normalized {
            if character.isASCII, character.isLetter || character.isNumber {
                flushHan()
                // Digits and letters split apart so that "5月" and "order A12" compare on the number.
                if let last = latin.last, last.isNumber != character.isNumber { flushLatin() }
                latin.append(character)
            } else if isHan(character) {
                flushLatin()
                if chineseStopCharacters.contains(character) { flushHan() } else { han.append(character) }
            } else {
                flushLatin()
                flushHan()
            }
        }
        flushLatin()
        flushHan()
        return result
    }

    static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// A crude English stem so that "charged" meets "charge" and "bills" meets "bill".
    static func stem(_ word: String) -> String {
        for suffix in ["ing", "ed", "es", "s"] where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    static let chineseDigits: [Character: Int] = [
        "零": 0, "〇": 0, "○": 0, "一": 1, "么": 1, "幺": 1, "二": 2, "兩": 2, "三": 3, "四": 4,
        "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// Chinese numerals that stand for a number: a run of digits of two or more
    /// (零九一二 → 0912), or a value before a unit (五月 → 5月, 三百元 → 300元, 十二號 → 12號).
    public static func convertChineseNumbers(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        var index = 0
        let numeralCharacters: Set<Character> = Set(chineseDigits.keys).union(["十", "百", "千", "萬"])
        let units: Set<Character> = ["月", "日", "號", "元", "塊", "次", "天", "個", "台", "臺", "年", "點", "分", "期", "週", "周", "小", "樓", "%", "折"]
        while index < characters.count {
            guard numeralCharacters.contains(characters[index]) else {
                output.append(characters[index])
                index += 1
                continue
            }
            var end = index
            while end < characters.count, numeralCharacters.contains(characters[end]) { end += 1 }
            let run = Array(characters[index..<end])
            let followedByUnit = end < characters.count && units.contains(characters[end])
            let plainDigits = run.allSatisfy { chineseDigits[$0] != nil }
            if plainDigits, run.count >= 3 {
                output += run.compactMap { chineseDigits[$0].map(String.init) }.joined()
            } else if followedByUnit || (run.count >= 2 && !plainDigits), let value = chineseValue(run) {
                output += String(value)
            } else {
                output += String(run)
            }
            index = end
        }
        return output
    }

    /// The value of a Chinese numeral up to the ten thousands (三百二十 → 320).
    static func chineseValue(_ run: [Character]) -> Int? {
        var total = 0
        var section = 0
        var digit = 0
        for character in run {
            if let value = chineseDigits[character] {
                digit = value
            } else {
                let multiplier: Int
                switch character {
                case "十": multiplier = 10
                case "百": multiplier = 100
                case "千": multiplier = 1000
                case "萬": multiplier = 10000
                default: return nil
                }
                if multiplier == 10000 {
                    total += (section + digit) * multiplier
                    section = 0
                } else {
                    section += (digit == 0 && multiplier == 10 ? 1 : digit) * multiplier
                }
                digit = 0
            }
        }
        return total + section + digit
    }

    static let englishStopwords: Set<String> = [
        "the", "and", "but", "for", "you", "your", "yours", "are", "was", "were", "is", "am", "be", "been", "to", "of",
        "in", "on", "at", "it", "its", "this", "that", "these", "those", "my", "me", "we", "our", "us", "they",
        "them", "their", "he", "she", "his", "her", "with", "have", "has", "had", "do", "does", "did", "not", "no",
        "yes", "so", "if", "or", "an", "as", "by", "from", "up", "out", "about", "what", "when", "which", "who",
        "why", "how", "can", "could", "would", "should", "will", "just", "very", "really", "please", "thank",
        "thanks", "hello", "hi", "ok", "okay", "oh", "all", "any", "some", "there", "here", "then", "than", "now",
        "also", "get", "got", "like", "want", "know", "think", "said", "say", "told", "tell", "one", "im", "dont",
        "didnt", "customer", "said", "again", "still", "even", "sir", "ma", "mr", "ms", "mrs",
    ]

    static let chineseStopCharacters: Set<Character> = [
        "的", "了", "嗎", "呢", "吧", "啊", "呀", "喔", "哦", "欸", "耶", "啦", "嘛", "我", "你", "您", "他", "她", "它",
        "是", "在", "就", "都", "也", "很", "這", "那", "個", "不", "要", "說", "會", "把", "被", "跟", "和", "與", "及",
        "還", "又", "再", "才", "而", "但", "對", "給", "讓", "從", "到", "嗯", "喂", "請", "謝", "好", "們", "有",
    ]

    static let chineseStopPairs: Set<String> = [
        "什麼", "怎麼", "為什", "因為", "所以", "可是", "已經", "一下", "現在", "知道", "覺得", "真的", "沒有", "可以",
        "問題", "事情", "時候", "一直", "然後", "如果", "其實", "應該", "一樣", "先生", "小姐", "太太", "客服", "不好",
        "意思", "麻煩", "東西", "這樣", "那樣", "怎樣", "自己", "一個", "一點", "方便",
    ]
}
