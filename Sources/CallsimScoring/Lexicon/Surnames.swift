/// Common surnames in Taiwan (single characters; 歐陽 and the like start with one of these too),
/// used to tell "王先生" from "這位先生" and "敝姓陳" from "敝姓的".
enum Surnames {
    static let common: Set<Unicode.Scalar> = Set(("陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓阮馬董温唐藍石蔣古紀姚連馮歐程湯黄田康姜白汪鄒尤巫鐘黎涂龔嚴韓袁金童陸夏柳凃邵錢伍倪溫于譚駱熊任甘秦顧毛章史官萬俞雷粘饒張闕凌崔尹孔辛武辜陶段龍韋葛池孟褚殷麥賀賈莫文管關向包丘梅華利裴樊房全佘左花竇鄔")
        .unicodeScalars)

    /// One bit per character of U+4E00–U+9FFF, so the test costs no hashing.
    static let bitmap: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0xA000 - 0x4E00) / 64 + 1)
        for scalar in common where scalar.value >= 0x4E00 && scalar.value < 0xA000 {
            let index = Int(scalar.value - 0x4E00)
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
        return bits
    }()

    @inline(__always) static func isSurname(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard v >= 0x4E00 && v < 0xA000 else { return false }
        let index = Int(v - 0x4E00)
        return bitmap[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Titles that follow a surname when the agent addresses a customer.
    static let titles: [[Unicode.Scalar]] = ["先生", "小姐", "太太", "女士", "伯伯", "伯母", "阿姨", "媽媽", "爸爸", "大哥", "大姐", "姐", "哥", "老師",
                                             "阿伯", "阿嬤", "阿公", "奶奶", "爺爺", "董", "同學", "醫師", "律師"].map { Array($0.unicodeScalars) }
}
