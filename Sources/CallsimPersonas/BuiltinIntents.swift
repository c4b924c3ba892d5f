import CallsimCore
import CallsimScoring

/// The catalog indicator ids that scenario files may name (the scorer's catalog).
public enum KnownIndicators {
    public static var ids: [String] { IndicatorCatalog.ids }

    public static func contains(_ id: String) -> Bool { ids.contains(id) }
}

/// Intents every scenario may use without declaring them. A scenario that declares an
/// intent of the same id adds its keywords and examples (or replaces it with `replace: true`).
public enum BuiltinIntents {
    public struct Definition: Sendable {
        public var id: String
        public var behaviour: String?
        public var summary: String
        public var zh: [String]
        public var en: [String]
        public var unlessZh: [String] = []
        public var unlessEn: [String] = []
    }

    public static let all: [Definition] = [
        Definition(id: "greeting", behaviour: nil, summary: "greets the customer",
                   zh: ["您好", "喂", "早安", "午安", "晚安"], en: ["hello", "hi", "good morning", "good afternoon", "good evening"]),
        Definition(id: "identify", behaviour: "compliance.identify", summary: "gives their name (the company is `says_company`)",
                   zh: ["我是", "敝姓", "我姓", "我叫", "這裡是", "這邊是"], en: ["my name is", "i'm", "i am", "this is", "speaking"]),
        Definition(id: "purpose", behaviour: "compliance.purpose", summary: "says why they are calling",
                   zh: ["打來是", "來電是", "打電話給您是", "想跟您介紹", "跟您介紹", "想跟您說明", "通知您", "跟您分享", "主要是想"],
                   en: ["calling about", "calling to", "calling because", "reason for my call", "reason i'm calling", "i'd like to tell you about", "let you know about"]),
        Definition(id: "permission", behaviour: "compliance.permission", summary: "asks whether it is a convenient time",
                   zh: ["方便嗎", "方便說話", "方便聊", "方便跟您", "現在方便", "耽誤您", "幾分鐘", "有空嗎", "打擾您"],
                   en: ["good time", "a minute", "a few minutes", "bad time", "is now ok", "moment to talk", "convenient"],
                   unlessZh: ["不方便"]),
        Definition(id: "recording_notice", behaviour: "compliance.recording", summary: "says the call is recorded",
                   zh: ["錄音"], en: ["recorded", "recording"]),
        Definition(id: "acknowledge", behaviour: "listening.acknowledge", summary: "acknowledges what the customer said",
                   zh: ["了解", "明白", "我懂", "原來如此", "原來", "瞭解", "知道了", "好的"],
                   en: ["i see", "i understand", "got it", "makes sense", "understood", "right", "okay"]),
        Definition(id: "empathy", behaviour: "listening.empathy", summary: "names or validates a feeling",
                   zh: ["理解您", "能體會", "您的心情", "造成您的困擾", "造成您困擾", "讓您困擾", "辛苦了", "很抱歉讓您", "讓您不開心", "讓您久等"],
                   en: ["understand how", "i can imagine", "frustrating", "sorry to hear", "that must be", "i hear you", "understand your frustration"]),
        Definition(id: "apology", behaviour: "complaint.positive", summary: "apologises or thanks the customer for raising it",
                   zh: ["抱歉", "對不起", "不好意思", "謝謝您告訴", "謝謝您反映", "感謝您反映"],
                   en: ["sorry", "apologi*", "thank you for letting us know", "thanks for telling"]),
        Definition(id: "blame", behaviour: "complaint.positive", summary: "blames the customer or argues",
                   zh: ["您自己", "您的問題", "不是我們的問題", "不是我們的錯", "您應該", "您沒看", "合約上寫", "合約有寫", "怪我們"],
                   en: ["your fault", "not our fault", "should have read", "you should have", "your own problem", "not our problem", "you didn't read"]),
        Definition(id: "open_question", behaviour: "listening.open_question", summary: "asks an open question",
                   zh: ["什麼", "哪些", "哪一些", "怎麼", "為什麼", "如何", "平常+嗎", "多久", "怎樣"],
                   en: ["what", "how", "which", "tell me about", "why", "describe"]),
        Definition(id: "paraphrase", behaviour: "listening.paraphrase", summary: "restates what the customer said",
                   zh: ["所以您是說", "所以您的意思", "您的意思是", "也就是說", "您剛剛說", "您是說", "我確認一下您"],
                   en: ["so you're saying", "so what you mean", "if i understand", "so the main issue", "you mentioned", "so you"]),
        Definition(id: "benefit", behaviour: "closing.benefit", summary: "explains a feature or benefit",
                   zh: ["好處", "優點", "比較快", "更快", "划算", "省", "不會卡", "穩定", "加送", "贈送", "包含"],
                   en: ["benefit", "faster", "save", "saving", "includes", "included", "more stable", "free upgrade"]),
        Definition(id: "pitch", behaviour: nil, summary: "presents an offer",
                   zh: ["方案", "優惠", "促銷", "特價", "升級", "推薦您", "活動"],
                   en: ["offer", "deal", "plan", "promotion", "upgrade", "discount", "special"]),
        Definition(id: "ask_commitment", behaviour: "closing.ask", summary: "asks for the commitment",
                   zh: ["要不要幫您", "幫您辦理", "幫您登記", "幫您申請", "幫您升級", "幫您安排", "現在辦", "要辦嗎", "考慮辦"],
                   en: ["shall i sign", "can i sign", "sign you up", "place the order", "set it up for you", "would you like to go ahead", "shall we go ahead", "get you started"]),
        Definition(id: "confirm_details", behaviour: "closing.confirm", summary: "reads back what was agreed",
                   zh: ["跟您確認", "確認一下", "再跟您核對", "核對一下", "複誦"],
                   en: ["let me confirm", "to confirm", "just to confirm", "read that back", "to recap"]),
        Definition(id: "payment", behaviour: "closing.payment", summary: "settles how the customer pays",
                   zh: ["付款", "繳費", "扣款", "帳單", "轉帳", "刷卡", "月租一起"],
                   en: ["pay", "payment", "bill", "billed", "direct debit", "invoice"]),
        Definition(id: "delivery", behaviour: "closing.delivery", summary: "settles delivery, installation or activation",
                   zh: ["安裝", "到府", "寄送", "配送", "開通", "哪一天", "時段", "工程師", "師傅"],
                   en: ["install*", "deliver*", "activat*", "appointment", "technician", "which day", "what time"]),
        Definition(id: "cooling_off", behaviour: "compliance.cooling_off", summary: "tells the 7-day right to cancel",
                   zh: ["七天", "7天", "猶豫期", "鑑賞期", "解除權", "無條件解約", "無條件退"],
                   en: ["cooling off", "cooling-off", "7 days", "seven days", "right to cancel"]),
        Definition(id: "contact_info", behaviour: "closing.contact", summary: "gives a way to reach them",
                   zh: ["客服專線", "專線", "分機", "回電", "打給我", "聯絡我", "找我", "撥打"],
                   en: ["hotline", "extension", "call us", "call me back", "reach me", "reach us", "contact us", "call back"]),
        Definition(id: "thanks", behaviour: "closing.courtesy", summary: "thanks the customer",
                   zh: ["謝謝", "感謝", "多謝"], en: ["thank*", "appreciate"]),
        Definition(id: "goodbye", behaviour: "closing.courtesy", summary: "closes politely",
                   zh: ["再見", "掰掰", "拜拜", "祝您", "先不打擾"], en: ["bye", "have a nice", "have a good", "take care"]),
        Definition(id: "accept_dnc", behaviour: "compliance.honor_dnc", summary: "accepts a do-not-call request",
                   zh: ["不會再打", "不再打擾", "不會再打擾", "幫您移除", "從名單", "不再撥打", "註記不再", "不會再聯絡"],
                   en: ["remove you", "won't call again", "take you off", "not call you again", "do not call list", "won't contact you"]),
        Definition(id: "guarantee", behaviour: "compliance.no_misrepresentation", summary: "promises guaranteed returns",
                   zh: ["保證獲利", "穩賺", "保證賺", "穩賺不賠", "一定賺"], en: ["guaranteed return", "guaranteed profit", "can't lose", "risk-free", "risk free"]),
        Definition(id: "free_claim", behaviour: "compliance.no_misrepresentation", summary: "says something costs nothing",
                   zh: ["免費", "不用錢", "不用付", "零元"], en: ["free", "no cost", "no charge", "costs nothing"],
                   unlessZh: ["免費安裝", "不是免費"], unlessEn: ["free installation", "not free", "toll-free", "toll free"]),
        Definition(id: "ask_secret", behaviour: "compliance.privacy", summary: "asks for a secret (CVV, PIN, password, OTP, full card number)",
                   zh: ["驗證碼", "安全碼", "背面三碼", "密碼", "完整卡號", "信用卡號", "卡號"], en: ["cvv", "security code", "pin", "password", "one-time", "otp", "card number"]),
        Definition(id: "pressure", behaviour: nil, summary: "pressures the customer",
                   zh: ["只剩今天", "最後機會", "現在不辦", "錯過就沒", "馬上決定"], en: ["last chance", "only today", "today only", "decide now", "right now or"]),
        Definition(id: "explain_source", behaviour: nil, summary: "tells where the customer's number came from",
                   zh: ["您是我們的", "名單來源", "資料來源", "您之前", "您有申請", "您的門號", "我們的用戶", "我們的客戶", "老客戶"],
                   en: ["you are our customer", "you're our customer", "you signed up", "your number", "existing customer", "our records"]),
        Definition(id: "escalate", behaviour: "complaint.escalate", summary: "hands the case to a supervisor or responsible unit",
                   zh: ["主管", "上級", "專人", "轉給", "轉交", "專責"], en: ["supervisor", "manager", "escalat*", "specialist team"]),
        Definition(id: "case_number", behaviour: "complaint.record", summary: "gives a case number or says the complaint is logged",
                   zh: ["案件編號", "客訴編號", "受理編號", "編號", "已經登記", "幫您記錄", "已記錄", "立案"],
                   en: ["reference number", "case number", "ticket number", "logged", "recorded your complaint"]),
        Definition(id: "remedy", behaviour: "complaint.resolve", summary: "offers a concrete remedy",
                   zh: ["退款", "退費", "折抵", "補償", "更換", "換一台", "維修", "技師", "工程師", "減免", "退還"],
                   en: ["refund", "credit", "replace*", "repair", "technician", "waive", "reimburse"]),
    ]

