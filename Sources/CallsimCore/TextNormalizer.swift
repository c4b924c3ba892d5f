import Foundation

/// Folds text so that phrases written one way match text written another: full-width to
/// half-width, lowercase, punctuation to ASCII, 您/妳 to 你, 瞭 to 了, 臺 to 台, and Chinese
/// numerals before a unit (七天, 二十四個月) to Arabic digits (7天, 24個月).
///
/// The common characters are folded by a table in one pass; only a string that holds a rarer
/// compatibility character (circled digits, ligatures...) goes through Foundation's NFKC.
public enum TextNormalizer {
    /// The normalised text.
    public static func normalize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars(text))
        return String(result)
    }

    /// The normalised text as Unicode scalars (what the phrase matcher scans).
    public static func scalars(_ text: String) -> [Unicode.Scalar] {
        if let folded = scalarsWithoutCompatibilityMapping(text) { return folded }
        return scalarsWithoutCompatibilityMapping(text.precomposedStringWithCompatibilityMapping, force: true) ?? []
    }

    /// The folded scalars, or nil when the text holds a character only NFKC folds (unless `force`).
    static func scalarsWithoutCompatibilityMapping(_ source: String, force: Bool = false) -> [Unicode.Scalar]? {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(source.utf8.count)
        var lastWasSpace = true
        for scalar in source.unicodeScalars {
            if !force && scalar.value >= 0x2460 && needsCompatibilityMapping(scalar) { return nil }
            let folded = fold(scalar)
            if folded == " " {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(folded)
                lastWasSpace = false
            }
        }
        while out.last == " " { out.removeLast() }
        return foldNumerals(out)
    }

    /// One scalar folded: width, case, punctuation and character variants.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(UInt8(v + 0x20)) }
            if v == 0x09 || v == 0x0A || v == 0x0D { return " " }
            return scalar
        }
        if v >= 0xFF01 && v <= 0xFF5E { return fold(Unicode.Scalar(UInt8(v - 0xFEE0))) }
        switch v {
        case 0x3000, 0x00A0, 0x2002, 0x2003, 0x2009, 0x200B: return " "
        case 0x3002, 0xFF61: return "."          // 。｡
        case 0x3001, 0xFF64: return ","          // 、
        case 0x2018, 0x2019, 0x2032: return "'"
        case 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F, 0x300A, 0x300B, 0x3008, 0x3009: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2500: return "-"
        case 0x2026, 0x22EF: return "."          // … ⋯
        case 0x301C, 0x223C: return "~"          // 〜 ∼
        case 0x00B7, 0x30FB: return "."
        case 0x60A8, 0x59B3, 0x7962: return "你"   // 您 妳 祢
        case 0x77AD: return "了"                  // 瞭
        case 0x81FA: return "台"                  // 臺
        case 0x88CF: return "裡"                  // 裏
        case 0x9EBD: return "麼"                  // 麽
        case 0x7740: return "著"                  // 着
        default: break
        }
        if v >= 0x3400 && v <= 0x9FFF { return scalar }
        if scalar.properties.isUppercase, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first {
            return lower
        }
        return scalar
    }

    /// True when the text holds a character that only NFKC folds (outside ASCII, common CJK,
    /// the full-width block and the punctuation handled by `fold`).
    @inline(__always) static func needsCompatibilityMapping(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x4E00 && v <= 0x9FFF { return false }
        return (v >= 0x2460 && v <= 0x24FF) || (v >= 0x3200 && v <= 0x33FF) || (v >= 0xF900 && v <= 0xFAFF)
            || (v >= 0xFB00 && v <= 0xFB4F) || (v >= 0xFE30 && v <= 0xFE6F) || (v >= 0xFF5F && v <= 0xFFEF)
            || (v >= 0x2F00 && v <= 0x2FDF) || (v >= 0x1D400 && v <= 0x1D7FF)
    }

    // MARK: Chinese numerals

    @inline(__always) static func digitValue(_ v: UInt32) -> Int? {
        switch v {
        case 0x96F6, 0x3007: return 0
        case 0x4E00: return 1
        case 0x4E8C, 0x5169: return 2
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }

    @inline(__always) static func unitValue(_ v: UInt32) -> Int? {
        switch v {
        case 0x5341: return 10
        case 0x767E: return 100
        case 0x5343: return 1000
        case 0x842C: return 10000
        default: return nil
        }
    }
    /// Characters after which a numeral run is a quantity (天 日 號 年 月 個 元 塊 歲 坪 期 次 張 台 組 盒 週 禮 星 小 分 G 趴 %).
    static let quantityFollowers: Set<UInt32> = Set("天日號年月個元塊歲坪期次張台組盒週禮星小分折倍趴%gk".unicodeScalars.map(\.value))

    /// Replaces runs of Chinese numerals that precede a unit by Arabic digits, and 百分之N by N%.
    static func foldNumerals(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var hasNumeral = false
        for s in input where isNumeral(s) {
            hasNumeral = true
            break
        }
        if !hasNumeral { return input }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(input.count)
        var i = 0
        let percentPrefix: [Unicode.Scalar] = ["百", "分", "之"]
        while i < input.count {
            var start = i
            var percent = false
            if i + 3 < input.count && input[i] == percentPrefix[0] && input[i + 1] == percentPrefix[1]
                && input[i + 2] == percentPrefix[2] && isNumeral(input[i + 3]) {
                start = i + 3
                percent = true
            }
            if isNumeral(input[start]) {
                var end = start
                while end < input.count && isNumeral(input[end]) { end += 1 }
                let follower = end < input.count ? input[end].value : 0
                if percent || quantityFollowers.contains(follower), let value = parseNumeral(input[start..<end]) {
                    out.append(contentsOf: String(value).unicodeScalars)
                    if percent { out.append("%") }
                    i = end
                    continue
                }
                out.append(contentsOf: input[i..<end])
                i = end
                continue
            }
            out.append(input[i])
            i += 1
        }
        return out
    }

    @inline(__always)
    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        digitValue(s.value) != nil || unitValue(s.value) != nil
    }

    /// 二十四 → 24, 一千二百 → 1200, 三 → 3; nil for runs that are not one number (三四十).
    static func parseNumeral(_ run: ArraySlice<Unicode.Scalar>) -> Int? {
        var total = 0
        var section = 0
        var digit: Int? = nil
        var lastUnit = Int.max
        for s in run {
            if let d = digitValue(s.value) {
                if let previous = digit, previous != 0 { return nil }
                digit = d
            } else if let unit = unitValue(s.value) {
                if unit == 10000 {
                    section += digit ?? 0
                    total += max(section, 1) * 10000
                    section = 0
                    digit = nil
                    lastUnit = Int.max
                    continue
                }
                if unit >= lastUnit { return nil }
                section += (digit ?? 1) * unit
                digit = nil
                lastUnit = unit
            }
        }
        if let digit { section += digit }
        return total + section
    }
}
