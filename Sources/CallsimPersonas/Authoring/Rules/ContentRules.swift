import CallsimCore

/// Where each flag is set and read.
struct FlagUsage {
    /// Flag → ids of the beats, intents and facts that set it (drills not included).
    var setByScenario: [String: [String]] = [:]
    /// Flag → ids of the beats whose conditions read it.
    var read: [String: [String]] = [:]
    var setByDrills = Set<String>()

    init(_ scenario: Scenario) {
        for beat in scenario.beats {
            for flag in beat.effects.set { setByScenario[flag, default: []].append(beat.id) }
            for condition in beat.conditions {
                if case .flag(let flag) = condition.test { read[flag, default: []].append(beat.id) }
            }
        }
        for intent in scenario.intents { for flag in intent.effects.set { setByScenario[flag, default: []].append(intent.id) } }
        for fact in scenario.persona.facts { for flag in fact.effects.set { setByScenario[flag, default: []].append(fact.id) } }
        for drill in scenario.drills { setByDrills.formUnion(drill.flags) }
    }
}

/// Flags read in conditions that nothing sets.
public struct UnsetFlagRule: LintRule {
    public init() {}
    public let id = "unset-flag"
    public let summary = "Every flag a condition reads is set somewhere: by a beat, an intent, a fact or a drill."
    public let severity = Diagnostic.Severity.error
    public let triggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [agree]
      - id: agree
        on: ask_commitment
        if: flag price_knwon
        say: Sure.
        end: bye
    intents:
      - {id: price_talk, keywords: [price], set: [price_known]}
    \(exampleEnding)
    """)]
    public let nonTriggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [agree]
      - id: agree
        on: ask_commitment
        if: flag price_known
        say: Sure.
        end: bye
    intents:
      - {id: price_talk, keywords: [price], set: [price_known]}
    \(exampleEnding)
    """)]

    public func check(_ context: LintContext) -> [LintFinding] {
        let usage = FlagUsage(context.scenario)
        var findings: [LintFinding] = []
        let known = Array(Set(usage.setByScenario.keys).union(usage.setByDrills)).sorted()
        for (flag, readers) in usage.read.sorted(by: { $0.key < $1.key })
        where usage.setByScenario[flag] == nil && !usage.setByDrills.contains(flag) {
            for beat in Set(readers).sorted() {
                var message = "flag '\(flag)' is read here but nothing sets it"
                if let suggestion = NodeReader.suggestion(for: flag, among: known) { message += "; did you mean '\(suggestion)'?" }
                let condition = context.scenario.beat(beat)?.conditions.first { $0.test == .flag(flag) }?.text ?? ""
                findings.append(LintFinding(context.source.item("beats", id: beat, key: "if", element: condition), message))
            }
        }
        return findings
    }
}

/// Flags set but never read: harmless to the engine, usually a typo or a leftover.
public struct UnreadFlagRule: LintRule {
    public init() {}
    public let id = "unread-flag"
    public let summary = "Every flag that is set is read by some condition (otherwise setting it does nothing)."
    public let severity = Diagnostic.Severity.warning
    public let triggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [agree]
      - id: agree
        on: ask_commitment
        say: Sure.
        set: [agreed]
        end: bye
    \(exampleEnding)
    """)]
    public let nonTriggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [agree, again]
      - id: agree
        on: ask_commitment
        if: not flag agreed
        say: Sure.
        set: [agreed]
      - id: again
        on: ask_commitment
        if: flag agreed
        say: I already said yes.
        end: bye
    \(exampleEnding)
    """)]

    public func check(_ context: LintContext) -> [LintFinding] {
        let usage = FlagUsage(context.scenario)
        var findings: [LintFinding] = []
        for (flag, setters) in usage.setByScenario.sorted(by: { $0.key < $1.key }) where usage.read[flag] == nil {
            for owner in Set(setters).sorted() {
                let location = context.source.item("beats", id: owner, key: "set", element: flag)
                    ?? context.source.item("intents", id: owner, key: "set", element: flag)
                    ?? context.source.item("persona.facts", id: owner, key: "set", element: flag)
                findings.append(LintFinding(location, "flag '\(flag)' is set by '\(owner)' but no condition reads it"))
            }
        }
        return findings
    }
}

