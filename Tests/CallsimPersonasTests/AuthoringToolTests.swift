import CallsimCore
import Foundation
import Testing
@testable import CallsimPersonas

@Suite struct AuthoringTemplateTests {
    static let cases: [(ScenarioTemplate, Language)] = ScenarioTemplate.allCases.flatMap { t in Language.allCases.map { (t, $0) } }

    @Test(arguments: ScenarioTemplate.allCases, Language.allCases)
    func templatePassesLintAndItsOwnTests(_ template: ScenarioTemplate, _ language: Language) throws {
        let id = "new-\(template.rawValue)-\(language == .en ? "en" : "zh")"
        let text = try template.render(id: id, language: language)
        let (scenario, diagnostics) = ScenarioLoader.check(yaml: text, file: "\(id).yaml")
        #expect(diagnostics.map(\.description) == [])
        let loaded = try #require(scenario)
        #expect(loaded.id == id && loaded.language == language)
        #expect(loaded.beats.count >= 12)
        #expect(loaded.endings.count >= 3)
        let lint = Linter(scoring: ScenarioScorer.shared).lint(loaded, yaml: text)
        #expect(lint.map(\.description) == [], "lint findings in the \(template) template")
        let results = GoldenTestRunner(scoring: ScenarioScorer.shared).run(loaded)
        for result in results { #expect(result.passed, "\(result.test.name): \(result.verdict)") }
        let reached = Set(results.compactMap { loaded.play($0.test).ending?.id })
        #expect(reached == Set(loaded.endings.map(\.id)), "tests do not reach every ending")
        #expect(loaded.drills.count >= 1 && loaded.tests.contains { $0.from != nil })
        #expect(text.contains("# "), "the template is commented")
    }

    @Test func invalidIDsAreRefused() {
        for id in ["", "ab", "Upper", "has space", "-lead", "trail-", "double--hyphen", "中文", "9start", "a/b"] {
            #expect(throws: ScenarioTemplate.Problem.badID(id)) { try ScenarioTemplate.sales.render(id: id, language: .en) }
        }
        #expect(ScenarioTemplate.isValidID("tw-bank-card-hostile"))
    }

    @Test func scalarsAreQuotedOnlyWhenNeeded() {
        #expect(ScenarioTemplate.scalar("喂，您好？") == "喂，您好？")
        #expect(ScenarioTemplate.scalar("Hello, who's this?") == "\"Hello, who's this?\"")
        #expect(ScenarioTemplate.scalar("699") == "\"699\"")
        #expect(ScenarioTemplate.scalar("say \"hi\": now") == "\"say \\\"hi\\\": now\"")
    }
}

@Suite struct AuthoringRunnerTests {
    static func scenario(_ template: ScenarioTemplate = .sales, _ language: Language = .zhTW) throws -> Scenario {
        try ScenarioLoader.load(yaml: template.render(id: "runner-check", language: language), file: "runner-check.yaml")
    }

    @Test func divergingTestShowsBothSidesFromTheFirstDifference() throws {
        var scenario = try Self.scenario()
        var test = try #require(scenario.tests.first)
        test.customer = ["answer", "opening_ok", "pitch_cold", "price"]
        scenario.tests = [test]
        let result = GoldenTestRunner().run(scenario)[0]
        guard case .failed(let failures) = result.verdict else { Issue.record("expected a failure"); return }
        #expect(failures.first == "customer lines differ from line 3")
        let table = try #require(result.comparison).render(width: 30)
        let rows = table.split(separator: "\n").map(String.init)
        #expect(rows.count == 1 + 9)     // header, one row of context, then rows 3...10
        #expect(rows[1].hasPrefix("     2 opening_ok"))
        #expect(rows[2].hasPrefix("  ✗  3 pitch_cold"))
        // Every row's separator sits in the same terminal column, CJK text or not.
        let columns = Set(rows.map { row in row.prefix { $0 != "│" }.description.displayWidth })
        #expect(columns.count == 1)
        #expect(result.agentBeforeDifference?.contains("上網") == true)
    }

    @Test func endingMismatchFails() throws {
        var scenario = try Self.scenario(.complaint, .en)
        var test = scenario.tests[0]
        test.ending = "escalated"
        scenario.tests = [test]
        #expect(GoldenTestRunner().run(scenario)[0].verdict == .failed(["ending: expected escalated, got resolved"]))
        test.agent += ["One more thing."]
        #expect(GoldenTestRunner().run(test, in: scenario).verdict == .failed([
            "ending: expected escalated, got resolved", "the call ended after agent line 5 of 6; the rest were not said",
        ]))
    }

    @Test func brokenTestsSayWhy() throws {
        var scenario = try Self.scenario(.sales, .en)
        var test = scenario.tests[0]
        test.indicators = [.init(id: "closing.ask", status: "hit")]
        test.minScore = nil
        scenario.tests = [test]
        let unscored = GoldenTestRunner(scoring: nil).run(scenario)[0]
        #expect(unscored.passed && unscored.unchecked == ["closing.ask"])
        guard case .broken(let reason) = GoldenTestRunner(scoring: KeywordScoring(catalog: ["compliance.identify"])).run(test, in: scenario).verdict else {
            Issue.record("expected a broken test"); return
        }
        #expect(reason.contains("unknown indicator(s) closing.ask"))
        test.indicators = []
        test.from = "nowhere"
        guard case .broken(let why) = GoldenTestRunner().run(test, in: scenario).verdict else { Issue.record("expected broken"); return }
        #expect(why.contains("'from: nowhere'"))
        test.from = nil
        test.customer = ["answer", "no_such_beat"]
        guard case .broken(let line) = GoldenTestRunner().run(test, in: scenario).verdict else { Issue.record("expected broken"); return }
        #expect(line.contains("'no_such_beat'"))
    }

    @Test func indicatorExpectationsAndScoreRangeAreChecked() throws {
        var scenario = try Self.scenario(.sales, .en)
        var test = scenario.tests[0]
        test.indicators = [.init(id: "compliance.identify", status: "hit"), .init(id: "compliance.permission", status: "missed")]
        test.minScore = 10
        test.maxScore = nil
        scenario.tests = [test]
        let verdict = GoldenTestRunner(scoring: KeywordScoring()).run(scenario)[0].verdict
        #expect(verdict == .failed(["compliance.permission: expected missed, got hit", "score 0 is below min_score 10"]))
    }

    @Test func fitCountsWideCharactersAsTwoColumns() {
        #expect(DisplayWidth.fit("價格", width: 6) == "價格  ")
        #expect(DisplayWidth.fit("一二三四", width: 6) == "一二… ")
        #expect(DisplayWidth.fit("abcdefgh", width: 5) == "abcd…")
        #expect(DisplayWidth.fit("一二三四", width: 6).displayWidth == 6)
    }
}

