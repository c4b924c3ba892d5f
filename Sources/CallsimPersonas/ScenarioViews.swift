import CallsimCore
import CallsimScoring

extension Scenario {
    /// The header of a transcript of this scenario.
    public var transcriptHeaders: [Transcript.Header] {
        var headers: [Transcript.Header] = [
            .init(key: "scenario", value: id),
            .init(key: "direction", value: direction.rawValue),
            .init(key: "company", value: campaign.company),
        ]
        if let agent = campaign.agent { headers.append(.init(key: "agent", value: agent)) }
        headers.append(.init(key: "customer", value: persona.address))
        headers.append(.init(key: "lang", value: language.rawValue))
        if let product = campaign.product { headers.append(.init(key: "product", value: product)) }
        if let price = campaign.price { headers.append(.init(key: "price", value: price)) }
        if campaign.recording { headers.append(.init(key: "recording", value: "required")) }
        return headers
    }

    /// What the scorer needs to know about a call of this scenario.
    public func callContext() -> CallContext {
        CallContext(
            direction: direction, language: language, company: campaign.company, agentName: campaign.agent,
            customerName: persona.address, customerNameVariants: persona.addressVariants, product: campaign.product,
            price: campaign.price, costsMoney: campaign.costsMoney, recordingRequired: campaign.recording,
            allowedRemedies: campaign.allowedRemedies, leadSource: campaign.leadSource
        )
    }

    /// Indicator id → model line from the script (for the scorecard), in the scenario's own
    /// language; empty for another language. The first stage that shows an indicator wins.
    public func suggestions(for lang: Language) -> [String: String] {
        guard lang == language else { return [:] }
        var result: [String: String] = [:]
        for stage in script {
            for indicator in stage.shows where result[indicator] == nil { result[indicator] = stage.line }
        }
        return result
    }

    /// The indicators that apply with their weights; the whole catalog at weight 1 when the rubric names none.
    public var rubricWeights: [Scenario.Rubric.Weight] {
        rubric.indicators.isEmpty ? KnownIndicators.ids.map { .init(indicator: $0, weight: 1) } : rubric.indicators
    }

    /// The rubric as the scorer takes it: indicators outside it become `na`, weights as given.
    public var scoringRubric: CallsimScoring.Rubric {
        guard !rubric.indicators.isEmpty else { return CallsimScoring.Rubric() }
        var weights: [String: Double] = [:]
        for entry in rubric.indicators { weights[entry.indicator] = entry.weight }
        return CallsimScoring.Rubric(applicable: Set(rubric.indicators.map(\.indicator)), weights: weights)
    }

    /// Scores a call of this scenario with its context and rubric.
    public func score(_ transcript: Transcript) -> Scorecard {
        Scorer().score(transcript, context: callContext(), rubric: scoringRubric)
    }

    /// Every line id the customer can say, in file order.
    public var lineIDs: [String] {
        var ids: [String] = []
        for beat in beats { ids += beat.lines.map(\.id) }
        for fact in persona.facts { ids += fact.lines.map(\.id) }
        for objection in persona.objections { ids += objection.lines.map(\.id) + objection.reply.map(\.id) }
        for ending in endings { ids += ending.lines.map(\.id) }
        ids += persona.deadAir.lines.map(\.id) + fallback.confused.map(\.id) + fallback.impatient.map(\.id)
        return ids
    }
}

extension Scenario {
    /// How this scenario's structure differs from the one it translates: a translation keeps
    /// the same beats, line ids, endings, facts, objections, drills and transitions. Empty when they pair up.
    public func translationDifferences(from original: Scenario) -> [String] {
        var differences: [String] = []
        func compare(_ what: String, _ mine: [String], _ theirs: [String]) {
            let missing = Set(theirs).subtracting(mine).sorted()
            let extra = Set(mine).subtracting(theirs).sorted()
            if !missing.isEmpty { differences.append("\(what) missing here: \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { differences.append("\(what) not in \(original.id): \(extra.joined(separator: ", "))") }
        }
        if translationOf != original.id && original.translationOf != id {
            differences.append("translation_of is \(translationOf ?? "unset"), not \(original.id)")
        }
        if language == original.language { differences.append("both are \(language.rawValue)") }
        compare("beats", beats.map(\.id), original.beats.map(\.id))
        compare("line ids", lineIDs, original.lineIDs)
        compare("endings", endings.map { "\($0.id) (\($0.kind.rawValue))" }, original.endings.map { "\($0.id) (\($0.kind.rawValue))" })
        compare("facts", persona.facts.map(\.id), original.persona.facts.map(\.id))
        compare("objections", persona.objections.map(\.id), original.persona.objections.map(\.id))
        compare("drills", drills.map(\.id), original.drills.map(\.id))
        for beat in beats {
            guard let other = original.beat(beat.id) else { continue }
            if beat.next != other.next || beat.end != other.end || beat.outcome != other.outcome || beat.raises != other.raises {
                differences.append("beat \(beat.id) leads elsewhere than in \(original.id)")
            }
        }
        return differences
    }
}