/// An example phrase of one intent that another intent also matches, where a beat on the
/// other intent comes first in the same list: the example would trigger the wrong beat.
public struct AmbiguousIntentRule: LintRule {
    public init() {}
    public let id = "ambiguous-intent"
    public let summary = "An intent's example phrases do not also match another intent whose beat comes earlier in the same list (the earlier beat would answer them)."
    public let severity = Diagnostic.Severity.warning
    public let triggering = [LintExample("""
    intents:
      - id: ask_usage
        examples: [what plan do you use at home]
    beats:
      - id: answer
        say: Hello?
        next: [pitched, usage]
      - id: pitched
        on: pitch
        say: What kind of plan?
        end: bye
      - id: usage
        on: ask_usage
        say: Just the basic one.
        end: bye
    \(exampleEnding)
    """)]
    public let nonTriggering = [LintExample("""
    intents:
      - id: ask_usage
        examples: [what do you use the internet for at home]
    beats:
      - id: answer
        say: Hello?
        next: [pitched, usage]
      - id: pitched
        on: pitch
        say: What kind of plan?
        end: bye
      - id: usage
        on: ask_usage
        say: Mostly videos.
        end: bye
    \(exampleEnding)
    """)]

    public func check(_ context: LintContext) -> [LintFinding] {
        let scenario = context.scenario
        var findings: [LintFinding] = []
        var reported = Set<String>()
        let lists = context.flow.lists.map { $0.compactMap(scenario.beat) } + [scenario.beats.filter(\.anytime)]
        for list in lists {
            for (index, later) in list.enumerated() {
                guard case .intents(let laterIntents) = later.trigger else { continue }
                for earlier in list[..<index] {
                    guard case .intents(let earlierIntents) = earlier.trigger else { continue }
                    for intent in laterIntents where !earlierIntents.contains(intent) {
                        // A trigger may name an intent or a catalog behaviour that intents detect.
                        let sources = scenario.intents.filter { $0.id == intent || $0.behaviour == intent }
                        for example in sources.flatMap(\.examples) {
                            let ids = scenario.intents(matching: example)
                            let matched = ids + scenario.intents.filter { ids.contains($0.id) }.compactMap(\.behaviour)
                            guard let other = earlierIntents.first(where: matched.contains) else { continue }
                            guard reported.insert("\(intent)|\(example)|\(other)").inserted else { continue }
                            findings.append(LintFinding(
                                context.source.item("intents", id: intent, key: "examples", element: example),
                                "example '\(example)' of intent '\(intent)' also matches '\(other)': beat '\(earlier.id)' (on \(other)) comes before '\(later.id)' in the list [\(list.map(\.id).joined(separator: ", "))] and would answer it"
                            ))
                        }
                    }
                }
            }
        }
        return findings
    }
}

/// The rubric's weights must give a score: each listed indicator once, with a positive
/// weight, and a pass mark a call can fall short of; tests expect statuses of indicators
/// the rubric includes.
public struct RubricRule: LintRule {
    public init() {}
    public let id = "rubric-weights"
    public let summary = "Rubric weights add up: every listed indicator appears once with a weight above 0, the pass mark is 1-100, and tests expect a status only for indicators the rubric includes."
    public let severity = Diagnostic.Severity.error
    public let triggering = [
        LintExample(RubricRule.flow + """
        rubric:
          pass: 0
          indicators: {compliance.identify: 2, closing.ask: 0}

        """),
        LintExample(RubricRule.flow + """
        rubric:
          indicators: [compliance.identify, compliance.identify]
        tests:
          - name: asks
            agent: [Can I sign you up?]
            indicators: {closing.ask: hit}

        """),
    ]
    public let nonTriggering = [LintExample(RubricRule.flow + """
    rubric:
      pass: 70
      indicators: {compliance.identify: 2, closing.ask: 1}
    tests:
      - name: asks
        agent: [Can I sign you up?]
        indicators: {closing.ask: hit}

    """)]

    static let flow = """
    beats:
      - id: answer
        say: Hello?
        next: [agree]
      - id: agree
        on: ask_commitment
        say: Sure.
        end: bye
    \(exampleEnding)
    """

    public func check(_ context: LintContext) -> [LintFinding] {
        let rubric = context.scenario.rubric
        let source = context.source
        var findings: [LintFinding] = []
        var seen = Set<String>()
        for weight in rubric.indicators {
            if !seen.insert(weight.indicator).inserted {
                findings.append(LintFinding(source.key("rubric.indicators"), "indicator '\(weight.indicator)' is listed twice in the rubric"))
            }
            if weight.weight <= 0 {
                findings.append(LintFinding(source.key("rubric.indicators", entry: weight.indicator),
                                            "weight of '\(weight.indicator)' is 0: it never counts; remove it or give it a weight above 0"))
            }
        }
        if !rubric.indicators.isEmpty, rubric.indicators.reduce(0, { $0 + $1.weight }) <= 0 {
            findings.append(LintFinding(source.key("rubric.indicators"), "the rubric's weights add up to 0, so no score can be computed"))
        }
        if let pass = rubric.pass, pass < 1 {
            findings.append(LintFinding(source.key("rubric.pass"), "pass mark \(pass) passes every call; use 1-100"))
        }
        if !rubric.indicators.isEmpty {
            let included = Set(rubric.indicators.filter { $0.weight > 0 }.map(\.indicator))
            for test in context.scenario.tests {
                for expectation in test.indicators where expectation.status != "na" && !included.contains(expectation.id) {
                    findings.append(LintFinding(
                        source.item("tests", id: test.name, key: "indicators"),
                        "test '\(test.name)' expects '\(expectation.id)' to be \(expectation.status), but the rubric leaves it out (it is always na)"
                    ))
                }
            }
        }
        return findings
    }
}