@Suite struct AuthoringGraphAndExploreTests {
    @Test func graphHasEveryBeatEndingAndTrigger() throws {
        let scenario = try loadBuiltin("tw-telecom-friendly")
        let dot = GraphExport(scenario: scenario).render(.dot)
        #expect(dot.hasPrefix("digraph \"tw-telecom-friendly\" {"))
        for beat in scenario.beats { #expect(dot.contains("\"beat_\(beat.id)\" [")) }
        for ending in scenario.endings { #expect(dot.contains("\"end_\(ending.id)\" [shape=doubleoctagon")) }
        #expect(dot.contains("\"beat_answer\" -> \"beat_opening_ok\" [label=\"permission\"]"))
        #expect(dot.contains("subgraph cluster_anytime"))
        #expect(dot.contains("shape=diamond"))
        #expect(dot.filter { $0 == "{" }.count == dot.filter { $0 == "}" }.count)
        let mermaid = GraphExport(scenario: scenario).render(.mermaid)
        #expect(mermaid.hasPrefix("flowchart TD\n"))
        #expect(mermaid.contains("beat_answer -->|\"permission\"| beat_opening_ok"))
        #expect(mermaid.contains("end_sale([\"sale<br/>(sale)\"]):::ending"))
    }

    @Test func explorationIsSeededAndReachesTheTemplate() throws {
        let scenario = try ScenarioLoader.load(yaml: ScenarioTemplate.complaint.render(id: "explore-me", language: .zhTW), file: "e.yaml")
        let first = Explorer(scenario: scenario).run(calls: 60, seed: 9)
        #expect(first == Explorer(scenario: scenario).run(calls: 60, seed: 9))
        #expect(first.errors == [])
        #expect(first.unreachedBeats.count <= 2)
        #expect(first.endings.reduce(0) { $0 + $1.1 } + first.unfinished == 60)
    }

    @Test func explorationReportsBeatsThatRepeatWithNothingChanging() throws {
        let yaml = LintExample.header(id: "loop", lang: .en) + """
        beats:
          - id: answer
            say: Hello?
            next: [nod, leave]
          - id: nod
            on: [acknowledge, greeting, pitch, benefit, open_question, thanks, identify, permission]
            say: Uh-huh.
          - id: leave
            on: goodbye
            say: Bye.
            end: bye
        endings:
          - {id: bye, kind: hangup, say: Bye.}

        """
        let scenario = try ScenarioLoader.load(yaml: yaml, file: "loop.yaml")
        let report = Explorer(scenario: scenario).run(calls: 30, seed: 1)
        #expect(report.loops.contains { $0.beats == ["nod"] })
    }
}

@Suite struct AuthoringGuideTests {
    static func readme() throws -> String { try String(contentsOf: Paths.readme, encoding: .utf8) }

    @Test func everyDocumentedKeyIsAccepted() throws {
        let text = try Self.readme()
        guard let start = text.range(of: "## Every key"), let end = text.range(of: "\n## ", range: start.upperBound..<text.endIndex) else {
            Issue.record("README has no '## Every key' section"); return
        }
        let accepted = Set(ScenarioSchema.keys.map(\.path))
        var documented = 0
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("| `") {
            let key = line.dropFirst(3).prefix { $0 != "`" }
            documented += 1
            #expect(accepted.contains(String(key)), "README documents `\(key)`, which the loader does not accept")
        }
        #expect(documented == accepted.count)
    }

    @Test func everyLintRuleIsInTheGuide() throws {
        let text = try Self.readme()
        for rule in LintRules.all { #expect(text.contains("`\(rule.id)`"), "README lacks lint rule \(rule.id)") }
    }
}

@Suite struct AuthoringRealScorerTests {
    @Test func templatesAreScoredByTheRealScorer() throws {
        let scoring = try #require(ScenarioScorer.shared)
        #expect(scoring.catalog.contains("closing.ask"))
        let scenario = try ScenarioLoader.load(yaml: ScenarioTemplate.sales.render(id: "real-score", language: .en), file: "r.yaml")
        let results = GoldenTestRunner(scoring: scoring).run(scenario)
        let sale = try #require(results.first)
        #expect(sale.passed && sale.unchecked.isEmpty)
        #expect(sale.score?.statuses["closing.ask"] == "hit")
        #expect((sale.score?.score ?? 0) >= 70)
    }
}
