import CallsimCore
import CallsimPersonas
import CallsimScoring
import CallsimStore
import Foundation

/// Scores calls with the product's scorer and turns scorecards into the stored form.
enum RecordScoring {
    static let categoryOf: [String: String] = Dictionary(
        IndicatorCatalog.all.map { ($0.id, $0.category.rawValue) }, uniquingKeysWith: { first, _ in first })

    /// The scorer's rubric for a scenario's: only the listed indicators apply, with their weights.
    static func rubric(_ scenario: Scenario?) -> CallsimScoring.Rubric? {
        guard let scenario, !scenario.rubric.indicators.isEmpty else { return nil }
        return scenario.scoringRubric
    }

    static func summary(_ card: Scorecard) -> ScoreSummary {
        ScoreSummary(
            results: card.results.map {
                IndicatorOutcome(id: $0.id, category: categoryOf[$0.id] ?? String($0.id.prefix { $0 != "." }),
                                 status: $0.status.rawValue, turns: $0.turns, codes: $0.codes)
            },
            categories: IndicatorCategory.allCases.map { ScoreSummary.Category(name: $0.rawValue, score: card.categoryScore($0)) },
            score: card.score, critical: card.critical)
    }

    static func score(_ transcript: Transcript, context: CallContext?, scenario: Scenario?) -> ScoreSummary {
        summary(Scorer().score(transcript, context: context, rubric: rubric(scenario)))
    }

    /// Scores a stored call as it stands (also one interrupted before its end), with its
    /// scenario's rubric when the scenario is installed.
    static func score(_ detail: SessionDetail) throws -> ScoreSummary {
        guard !detail.turns.isEmpty else { throw CLIError("session \(detail.info.id) has no turns to score") }
        let scenario = try? ScenarioCatalog().scenario(id: detail.info.scenarioID)
        var context = detail.context ?? scenario?.callContext()
        if context?.outcome == nil { context?.outcome = detail.info.ending }
        return score(detail.transcript, context: context, scenario: scenario)
    }
}