/// Indicator ids must be in the scorer's catalog and able to apply to this kind of call.
public struct IndicatorCatalogRule: LintRule {
    public init() {}
    public let id = "indicator-catalog"
    public let summary = "Indicator ids (rubric, script `shows`, test expectations) are in the scorer's catalog and can apply to this scenario's direction and recording setting (the loader already rejects ids outside the format's list)."
    public let severity = Diagnostic.Severity.warning
    public let triggering = [LintExample(RubricRule.flow + """
    rubric:
      indicators: {compliance.identify: 1, compliance.recording: 1}

    """)]
    public let nonTriggering = [LintExample(RubricRule.flow + """
    rubric:
      indicators: {compliance.identify: 1, closing.ask: 1}

    """)]

    /// Why an indicator can never apply to the scenario, or nil.
    static func neverApplies(_ indicator: String, in scenario: Scenario) -> String? {
        // As the scorer decides applicability (docs/indicators.md, "applies").
        let outboundOnly: Set = [
            "compliance.purpose", "compliance.permission", "compliance.cooling_off",
            "listening.open_question", "closing.benefit", "closing.ask",
        ]
        if outboundOnly.contains(indicator), scenario.direction != .outbound { return "it applies to outbound calls only (always na here)" }
        if indicator == "compliance.recording", !scenario.campaign.recording {
            return "it applies only when the call is recorded (campaign.recording: true)"
        }
        return nil
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        let scenario = context.scenario
        let catalog = context.scoring?.catalog ?? KnownIndicators.ids
        let source = context.source
        var uses: [(String, SourceMap.Location?)] = []
        for weight in scenario.rubric.indicators { uses.append((weight.indicator, source.key("rubric.indicators", entry: weight.indicator))) }
        for (index, stage) in scenario.script.enumerated() {
            for indicator in stage.shows { uses.append((indicator, source.item("script", index: index, key: "shows"))) }
        }
        for test in scenario.tests {
            for expectation in test.indicators where expectation.status != "na" {
                uses.append((expectation.id, source.item("tests", id: test.name, key: "indicators")))
            }
        }
        var findings: [LintFinding] = []
        var reported = Set<String>()
        for (indicator, location) in uses {
            if !catalog.contains(indicator) {
                var message = "indicator '\(indicator)' is not in the scorer's catalog"
                if let suggestion = NodeReader.suggestion(for: indicator, among: catalog) { message += "; did you mean '\(suggestion)'?" }
                findings.append(LintFinding(location, message))
            } else if let reason = Self.neverApplies(indicator, in: scenario), reported.insert("\(indicator)|\(location?.line ?? 0)").inserted {
                findings.append(LintFinding(location, "indicator '\(indicator)' can never apply to this scenario: \(reason)"))
            }
        }
        return findings
    }
}

/// A translation keeps every line id of its original, and adds none.
public struct TranslationRule: LintRule {
    public init() {}
    public let id = "translation-lines"
    public let summary = "A scenario with `translation_of` has exactly the beat, ending and line ids of its original (when the original is linted in the same run or sits in the same folder)."
    public let severity = Diagnostic.Severity.error
    public let triggering = [LintExample("""
    translation_of: pair
    beats:
      - id: answer
        say: 喂？
        next: [agree]
      - id: agree
        on: permission
        say: [好啊，你說。, 可以啊。]
        end: bye
    endings:
      - {id: bye, kind: hangup, say: 掰掰。}

    """, lang: .zhTW, companion: LintExample.header(id: "pair", lang: .en) + """
    beats:
      - id: answer
        say: Hello?
        next: [agree]
      - id: agree
        on: permission
        say: Sure, go ahead.
        end: bye
      - id: busy
        anytime: true
        on: pressure
        say: I'm busy.
    \(exampleEnding)
    """)]
    public let nonTriggering = [LintExample("""
    translation_of: pair
    beats:
      - id: answer
        say: 喂？
        next: [agree]
      - id: agree
        on: permission
        say: 好啊，你說。
        end: bye
    endings:
      - {id: bye, kind: hangup, say: 掰掰。}

    """, lang: .zhTW, companion: LintExample.header(id: "pair", lang: .en) + """
    beats:
      - id: answer
        say: Hello?
        next: [agree]
      - id: agree
        on: permission
        say: Sure, go ahead.
        end: bye
    \(exampleEnding)
    """)]

