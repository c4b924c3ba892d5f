/// A call's result code on the telemarketing record (O2.2.1, O2.4.1), with the flags a
/// dialer keeps per status (as Vicidial does): whether a person answered, whether it is a
/// sale, a do-not-call request, a contact, a callback.
public enum Disposition: String, Sendable, Hashable, Codable, CaseIterable {
    case sale
    case noSale = "no-sale"
    case callback
    case dnc
    case hangup
    case resolved
    case escalated
    case noAnswer = "no-answer"
    case busy
    case answeringMachine = "answering-machine"
    case wrongNumber = "wrong-number"

    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let humanAnswered = Flags(rawValue: 1 << 0)
        public static let sale = Flags(rawValue: 1 << 1)
        public static let doNotCall = Flags(rawValue: 1 << 2)
        public static let contact = Flags(rawValue: 1 << 3)
        public static let callback = Flags(rawValue: 1 << 4)
        public static let complaint = Flags(rawValue: 1 << 5)
    }

    public var flags: Flags {
        switch self {
        case .sale: [.humanAnswered, .sale, .contact]
        case .noSale: [.humanAnswered, .contact]
        case .callback: [.humanAnswered, .contact, .callback]
        case .dnc: [.humanAnswered, .doNotCall]
        case .hangup: [.humanAnswered]
        case .resolved: [.humanAnswered, .contact, .complaint]
        case .escalated: [.humanAnswered, .contact, .complaint]
        case .noAnswer, .busy, .answeringMachine: []
        case .wrongNumber: [.humanAnswered]
        }
    }

    /// The disposition that records a call ending this way.
    public init(outcome: CallOutcome) {
        switch outcome {
        case .sale: self = .sale
        case .noSale: self = .noSale
        case .dnc: self = .dnc
        case .callback: self = .callback
        case .hangup: self = .hangup
        case .resolved: self = .resolved
        case .escalated: self = .escalated
        }
    }

    /// The call ending this disposition stands for; nil for calls that reached no one.
    public var outcome: CallOutcome? {
        switch self {
        case .sale: .sale
        case .noSale: .noSale
        case .callback: .callback
        case .dnc: .dnc
        case .hangup: .hangup
        case .resolved: .resolved
        case .escalated: .escalated
        case .noAnswer, .busy, .answeringMachine, .wrongNumber: nil
        }
    }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.sale, .zhTW): "成交"
        case (.noSale, .zhTW): "未成交"
        case (.callback, .zhTW): "約定回撥"
        case (.dnc, .zhTW): "拒絕再聯繫（DNC）"
        case (.hangup, .zhTW): "客戶掛斷"
        case (.resolved, .zhTW): "客訴已解決"
        case (.escalated, .zhTW): "客訴已轉呈"
        case (.noAnswer, .zhTW): "無人接聽"
        case (.busy, .zhTW): "忙線"
        case (.answeringMachine, .zhTW): "語音信箱"
        case (.wrongNumber, .zhTW): "號碼錯誤"
        case (.sale, .en): "sale"
        case (.noSale, .en): "no sale"
        case (.callback, .en): "callback arranged"
        case (.dnc, .en): "do not call"
        case (.hangup, .en): "customer hung up"
        case (.resolved, .en): "complaint resolved"
        case (.escalated, .en): "complaint escalated"
        case (.noAnswer, .en): "no answer"
        case (.busy, .en): "busy"
        case (.answeringMachine, .en): "answering machine"
        case (.wrongNumber, .en): "wrong number"
        }
    }

    /// Accepts the code (`no-sale`), the code without dashes, or a label in either language.
    public init?(input: String) {
        let key = TextUnits.normalize(input).trimmingCharacters(in: .whitespaces)
        if key.isEmpty { return nil }
        let compact = key.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
        for candidate in Disposition.allCases {
            let forms = [candidate.rawValue, candidate.label(.en), candidate.label(.zhTW)].map(TextUnits.normalize)
            if forms.contains(key)
                || forms.map({ $0.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "") }).contains(compact) {
                self = candidate
                return
            }
        }
        return nil
    }
}

/// The category box of the complaint record form (客訴紀錄表).
public enum ComplaintCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case billing
    case product
    case service
    case delivery
    case network
    case staff
    case privacy
    case other

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.billing, .zhTW): "帳單費用"
        case (.product, .zhTW): "產品品質"
        case (.service, .zhTW): "服務流程"
        case (.delivery, .zhTW): "配送安裝"
        case (.network, .zhTW): "網路通訊品質"
        case (.staff, .zhTW): "人員態度"
        case (.privacy, .zhTW): "個資隱私"
        case (.other, .zhTW): "其他"
        case (.billing, .en): "billing"
        case (.product, .en): "product quality"
        case (.service, .en): "service process"
        case (.delivery, .en): "delivery or installation"
        case (.network, .en): "network quality"
        case (.staff, .en): "staff attitude"
        case (.privacy, .en): "privacy"
        case (.other, .en): "other"
        }
    }

    public init?(input: String) {
        let key = TextUnits.normalize(input).trimmingCharacters(in: .whitespaces)
        if key.isEmpty { return nil }
        for candidate in ComplaintCategory.allCases
        where [candidate.rawValue, candidate.label(.en), candidate.label(.zhTW)].map(TextUnits.normalize).contains(key) {
            self = candidate
            return
        }
        return nil
    }
}
