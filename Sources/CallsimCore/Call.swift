/// The language of a call or of the user interface.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case zhTW = "zh-TW"
    case en

    /// Accepts `zh-TW`, `zh_TW`, `zh`, `zh-Hant`, `en`, `en-US`, `en_GB.UTF-8` and the like.
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered.hasPrefix("zh") { self = .zhTW } else if lowered.hasPrefix("en") { self = .en } else { return nil }
    }
}

public enum Speaker: String, Sendable, Hashable, Codable {
    case agent, customer
}

public enum CallDirection: String, Sendable, Hashable, Codable {
    case outbound, inbound
}

/// How a call ended (the `outcome` header of a transcript, an ending of a scenario).
public enum CallOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case sale
    case noSale = "no-sale"
    case dnc
    case callback
    case hangup
    case resolved
    case escalated
}

/// One speaker's line.
public struct Turn: Sendable, Hashable, Codable {
    public var speaker: Speaker
    public var text: String
    /// Line in the source file where the turn starts (0 when it has no file).
    public var line: Int
    /// Seconds the agent took to answer the previous customer line, when measured.
    public var responseSeconds: Double?

    public init(speaker: Speaker, text: String, line: Int = 0, responseSeconds: Double? = nil) {
        self.speaker = speaker
        self.text = text
        self.line = line
        self.responseSeconds = responseSeconds
    }
}

/// One call: its header facts and its turns, in order.
public struct Transcript: Sendable, Hashable, Codable {
    /// Every `# key: value` header in file order, known keys included.
    public var headers: [Header]
    public var turns: [Turn]

    public struct Header: Sendable, Hashable, Codable {
        public var key: String
        public var value: String
        public init(key: String, value: String) { self.key = key; self.value = value }
    }

    public init(headers: [Header] = [], turns: [Turn] = []) {
        self.headers = headers
        self.turns = turns
    }

    public func header(_ key: String) -> String? {
        headers.last { $0.key.lowercased() == key.lowercased() }?.value
    }

    public var direction: CallDirection? { header("direction").flatMap { CallDirection(rawValue: $0.lowercased()) } }
    public var language: Language? { header("lang").flatMap(Language.init(code:)) }
    public var outcome: CallOutcome? { header("outcome").flatMap { CallOutcome(rawValue: $0.lowercased()) } }
    public var recordingRequired: Bool { header("recording")?.lowercased() == "required" }
}

/// What is known about a call beyond its words: from a transcript's header, a scenario,
/// or both. The scorer uses it to recognise names, prices and policy limits.
public struct CallContext: Sendable, Hashable, Codable {
    public var direction: CallDirection?
    public var language: Language?
    public var company: String?
    public var agentName: String?
    /// The customer's name with title as the agent would say it (林太太, Mr. Chen).
    public var customerName: String?
    /// Other ways the agent may address the customer (surname with title variants).
    public var customerNameVariants: [String]
    public var product: String?
    public var price: String?
    /// True when the product or service costs money (claims that it is free are then misrepresentation).
    public var costsMoney: Bool
    public var recordingRequired: Bool
    /// Remedies the agent may grant without escalation (for example "退款", "refund up to NT$500").
    public var allowedRemedies: [String]
    /// Where the customer's number came from, as the agent should tell it.
    public var leadSource: String?
    public var outcome: CallOutcome?

    public init(
        direction: CallDirection? = nil, language: Language? = nil, company: String? = nil,
        agentName: String? = nil, customerName: String? = nil, customerNameVariants: [String] = [],
        product: String? = nil, price: String? = nil, costsMoney: Bool = false,
        recordingRequired: Bool = false, allowedRemedies: [String] = [], leadSource: String? = nil,
        outcome: CallOutcome? = nil
    ) {
        self.direction = direction
        self.language = language
        self.company = company
        self.agentName = agentName
        self.customerName = customerName
        self.customerNameVariants = customerNameVariants
        self.product = product
        self.price = price
        self.costsMoney = costsMoney
        self.recordingRequired = recordingRequired
        self.allowedRemedies = allowedRemedies
        self.leadSource = leadSource
        self.outcome = outcome
    }

    /// The context a transcript's header gives.
    public init(transcript: Transcript) {
        self.init(
            direction: transcript.direction, language: transcript.language,
            company: transcript.header("company"), agentName: transcript.header("agent"),
            customerName: transcript.header("customer"), product: transcript.header("product"),
            price: transcript.header("price"), costsMoney: transcript.header("price") != nil,
            recordingRequired: transcript.recordingRequired, outcome: transcript.outcome
        )
    }

    /// Fills what this context leaves empty from another (a scenario's context under a transcript's header).
    public func merged(over base: CallContext) -> CallContext {
        var result = self
        result.direction = direction ?? base.direction
        result.language = language ?? base.language
        result.company = company ?? base.company
        result.agentName = agentName ?? base.agentName
        result.customerName = customerName ?? base.customerName
        result.customerNameVariants = Array(Set(customerNameVariants + base.customerNameVariants)).sorted()
        result.product = product ?? base.product
        result.price = price ?? base.price
        result.costsMoney = costsMoney || base.costsMoney
        result.recordingRequired = recordingRequired || base.recordingRequired
        result.allowedRemedies = allowedRemedies.isEmpty ? base.allowedRemedies : allowedRemedies
        result.leadSource = leadSource ?? base.leadSource
        result.outcome = outcome ?? base.outcome
        return result
    }
}
