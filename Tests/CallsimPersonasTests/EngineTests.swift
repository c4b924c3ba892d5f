import CallsimCore
import Foundation
import Testing
@testable import CallsimPersonas

private func scenario(_ yaml: String) throws -> Scenario {
    try ScenarioLoader.load(yaml: yaml, file: "t.yaml")
}

private let engineScenario = """
id: engine
title: Engine
lang: en
kind: sales
direction: outbound
persona:
  name: Mary Lin
  address: Mrs Lin
  temperament: TEMPERAMENT
  mood: {patience: 50, trust: 40, interest: 30}
  facts:
    - id: kids
      on: ask_family
      say: Two kids, both gamers.
      mood: {interest: +20}
  objections:
    - id: price
      say: That's expensive.
      resolved_by: discount
      reply: Oh, a discount? Fine.
campaign:
  company: Farstar
  agent: Sam
  product: Fibre 500
  price: NT$899 a month
  recording: true
intents:
  - id: ask_family
    keywords: [family, kids]
  - id: discount
    keywords: [half price]
  - id: insult
    keywords: [stupid]
    mood: {trust: -30}
script:
  - stage: Opening
    say: Hello Mrs Lin, this is Sam from Farstar. Is this a good time?
    shows: [compliance.identify, compliance.permission]
    after: [answer]
  - stage: Needs
    say: How does your family use the internet?
    shows: [listening.open_question]
    after: [ok]
beats:
  - id: answer
    say: [Hello?, "Yes, hello?", Who is it?]
    next: [ok]
  - id: ok
    on: permission
    say: Sure, go ahead.
    next: [price_talk, buy, chat]
  - id: price_talk
    on: says_price
    raises: price
  - id: buy
    on: ask_commitment
    if: [not objection price, interest >= 40]
    say: Alright, sign me up.
    outcome: sale
    next: [close]
  - id: chat
    on: acknowledge
    say: [Right., Mm-hm., Yes.]
  - id: close
    on: goodbye
    say: Bye now.
    end: sale
endings:
  - {id: sale, kind: sale, say: "Thanks, bye."}
  - {id: angry, kind: hangup, say: I'm done with this.}
thresholds:
  - {if: trust <= 10, end: angry}
drills:
  - id: objection
    from: price_talk
    mood: {interest: 60}
    flags: [warm]
"""

private func make(_ temperament: String = "friendly") throws -> Scenario {
    try scenario(engineScenario.replacingOccurrences(of: "TEMPERAMENT", with: temperament))
}

@Suite struct EngineTests {
    @Test func sameSeedSameCall() throws {
        let scenario = try loadBuiltin("tw-telecom-friendly")
        let lines = scenario.tests[0].agent + ["what?", "nonsense", "more nonsense"]
        func play(_ seed: UInt64) throws -> (Transcript, [EngineStep]) {
            var engine = try PersonaEngine(scenario: scenario, seed: seed)
            var steps = [engine.start()]
            for line in lines { steps.append(engine.agentSays(line)) }
            return (engine.transcript, steps)
        }
        let (first, firstSteps) = try play(42)
        let (second, secondSteps) = try play(42)
        #expect(first == second)
        #expect(firstSteps == secondSteps)
        let others = try (0..<8).map { try play(UInt64($0)).0 }
        #expect(others.contains { $0 != first }, "the seed never changes a variant")
    }

    @Test func transcriptCarriesTheScenarioHeader() throws {
        var engine = try PersonaEngine(scenario: try make(), seed: 1)
        _ = engine.start()
        _ = engine.agentSays("Hello Mrs Lin, this is Sam from Farstar. Is this a good time?")
        let transcript = engine.transcript
        #expect(transcript.direction == .outbound)
        #expect(transcript.header("company") == "Farstar")
        #expect(transcript.header("customer") == "Mrs Lin")
        #expect(transcript.header("price") == "NT$899 a month")
        #expect(transcript.recordingRequired)
        #expect(transcript.language == .en)
        #expect(transcript.turns.map(\.speaker) == [.customer, .agent, .customer])
        #expect(transcript.turns.last?.text == "Sure, go ahead.")
        #expect(transcript.outcome == nil)
    }

    @Test func fallbackIsConfusedThenImpatientThenHangsUp() throws {
        var engine = try PersonaEngine(scenario: try make(), seed: 1)
        _ = engine.start()
        let first = engine.agentSays("blue elephants")
        #expect(first.lines.first?.id.hasPrefix("fallback.confused") == true)
        #expect(engine.state.mood.patience == 40)
        let second = engine.agentSays("purple")
        #expect(second.lines.first?.id.hasPrefix("fallback.impatient") == true)
        #expect(engine.state.misses == 2)
        _ = engine.agentSays("green")
        let last = engine.agentSays("orange")
        #expect(last.ending?.id == "angry")
        #expect(last.lines.map(\.text) == ["I'm done with this."])
        #expect(engine.transcript.outcome == .hangup)
        #expect(engine.agentSays("hello?").lines.isEmpty)
    }

