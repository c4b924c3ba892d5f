/// How the dialler decides how many calls to place.
public enum DialingMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// The agent sees the lead first and places the call.
    case preview
    /// One line per ready agent.
    case progressive
    /// A fixed number of lines per agent (the dial level).
    case ratio
    /// The dial level adapts to idle agents and waiting calls, under drop control.
    case predictive
}

/// What the level falls to when drops exceed the target.
public enum DropControl: String, Sendable, Hashable, Codable, CaseIterable {
    /// Straight to 1.0.
    case hard
    /// Halved.
    case average
    /// Scaled by the share of the shift still to come.
    case taper
}

/// Which agents count when the dialler multiplies by the dial level.
public enum AgentTally: String, Sendable, Hashable, Codable, CaseIterable {
    case ready
    /// Ready and in-call agents (calls to agents then count as live lines).
    case readyAndInCall = "ready+incall"
}

/// The rules of a jurisdiction, with the defaults they give a campaign.
public enum ComplianceProfile: String, Sendable, Hashable, Codable, CaseIterable {
    case tw = "TW"
    case us = "US"

    public var defaultRules: ComplianceRules {
        switch self {
        case .us:
            return ComplianceRules(profile: self, windowStart: 8 * 3600, windowEnd: 21 * 3600, maxAbandonPercent: 3,
                                   periodDays: 30, maxDropTime: 2, minimumRing: 15, redialAfterDrop: 72 * 3600,
                                   stopOnRefusal: false, coolingOffDays: nil)
        case .tw:
            return ComplianceRules(profile: self, windowStart: 9 * 3600, windowEnd: 21 * 3600, maxAbandonPercent: 3,
                                   periodDays: 30, maxDropTime: 2, minimumRing: 15, redialAfterDrop: 72 * 3600,
                                   stopOnRefusal: true, coolingOffDays: 7)
        }
    }
}

/// What the audit checks every dial and every day against.
public struct ComplianceRules: Sendable, Hashable, Codable {
    public var profile: ComplianceProfile
    /// Calling window at the called person's local time, seconds after midnight, [start, end).
    public var windowStart: Int
    public var windowEnd: Int
    public var maxAbandonPercent: Double
    public var periodDays: Int
    public var maxDropTime: Double
    public var minimumRing: Double
    /// A number whose last call dropped must not be dialled again sooner than this.
    public var redialAfterDrop: Double
    /// Taiwan PDPA art. 20: a refusal ("not interested") stops marketing to that person for good.
    public var stopOnRefusal: Bool
    /// Taiwan Consumer Protection Act art. 19: distance sales may be cancelled within this many days.
    public var coolingOffDays: Int?
}

public struct AgentGroup: Sendable, Hashable, Codable {
    public var name: String
    public var count: Int
    public var skills: [String]
}

public struct RecycleRule: Sendable, Hashable, Codable {
    public var delay: Double
    public var maxAttempts: Int
}

/// Where a dialled call ends before any agent is involved, as probabilities.
public struct OutcomeMix: Sendable, Hashable, Codable {
    public var person: Double
    public var machine: Double
    public var busy: Double
    public var noAnswer: Double
    public var disconnected: Double

    public var total: Double { person + machine + busy + noAnswer + disconnected }
}

public struct DialingSettings: Sendable, Hashable, Codable {
    public var mode: DialingMode
    public var dialLevel: Double
    public var maxLevel: Double
    /// The campaign's own drop target (percent of human-answered calls), at most the legal limit.
    public var dropTargetPercent: Double
    public var dropTime: Double
    public var ringTimeout: Double
    public var adaptInterval: Double
    public var trunks: Int
    public var tally: AgentTally
    public var dropControl: DropControl
    /// Answering-machine detection: machines are hung up on instead of reaching an agent.
    public var machineDetection: Bool
}

public struct CallTimes: Sendable, Hashable, Codable {
    /// Time from dialling until a person or machine answers.
    public var ring: Distribution
    public var talk: Distribution
    public var wrapUp: Distribution
    /// How long a preview agent reads the lead before dialling.
    public var preview: Distribution
    /// How long a busy or disconnected line takes to be recognised.
    public var signal: Distribution
    /// Answering-machine detection time.
    public var machineDetection: Distribution
    /// An agent's time on a machine that detection missed.
    public var machineTalk: Distribution
}

/// A campaign as read from its file: values only; file paths stay strings for the command line to open.
public struct Campaign: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var file: String
    public var timeZone: String
    /// UTC offset of the campaign's site, minutes east.
    public var siteOffsetMinutes: Int
    /// First day, YYYY-MM-DD, used to name days and to resolve time-zone offsets.
    public var startDate: String?
    public var days: Int
    /// Agents' working hours, site time, seconds after midnight.
    public var shiftStart: Int
    public var shiftEnd: Int
    public var agents: [AgentGroup]
    /// Lead segment -> the skill an agent needs for it.
    public var routing: [String: String]
    public var dialing: DialingSettings
    /// 24 mixes, one per hour of the called person's local day.
    public var outcomesByHour: [OutcomeMix]
    public var times: CallTimes
    /// What agents record after a conversation, as probabilities.
    public var dispositions: [LeadStatus: Double]
    public var recycle: [LeadStatus: RecycleRule]
    public var compliance: ComplianceRules
    /// Scrub leads against the do-not-call lists before dialling.
    public var scrubDoNotCall: Bool
    /// Keep to the calling window; when false the audit reports each call outside it.
    public var enforceCallingWindow: Bool
    public var leadsPath: String?
    public var nationalDoNotCallPath: String?
    public var companyDoNotCallPath: String?
    /// The recorded message played on a dropped call (seller and number).
    public var safeHarbourMessage: String
    /// Sales agents may pause after a call with this probability, for the pause distribution.
    public var pauseProbability: Double
    public var pause: Distribution

    public var agentCount: Int { agents.reduce(0) { $0 + $1.count } }
}
