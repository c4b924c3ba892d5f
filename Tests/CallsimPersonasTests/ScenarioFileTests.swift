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