    @Test func hostilePersonaHangsUpSooner() throws {
        var engine = try PersonaEngine(scenario: try make("hostile"), seed: 1)
        _ = engine.start()
        _ = engine.agentSays("blue elephants")
        #expect(engine.state.mood.patience == 25)
        #expect(engine.agentSays("purple").ending?.kind == .hangup)
    }

    @Test func silenceChecksTheLineThenHangsUp() throws {
        var friendly = try PersonaEngine(scenario: try make(), seed: 1)
        #expect(friendly.deadAirLimit == 15)
        _ = friendly.start()
        #expect(friendly.silence(seconds: 16).lines.first?.id.hasPrefix("dead_air") == true)
        #expect(friendly.silence(seconds: 16).ending == nil)
        #expect(friendly.silence(seconds: 16).ending?.id == "angry")
        #expect(friendly.deadAirLimit == nil)

        var hostile = try PersonaEngine(scenario: try make("hostile"), seed: 1)
        _ = hostile.start()
        #expect(hostile.silence(seconds: 16).ending == nil)
        #expect(hostile.silence(seconds: 16).ending?.kind == .hangup)
    }

    @Test func speakingResetsTheSilenceCount() throws {
        var engine = try PersonaEngine(scenario: try make("hostile"), seed: 1)
        _ = engine.start()
        _ = engine.silence(seconds: 16)
        _ = engine.agentSays("Hello Mrs Lin, is this a good time?")
        #expect(engine.silence(seconds: 16).ending == nil)
    }

    @Test func thresholdEndingReplacesTheLine() throws {
        var engine = try PersonaEngine(scenario: try make(), seed: 1)
        _ = engine.start()
        let step = engine.agentSays("that is a stupid question")
        #expect(engine.state.mood.trust == 10)
        #expect(step.ending?.id == "angry")
        #expect(step.lines.map(\.text) == ["I'm done with this."])
        #expect(step.notes.contains("threshold trust <= 10"))
    }

    @Test func factsAreRevealedOnceWhenAsked() throws {
        var engine = try PersonaEngine(scenario: try make(), seed: 1)
        _ = engine.start()
        _ = engine.agentSays("Is this a good time?")
        let asked = engine.agentSays("Tell me about your family?")
        #expect(asked.lines.map(\.id) == ["kids"])
        #expect(engine.state.revealedFacts == ["kids"])
        #expect(engine.state.mood.interest == 50)
        let again = engine.agentSays("And the kids?")
        #expect(again.lines.first?.id.hasPrefix("fallback") == true)
        #expect(engine.state.mood.interest == 50)
    }

    @Test func objectionsAreRaisedAndResolved() throws {
        var engine = try PersonaEngine(scenario: try make(), seed: 1)
        _ = engine.start()
        _ = engine.agentSays("Is this a good time?")
        _ = engine.agentSays("Family?")
        let raised = engine.agentSays("It's 899 a month.")
        #expect(raised.lines.map(\.text) == ["That's expensive."])
        #expect(engine.state.openObjections == ["price"])
        #expect(engine.agentSays("Shall I sign you up?").lines.first?.id.hasPrefix("fallback") == true)
        let resolved = engine.agentSays("You get it at half price for six months.")
        #expect(resolved.lines.map(\.text) == ["Oh, a discount? Fine."])
        #expect(engine.state.objectionsResolved == ["price"])
        #expect(engine.state.mood.trust == 50)
        #expect(engine.agentSays("Shall I sign you up?").lines.map(\.id) == ["buy"])
        // The agent hangs up after agreement: the pending outcome is the ending.
        let end = engine.agentHangsUp()
        #expect(end.ending?.kind == .sale)
        #expect(engine.transcript.outcome == .sale)
    }

    @Test func agentHangingUpWithoutAgreementIsNoSale() throws {
        var engine = try PersonaEngine(scenario: try make(), seed: 1)
        _ = engine.start()
        #expect(engine.agentHangsUp().ending?.kind == .noSale)
        #expect(engine.ending?.id == "agent_hangup")
    }

    @Test func drillStartsAtItsBeatWithItsState() throws {
        var engine = try PersonaEngine(scenario: try make(), seed: 1, drill: "objection")
        let first = engine.start()
        #expect(first.lines.map(\.text) == ["That's expensive."])
        #expect(engine.state.mood.interest == 60)
        #expect(engine.state.mood.patience == 50)
        #expect(engine.state.flags == ["warm"])
        #expect(engine.state.openObjections == ["price"])
        // The beats after the drill's start are those of the beat leading to it.
        _ = engine.agentSays("It's half price for six months.")
        #expect(engine.agentSays("Shall I sign you up?").lines.map(\.id) == ["buy"])
    }