    /// Intents built from the scenario itself: the customer's name, the company, the price.
    static func derived(persona: Persona, campaign: Scenario.Campaign) -> [Intent] {
        var result: [Intent] = []
        let names = [persona.address] + persona.addressVariants
        result.append(Intent(id: "uses_name", keywords: names.filter { !$0.isEmpty }, behaviour: "listening.use_name", builtin: true))
        result.append(Intent(id: "says_company", keywords: campaign.company.isEmpty ? [] : [campaign.company],
                             behaviour: "compliance.identify", builtin: true))
        var priceWords: [String] = []
        if let price = campaign.price {
            var digits = ""
            for character in price + " " {
                if character.isASCII, character.isNumber { digits.append(character) } else if character == ",", !digits.isEmpty {
                    continue
                } else {
                    if digits.count >= 3 { priceWords.append(digits) }
                    digits = ""
                }
            }
        }
        result.append(Intent(id: "says_price", keywords: priceWords, builtin: true))
        var productWords: [String] = []
        if let product = campaign.product, !product.isEmpty { productWords.append(product) }
        result.append(Intent(id: "says_product", keywords: productWords, builtin: true))
        return result
    }

    static let derivedIDs = ["uses_name", "says_company", "says_price", "says_product"]

    static func intents(for language: Language) -> [Intent] {
        all.map { definition in
            Intent(
                id: definition.id,
                keywords: language == .zhTW ? definition.zh : definition.en,
                unless: language == .zhTW ? definition.unlessZh : definition.unlessEn,
                behaviour: definition.behaviour,
                builtin: true
            )
        }
    }
}