    public func check(_ context: LintContext) -> [LintFinding] {
        let scenario = context.scenario
        guard let pairID = scenario.translationOf,
              let original = context.others.first(where: { $0.id == pairID && $0.file != scenario.file }) else { return [] }
        let source = context.source
        var findings: [LintFinding] = []
        func ids(_ s: Scenario) -> [(String, String)] {
            s.beats.map { ("beat", $0.id) } + s.endings.map { ("ending", $0.id) } + s.lineIDs.map { ("line", $0) }
        }
        let mine = Set(ids(scenario).map { "\($0.0) \($0.1)" })
        let theirs = Set(ids(original).map { "\($0.0) \($0.1)" })
        var seen = Set<String>()
        for (kind, id) in ids(original) where !mine.contains("\(kind) \(id)") && seen.insert("\(kind) \(id)").inserted {
            findings.append(LintFinding(source.key("translation_of"),
                                        "\(kind) '\(id)' of '\(original.id)' (\(original.language.rawValue)) is missing in this translation"))
        }
        let owners = scenario.lineOwners
        for (kind, id) in ids(scenario) where !theirs.contains("\(kind) \(id)") && seen.insert("+\(kind) \(id)").inserted {
            let owner = kind == "line" ? owners[id] ?? id : id
            let location = source.item("beats", id: owner) ?? source.item("endings", id: owner)
                ?? source.item("persona.facts", id: owner) ?? source.item("persona.objections", id: owner) ?? source.key("translation_of")
            findings.append(LintFinding(location, "\(kind) '\(id)' is not in '\(original.id)' (\(original.language.rawValue)); translations keep the same ids"))
        }
        return findings
    }
}

/// The script's model lines must earn the indicators they claim to show, by the real scorer.
public struct ModelLineRule: LintRule {
    public init() {}
    public let id = "model-line"
    public let summary = "Each script line is scored as a hit for every indicator in its `shows` (by the real scorer, in a call of the customer's line before it and the model line; statuses that do not apply in so short a call are not reported)."
    public let severity = Diagnostic.Severity.warning
    public let triggering = [LintExample(RubricRule.flow + """
    script:
      - stage: Opening
        say: Hello, is this a good time?
        shows: [compliance.identify]
        after: [answer]

    """)]
    public let nonTriggering = [LintExample(RubricRule.flow + """
    script:
      - stage: Opening
        say: Hello Mrs Lin, this is Sam from Farstar Telecom. Is this a good time?
        shows: [compliance.identify, compliance.permission]
        after: [answer]

    """)]

    /// Indicators that only apply once a sale is agreed: the short call is given that outcome.
    static let afterSale: Set = ["closing.confirm", "closing.payment", "closing.delivery", "compliance.cooling_off"]

    public func check(_ context: LintContext) -> [LintFinding] {
        guard let scoring = context.scoring else { return [] }
        let scenario = context.scenario
        var findings: [LintFinding] = []
        for (index, stage) in scenario.script.enumerated() where !stage.shows.isEmpty {
            let before = stage.after.first.flatMap(scenario.beat)?.lines.first?.text ?? scenario.beats.first?.lines.first?.text ?? ""
            var transcript = Transcript(headers: scenario.transcriptHeaders, turns: [
                Turn(speaker: .customer, text: before, line: 1),
                Turn(speaker: .agent, text: stage.line, line: 2),
            ])
            if scenario.kind == .sales, stage.shows.contains(where: Self.afterSale.contains) {
                transcript.headers.append(.init(key: "outcome", value: CallOutcome.sale.rawValue))
            }
            let score = scoring.score(transcript, for: scenario)
            for indicator in stage.shows {
                guard let status = score.statuses[indicator], status == "missed" || status == "violated" else { continue }
                findings.append(LintFinding(
                    context.source.item("script", index: index, key: "say"),
                    "the model line of stage '\(stage.stage)' shows '\(indicator)', but the scorer finds it \(status)"
                ))
            }
        }
        return findings
    }
}

public enum LintRules {
    /// Every rule, in the order the guide lists them.
    public static let all: [any LintRule] = [
        UnreachableBeatRule(), DeadEndBeatRule(), UnreachableEndingRule(), ShadowedTriggerRule(),
        AmbiguousIntentRule(), UnsetFlagRule(), UnreadFlagRule(), RubricRule(), IndicatorCatalogRule(),
        TranslationRule(), ModelLineRule(), DrillRule(),
    ]
}
