import CallsimCore
import Foundation
import Testing
@testable import CallsimPersonas

/// The built-in scenarios load cleanly and their golden conversations play as written.
@Suite struct ScenarioFileTests {
    @Test func builtinScenariosLoadWithoutDiagnostics() throws {
        let files = Paths.scenarioFiles()
        #expect(!files.isEmpty)
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            let (scenario, found) = ScenarioLoader.check(yaml: text, file: url.lastPathComponent)
            #expect(found.map(\.description) == [], "\(url.lastPathComponent)")
            #expect(scenario?.id == url.deletingPathExtension().lastPathComponent)
        }
    }

    @Test func goldenConversationsPlayAsWritten() throws {
        for url in Paths.scenarioFiles() {
            let scenario = try ScenarioLoader.load(yaml: String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
            #expect(!scenario.tests.isEmpty, "\(scenario.id) has no golden tests")
            for test in scenario.tests {
                let run = scenario.play(test)
                #expect(run.failures == [], "\(scenario.id): \(test.name)")
            }
        }
    }

    /// Indicator statuses and score bounds in the golden tests hold under the scorer.
    @Test(arguments: ["tw-telecom-friendly", "en-telecom-friendly"])
    func goldenScoresHold(id: String) throws {
        let scenario = try loadBuiltin(id)
        for test in scenario.tests {
            let run = scenario.play(test)
            let card = scenario.score(run.transcript)
            for expected in test.indicators {
                #expect(card.result(expected.id)?.status.rawValue == expected.status, "\(id): \(test.name): \(expected.id)")
            }
            if let minScore = test.minScore { #expect(card.score >= minScore, "\(id): \(test.name)") }
            if let maxScore = test.maxScore { #expect(card.score <= maxScore, "\(id): \(test.name)") }
        }
    }

    @Test func firstScenarioReachesEveryEndingInItsTests() throws {
        let scenario = try loadBuiltin("tw-telecom-friendly")
        #expect(scenario.beats.count >= 12)
        let reached = Set(scenario.tests.compactMap { scenario.play($0).ending?.id })
        #expect(reached == Set(scenario.endings.map(\.id)))
        #expect(reached.count >= 3)
    }

    @Test func everySchemaKeyIsDocumented() throws {
        let readme = try String(contentsOf: Paths.readme, encoding: .utf8)
        for key in ScenarioSchema.keys {
            #expect(readme.contains("`\(key.path)`"), "README lacks `\(key.path)`")
        }
    }

    @Test func everyBuiltinIntentIsDocumented() throws {
        let readme = try String(contentsOf: Paths.readme, encoding: .utf8)
        for id in BuiltinIntents.all.map(\.id) + BuiltinIntents.derivedIDs {
            #expect(readme.contains("`\(id)`"), "README lacks built-in intent `\(id)`")
        }
    }
}

@Suite struct ReadmeExampleTests {
    /// The annotated example in the README is a valid scenario whose golden test passes.
    @Test func annotatedExampleLoadsAndPlays() throws {
        let readme = try String(contentsOf: Paths.readme, encoding: .utf8)
        let parts = readme.components(separatedBy: "```yaml\n")
        #expect(parts.count >= 2)
        let example = parts[1].components(separatedBy: "```")[0]
        let (scenario, found) = ScenarioLoader.check(yaml: example, file: "README.md")
        #expect(found.map(\.description) == [])
        let tests = scenario?.tests ?? []
        #expect(!tests.isEmpty)
        for test in tests { #expect(scenario?.play(test).failures == []) }
    }
}

@Suite struct TranslationTests {
    @Test func englishVersionPairsWithTheChineseOne() throws {
        let chinese = try loadBuiltin("tw-telecom-friendly")
        let english = try loadBuiltin("en-telecom-friendly")
        #expect(english.translationDifferences(from: chinese) == [])
        #expect(chinese.translationDifferences(from: english) == [])
    }

    @Test func differencesAreReported() throws {
        let chinese = try loadBuiltin("tw-telecom-friendly")
        var english = try loadBuiltin("en-telecom-friendly")
        english.beats.removeLast()
        english.endings[0].kind = .callback
        let found = english.translationDifferences(from: chinese)
        #expect(found.contains("beats missing here: dnc_ignored"))
        #expect(found.contains { $0.hasPrefix("endings missing here: sale (sale)") })
    }
}
