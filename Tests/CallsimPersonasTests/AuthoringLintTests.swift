import CallsimCore
import Foundation
import Testing
@testable import CallsimPersonas

/// A scorer for rule examples when the real one is not wired: an indicator is a hit when the
/// agent's line says the company (identify) or asks for permission, else missed.
struct KeywordScoring: ScenarioScoring {
    var catalog = KnownIndicators.ids
    func score(_ transcript: Transcript, for scenario: Scenario) -> CallScore {
        let agent = transcript.turns.filter { $0.speaker == .agent }.map(\.text).joined(separator: " ")
        let identify = agent.contains(scenario.campaign.company) ? "hit" : "missed"
        let permission = agent.lowercased().contains("good time") || agent.contains("方便") ? "hit" : "missed"
        return CallScore(statuses: ["compliance.identify": identify, "compliance.permission": permission], score: 0)
    }
}

func lintFindings(_ rule: any LintRule, _ example: LintExample, scoring: (any ScenarioScoring)?) throws -> [Diagnostic] {
    let (scenario, loadDiagnostics) = ScenarioLoader.check(yaml: example.yaml, file: "example.yaml")
    #expect(loadDiagnostics.filter { $0.severity == .error }.map(\.description) == [], "\(rule.id) example does not load")
    let loaded = try #require(scenario)
    var others: [Scenario] = []
    if let companion = example.companion {
        others.append(try ScenarioLoader.load(yaml: companion, file: "pair.yaml"))
    }
    return Linter(rules: [rule], scoring: scoring).lint(loaded, yaml: example.yaml, others: others)
}

@Suite struct AuthoringLintTests {
    static let scoring: any ScenarioScoring = ScenarioScorer.shared ?? KeywordScoring()

    @Test(arguments: LintRules.all.map(\.id))
    func ruleTriggersOnItsBrokenExamples(_ id: String) throws {
        let rule = try #require(LintRules.all.first { $0.id == id })
        #expect(!rule.triggering.isEmpty && !rule.nonTriggering.isEmpty)
        for example in rule.triggering {
            let found = try lintFindings(rule, example, scoring: Self.scoring)
            #expect(!found.isEmpty, "\(id) did not trigger on:\n\(example.body)")
            for diagnostic in found {
                #expect(diagnostic.severity == rule.severity)
                #expect(diagnostic.message.hasSuffix("[\(id)]"))
                #expect((diagnostic.line ?? 0) > 1, "\(diagnostic) points at no line")
            }
        }
    }

    @Test(arguments: LintRules.all.map(\.id))
    func ruleIsQuietOnItsGoodExamples(_ id: String) throws {
        let rule = try #require(LintRules.all.first { $0.id == id })
        for example in rule.nonTriggering {
            let found = try lintFindings(rule, example, scoring: Self.scoring)
            #expect(found.map(\.description) == [], "\(id) triggered on a good example")
        }
    }

    @Test func ruleIDsAreUniqueAndDescribed() {
        let ids = LintRules.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in LintRules.all { #expect(rule.summary.count > 20, "\(rule.id)") }
    }

    @Test func findingsPointAtTheOffendingLine() throws {
        let example = UnreachableBeatRule().triggering[0]
        let found = try lintFindings(UnreachableBeatRule(), example, scoring: nil)
        let line = try #require(example.yaml.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("id: orphan") })
        #expect(found.first?.line == line + 1)
        #expect(found.first?.description.hasPrefix("example.yaml:\(line + 1):") == true)
        #expect(found.first?.description.contains(": error: beat 'orphan' is never reached") == true)
    }

    @Test func builtinScenariosHaveNoLintErrors() throws {
        let files = Paths.scenarioFiles()
        var scenarios: [(Scenario, String)] = []
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            scenarios.append((try ScenarioLoader.load(yaml: text, file: url.lastPathComponent), text))
        }
        for (scenario, text) in scenarios {
            let found = Linter(scoring: ScenarioScorer.shared).lint(scenario, yaml: text, others: scenarios.map(\.0))
            #expect(found.filter { $0.severity == .error }.map(\.description) == [])
        }
    }

    @Test func translationPairsAreComparedBothWays() throws {
        let rule = TranslationRule()
        let found = try lintFindings(rule, rule.triggering[0], scoring: nil)
        let messages = found.map(\.message).joined(separator: "\n")
        #expect(messages.contains("beat 'busy' of 'pair' (en) is missing"))
        #expect(messages.contains("line 'agree.1' is not in 'pair'"))
        #expect(messages.contains("line 'agree' of 'pair' (en) is missing"))
    }

    @Test func flowFollowsListsKeptByBeatsWithoutNext() throws {
        let scenario = try ScenarioLoader.load(yaml: DeadEndBeatRule().nonTriggering[0].yaml, file: "e.yaml")
        let flow = ScenarioFlow(scenario)
        #expect(flow.reachableBeats == ["answer", "listen", "leave"])
        #expect(flow.lists == [["listen", "leave"]])
        #expect(flow.canEnd(from: ["listen", "leave"]))
    }
}
