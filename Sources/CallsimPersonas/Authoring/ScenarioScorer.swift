import CallsimCore
import CallsimScoring

/// The real scorer, given each scenario's context (company, customer, price, recording)
/// and rubric (which indicators apply, and their weights).
public struct ScenarioScorer: ScenarioScoring {
    public static let shared: (any ScenarioScoring)? = ScenarioScorer()

    public init() {}

    public var catalog: [String] { IndicatorCatalog.ids }

    public func score(_ transcript: Transcript, for scenario: Scenario) -> CallScore {
        let weights = scenario.rubric.indicators
        let rubric = weights.isEmpty
            ? nil
            : CallsimScoring.Rubric(
                applicable: Set(weights.map(\.indicator)),
                weights: Dictionary(weights.map { ($0.indicator, $0.weight) }, uniquingKeysWith: { first, _ in first })
            )
        let card = Scorer().score(transcript, context: scenario.callContext(), rubric: rubric)
        var statuses: [String: String] = [:]
        var turns: [String: [Int]] = [:]
        for result in card.results {
            statuses[result.id] = result.status.rawValue
            turns[result.id] = result.turns
        }
        return CallScore(statuses: statuses, turns: turns, score: card.score)
    }
}
