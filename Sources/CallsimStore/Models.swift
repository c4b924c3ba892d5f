#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CallsimCore
import Foundation

/// One indicator's result in a stored scorecard (the scorer's result, kept generic so the
/// store does not depend on the scorer's types).
public struct IndicatorOutcome: Sendable, Hashable, Codable {
    public var id: String
    public var category: String
    /// `hit`, `missed`, `violated` or `na`.
    public var status: String
    /// 1-based turn numbers (both speakers) that are its evidence.
    public var turns: [Int]
    public var codes: [String]

    public init(id: String, category: String, status: String, turns: [Int], codes: [String]) {
        self.id = id
        self.category = category
        self.status = status
        self.turns = turns
        self.codes = codes
    }
}

/// A call's scorecard as stored.
public struct ScoreSummary: Sendable, Hashable, Codable {
    public struct Category: Sendable, Hashable, Codable {
        public var name: String
        /// 0-100, nil when every indicator of the category is `na`.
        public var score: Int?
        public init(name: String, score: Int?) { self.name = name; self.score = score }
    }

    public var results: [IndicatorOutcome]
    public var categories: [Category]
    public var score: Int
    /// Ids of critical indicators violated.
    public var critical: [String]

    public init(results: [IndicatorOutcome], categories: [Category], score: Int, critical: [String]) {
        self.results = results
        self.categories = categories
        self.score = score
        self.critical = critical
    }
}

/// What is known when a call starts.
public struct NewSession: Sendable, Hashable {
    public var trainee: String
    public var scenarioID: String
    public var seed: UInt64
    public var language: Language
    public var context: CallContext?

    public init(trainee: String, scenarioID: String, seed: UInt64, language: Language, context: CallContext? = nil) {
        self.trainee = trainee
        self.scenarioID = scenarioID
        self.seed = seed
        self.language = language
        self.context = context
    }
}

/// A session as listed by `history`.
public struct SessionInfo: Sendable, Hashable, Codable {
    public var id: Int64
    public var trainee: String
    public var scenarioID: String
    public var seed: UInt64
    public var language: Language
    public var started: Date
    public var ended: Date?
    public var ending: CallOutcome?
    public var interrupted: Bool
    public var score: Int?
    public var formScore: Int?
    public var turnCount: Int
    public var pid: Int32?
    public var host: String?

    /// Open: not ended and not found interrupted (its process may still be running it).
    public var isOpen: Bool { ended == nil && !interrupted }
}

/// One stored line of a call.
public struct StoredTurn: Sendable, Hashable, Codable {
    /// 1-based position in the call, both speakers counted.
    public var index: Int
    public var speaker: Speaker
    public var text: String
    public var responseSeconds: Double?
    public var at: Date

    public var turn: Turn { Turn(speaker: speaker, text: text, line: 0, responseSeconds: responseSeconds) }
}

/// Everything stored about one call.
public struct SessionDetail: Sendable, Hashable, Codable {
    public var info: SessionInfo
    public var context: CallContext?
    public var turns: [StoredTurn]
    public var score: ScoreSummary?
    public var wrapUp: WrapUp?
    public var checks: [FormCheck]

    public var transcript: Transcript {
        var headers: [Transcript.Header] = [
            .init(key: "scenario", value: info.scenarioID),
            .init(key: "lang", value: info.language.rawValue),
        ]
        if let direction = context?.direction { headers.append(.init(key: "direction", value: direction.rawValue)) }
        if let company = context?.company { headers.append(.init(key: "company", value: company)) }
        if let customer = context?.customerName { headers.append(.init(key: "customer", value: customer)) }
        if let ending = info.ending { headers.append(.init(key: "outcome", value: ending.rawValue)) }
        return Transcript(headers: headers, turns: turns.map(\.turn))
    }
}

/// A dialed call within a shift.
public struct ShiftCall: Sendable, Hashable, Codable {
    public var lead: String
    public var disposition: String
    public var sessionID: Int64?
    public var seconds: Double?

    public init(lead: String, disposition: String, sessionID: Int64? = nil, seconds: Double? = nil) {
        self.lead = lead
        self.disposition = disposition
        self.sessionID = sessionID
        self.seconds = seconds
    }
}

/// The process that runs a call: pid, host, and the process's start time (so a reused pid
/// is not mistaken for the original process).
public struct ProcessIdentity: Sendable, Hashable {
    public var pid: Int32
    public var host: String
    public var start: String?

    public init(pid: Int32, host: String, start: String?) {
        self.pid = pid
        self.host = host
        self.start = start
    }

    public static var current: ProcessIdentity {
        let pid = getpid()
        return ProcessIdentity(pid: pid, host: ProcessInfo.processInfo.hostName, start: startTime(of: pid))
    }

    /// Field 22 of /proc/PID/stat (start time in clock ticks since boot); nil where there is no /proc.
    public static func startTime(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command come state (field 3) ... starttime (field 22).
        guard fields.count > 19 else { return nil }
        return String(fields[19])
    }

    /// Whether this process still runs on this host (false also when its pid was reused).
    public func isAlive(onHost currentHost: String) -> Bool {
        guard host == currentHost else { return true }  // cannot tell for another machine
        if kill(pid, 0) != 0, errno == ESRCH { return false }
        if let start, let now = ProcessIdentity.startTime(of: pid), now != start { return false }
        return true
    }
}
