import CallsimCore

/// Scores a call against every catalog indicator. Pure and cheap: each turn is normalised and
/// matched once, then the indicators read the shared analysis.
public struct Scorer: Sendable {
    public init() {}

    public func score(_ transcript: Transcript, context: CallContext? = nil) -> Scorecard {
        score(transcript, context: context, rubric: nil)
    }

    public func score(_ transcript: Transcript, context: CallContext? = nil, rubric: Rubric?) -> Scorecard {
        let call = CallAnalysis(transcript, context: context)
        return score(call, rubric: rubric)
    }

    public func score(_ call: CallAnalysis, rubric: Rubric? = nil) -> Scorecard {
        var results: [IndicatorResult] = []
        results.reserveCapacity(IndicatorCatalog.all.count)
        var earned = [Double](repeating: 0, count: IndicatorCategory.allCases.count)
        var possible = [Double](repeating: 0, count: IndicatorCategory.allCases.count)
        var totalEarned = 0.0
        var totalPossible = 0.0
        var critical: [String] = []
        for (indicator, categoryIndex) in zip(IndicatorCatalog.all, IndicatorCatalog.categoryIndices) {
            var verdict = indicator.evaluate(call)
            if let applicable = rubric?.applicable, !applicable.contains(indicator.id) { verdict = .na }
            results.append(IndicatorResult(id: indicator.id, status: verdict.status, turns: verdict.turns, codes: indicator.codes))
            guard verdict.status != .na else { continue }
            let weight = rubric?.weight(indicator.id) ?? 1
            possible[categoryIndex] += weight
            totalPossible += weight
            if verdict.status == .hit {
                earned[categoryIndex] += weight
                totalEarned += weight
            }
            if verdict.status == .violated && indicator.critical { critical.append(indicator.id) }
        }
        var categories: [IndicatorCategory: Int?] = [:]
        for (index, category) in IndicatorCategory.allCases.enumerated() {
            let denominator = possible[index]
            categories[category] = denominator > 0 ? Self.percent(earned[index], denominator) : Optional<Int>.none
        }
        let score = critical.isEmpty && totalPossible > 0 ? Self.percent(totalEarned, totalPossible) : 0
        return Scorecard(
            direction: call.direction, directionInferred: call.directionInferred, lang: call.language,
            outcome: call.outcome, outcomeInferred: call.outcomeInferred, results: results,
            categories: categories, score: score, critical: critical
        )
    }

    static func percent(_ part: Double, _ whole: Double) -> Int { Int((part / whole * 100).rounded()) }
}
