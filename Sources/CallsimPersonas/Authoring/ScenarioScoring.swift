import CallsimCore

/// How a scenario's calls are scored: the indicator catalog and a scorer that knows the
/// scenario's context and rubric. `callsim lint` and `callsim test` pass the real scorer.
public protocol ScenarioScoring: Sendable {
    /// Every indicator id the scorer knows, in catalog order.
    var catalog: [String] { get }
    func score(_ transcript: Transcript, for scenario: Scenario) -> CallScore
}

/// A scored call as the authoring tools need it.
public struct CallScore: Sendable, Hashable {
    /// Indicator id → `hit`, `missed`, `violated` or `na`.
    public var statuses: [String: String]
    /// Indicator id → 1-based turn numbers that are the evidence.
    public var turns: [String: [Int]]
    public var score: Int

    public init(statuses: [String: String], turns: [String: [Int]] = [:], score: Int) {
        self.statuses = statuses
        self.turns = turns
        self.score = score
    }
}
