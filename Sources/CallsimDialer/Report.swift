/// Everything a supervisor reads after a simulated campaign. Codable for `--json`.
public struct CampaignReport: Sendable, Hashable, Codable {
    public struct Totals: Sendable, Hashable, Codable {
        public var dials = 0
        public var humanAnswered = 0
        /// Calls that reached an agent (people and undetected machines).
        public var connects = 0
        public var contacts = 0
        public var sales = 0
        public var drops = 0
        public var machines = 0
        public var busy = 0
        public var noAnswer = 0
        public var disconnected = 0
        public var callbacksScheduled = 0
        public var doNotCallRequests = 0
        /// Leads removed before dialling because their number is on a do-not-call list.
        public var scrubbed = 0
        public var noConsent = 0
        public var safeHarbourMessages = 0
        public init() {}
    }

    public struct Day: Sendable, Hashable, Codable {
        public var day: Int
        public var date: String?
        public var dials: Int
        public var humanAnswered: Int
        public var drops: Int
        public var contacts: Int
        public var sales: Int
        public var abandonmentPercent: Double
        /// Abandonment over the compliance period ending this day.
        public var rollingAbandonmentPercent: Double
        public var occupancy: Double
        public var meanDialLevel: Double
    }

    public struct Hour: Sendable, Hashable, Codable {
        /// Hour of the site's day.
        public var hour: Int
        public var dials: Int
        public var humanAnswered: Int
        public var drops: Int
        public var connects: Int
        public var occupancy: Double
    }

    public enum BreachKind: String, Sendable, Hashable, Codable, CaseIterable {
        case outsideCallingWindow = "call outside the calling window"
        case doNotCallDialled = "do-not-call number dialled"
        case abandonmentDay = "abandonment over the limit (day)"
        case abandonmentPeriod = "abandonment over the limit (rolling period)"
        case redialAfterDrop = "lead redialled too soon after a drop"
        case dropTimeOverLimit = "drop time longer than the rule allows"
    }

    public struct Breach: Sendable, Hashable, Codable {
        public var kind: BreachKind
        public var count: Int
        /// The first few occurrences, as text.
        public var examples: [String]
    }

    public struct StatusCount: Sendable, Hashable, Codable {
        public var status: LeadStatus
        public var leads: Int
    }

    public var campaign: String
    public var name: String
    public var profile: ComplianceProfile
    public var mode: DialingMode
    public var dialLevel: Double
    public var seed: UInt64
    public var days: Int
    public var agents: Int
    public var leads: Int
    public var totals: Totals
    public var contactRate: Double
    public var conversionRate: Double
    public var abandonmentPercent: Double
    public var maxRollingAbandonmentPercent: Double
    public var abandonmentLimitPercent: Double
    public var occupancy: Double
    public var averageWaitBetweenCalls: Double
    public var listPenetration: Double
    public var leadsFinished: Int
    public var perDay: [Day]
    public var perHour: [Hour]
    public var breaches: [Breach]
    public var finalStatuses: [StatusCount]
    public var notes: [String]
    public var events: Int

    public var breachCount: Int { breaches.reduce(0) { $0 + $1.count } }
}