    @Test func startingAtABeatAndUnknownStart() throws {
        var engine = try PersonaEngine(scenario: try make(), seed: 1, drill: "ok")
        #expect(engine.start().lines.map(\.id) == ["ok"])
        #expect(throws: PersonaEngineError.self) { try PersonaEngine(scenario: try make(), seed: 1, drill: "nowhere") }
    }

    @Test func speakingBeforeStartIncludesTheOpener() throws {
        var engine = try PersonaEngine(scenario: try make(), seed: 3)
        let step = engine.agentSays("Is this a good time?")
        #expect(step.lines.count == 2)
        #expect(step.lines.last?.id == "ok")
        #expect(engine.transcript.turns.map(\.speaker) == [.customer, .agent, .customer])
    }

    @Test func variantsDoNotRepeatBackToBack() throws {
        var engine = try PersonaEngine(scenario: try make(), seed: 9)
        _ = engine.start()
        _ = engine.agentSays("Is this a good time?")
        var said: [String] = []
        for _ in 0..<6 { said += engine.agentSays("I see.").lines.map(\.id) }
        #expect(said.count == 6)
        for index in said.indices.dropFirst() { #expect(said[index] != said[index - 1]) }
    }

    @Test func hintFollowsTheScript() throws {
        var engine = try PersonaEngine(scenario: try make(), seed: 1)
        _ = engine.start()
        #expect(engine.hint() == "Hello Mrs Lin, this is Sam from Farstar. Is this a good time?")
        _ = engine.agentSays("Is this a good time?")
        #expect(engine.hint() == "How does your family use the internet?")
    }

    @Test func scenarioViews() throws {
        let scenario = try make()
        let context = scenario.callContext()
        #expect(context.company == "Farstar")
        #expect(context.customerName == "Mrs Lin")
        #expect(context.costsMoney)
        #expect(context.recordingRequired)
        #expect(scenario.suggestions(for: .en)["listening.open_question"] == "How does your family use the internet?")
        #expect(scenario.suggestions(for: .zhTW).isEmpty)
        #expect(scenario.campaign.price == "NT$899 a month")
        #expect(scenario.rubricWeights.count == KnownIndicators.ids.count)
    }

    @Test func indicatorIDsTriggerLikeTheirIntents() throws {
        let scenario = try ScenarioLoader.load(
            yaml: minimalScenario.replacingOccurrences(of: "on: permission", with: "on: compliance.permission"), file: "t.yaml")
        var engine = try PersonaEngine(scenario: scenario, seed: 1)
        _ = engine.start()
        #expect(engine.agentSays("Is this a good time?").lines.map(\.id) == ["agree"])
        let wrong = diagnostics(minimalScenario.replacingOccurrences(of: "on: permission", with: "on: compliance.permision"))
        #expect(wrong.map(\.description) == ["t.yaml:17:9: error: unknown indicator id 'compliance.permision'; did you mean 'compliance.permission'?"])
    }

    @Test func slowAnswersCostPatience() throws {
        var engine = try PersonaEngine(scenario: try make(), seed: 1)
        _ = engine.start()
        let step = engine.agentSays("Is this a good time?", responseSeconds: 30)
        #expect(engine.state.mood.patience == 40)
        #expect(step.notes.contains("patience 50→40 (slow answer (30 s))"))
        #expect(engine.transcript.turns[1].responseSeconds == 30)
        var quick = try PersonaEngine(scenario: try make(), seed: 1)
        _ = quick.start()
        _ = quick.agentSays("Is this a good time?", responseSeconds: 3)
        #expect(quick.state.mood.patience == 50)
    }

    @Test func onceBeatsAndFlagsSetAndCleared() throws {
        let yaml = minimalScenario.replacingOccurrences(of: "    next: [agree]", with: "    set: [ringing]\n    next: [agree, again]")
            .replacingOccurrences(of: "    say: Sure, go ahead.", with: "    say: Sure, go ahead.\n    once: true\n    clear: [ringing]\n  - id: again\n    on: permission\n    say: I said yes.")
        let scenario = try ScenarioLoader.load(yaml: yaml, file: "t.yaml")
        var engine = try PersonaEngine(scenario: scenario, seed: 1)
        _ = engine.start()
        #expect(engine.state.flags == ["ringing"])
        #expect(engine.agentSays("Is this a good time?").lines.map(\.id) == ["agree"])
        #expect(engine.state.flags == [])
        #expect(engine.agentSays("Is this a good time?").lines.map(\.id) == ["again"])
    }
}
