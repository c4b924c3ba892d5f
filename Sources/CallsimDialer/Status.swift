/// Vicidial-style lead statuses and the flags that drive recycling, reporting and compliance.
public enum LeadStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case new = "NEW"
    /// Answering machine, recognised by the agent.
    case answeringMachine = "A"
    /// Answering machine, detected automatically and hung up.
    case answeringMachineAuto = "AA"
    case busy = "B"
    case noAnswer = "NA"
    case disconnected = "DC"
    /// A person answered and no agent took the call within the drop time.
    case drop = "DROP"
    case sale = "SALE"
    case notInterested = "NI"
    case doNotCall = "DNC"
    case callback = "CALLBK"
    /// Not a prospect (wrong person, not eligible).
    case notProspect = "NP"
    case wrongNumber = "WN"

    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let humanAnswered = Flags(rawValue: 1)
        public static let sale = Flags(rawValue: 2)
        public static let doNotCall = Flags(rawValue: 4)
        public static let contact = Flags(rawValue: 8)
        public static let callback = Flags(rawValue: 16)
        /// A status an agent sets after talking (the rest are set by the dialler).
        public static let agentDisposition = Flags(rawValue: 32)
    }

    public var flags: Flags {
        switch self {
        case .new, .busy, .noAnswer, .disconnected, .answeringMachineAuto: return []
        case .answeringMachine: return [.agentDisposition]
        case .drop: return [.humanAnswered]
        case .sale: return [.humanAnswered, .sale, .contact, .agentDisposition]
        case .notInterested: return [.humanAnswered, .contact, .agentDisposition]
        case .doNotCall: return [.humanAnswered, .doNotCall, .contact, .agentDisposition]
        case .callback: return [.humanAnswered, .contact, .callback, .agentDisposition]
        case .notProspect, .wrongNumber: return [.humanAnswered, .agentDisposition]
        }
    }

    public var label: String {
        switch self {
        case .new: return "new lead"
        case .answeringMachine: return "answering machine"
        case .answeringMachineAuto: return "answering machine (auto)"
        case .busy: return "busy"
        case .noAnswer: return "no answer"
        case .disconnected: return "disconnected number"
        case .drop: return "dropped (no agent)"
        case .sale: return "sale"
        case .notInterested: return "not interested"
        case .doNotCall: return "do not call"
        case .callback: return "call back"
        case .notProspect: return "not a prospect"
        case .wrongNumber: return "wrong number"
        }
    }

    public var labelZH: String {
        switch self {
        case .new: return "新名單"
        case .answeringMachine: return "答錄機"
        case .answeringMachineAuto: return "答錄機（自動偵測）"
        case .busy: return "忙線"
        case .noAnswer: return "無人接聽"
        case .disconnected: return "空號"
        case .drop: return "放棄（無專員）"
        case .sale: return "成交"
        case .notInterested: return "沒興趣"
        case .doNotCall: return "勿再來電"
        case .callback: return "約定回電"
        case .notProspect: return "非目標客戶"
        case .wrongNumber: return "打錯電話"
        }
    }

    /// Position in `allCases`, for tables indexed by status.
    public var ordinal: Int {
        switch self {
        case .new: return 0
        case .answeringMachine: return 1
        case .answeringMachineAuto: return 2
        case .busy: return 3
        case .noAnswer: return 4
        case .disconnected: return 5
        case .drop: return 6
        case .sale: return 7
        case .notInterested: return 8
        case .doNotCall: return 9
        case .callback: return 10
        case .notProspect: return 11
        case .wrongNumber: return 12
        }
    }

    /// The statuses an agent may pick at wrap-up.
    public static var agentDispositions: [LeadStatus] { allCases.filter { $0.flags.contains(.agentDisposition) } }

    public static func < (lhs: LeadStatus, rhs: LeadStatus) -> Bool {
        lhs.ordinal < rhs.ordinal
    }
}
