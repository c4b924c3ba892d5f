import CallsimCore
import Foundation
import Testing
@testable import CallsimPersonas

/// A scenario kept as JSON (the executable's start-up cache) comes back as the same scenario.
@Suite struct ScenarioCodingTests {
    @Test func builtinScenariosSurviveEncodingAndPlayTheSame() throws {
        let encoder = JSONEncoder()
        for url in Paths.scenarioFiles() {
            let parsed = try ScenarioLoader.load(yaml: String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
            let data = try encoder.encode(parsed)
            let decoded = try JSONDecoder().decode(Scenario.self, from: data)
            // Field by field (dictionaries inside encode in hash order, so bytes may differ).
            #expect(decoded.id == parsed.id && decoded.title == parsed.title && decoded.language == parsed.language)
            #expect(decoded.kind == parsed.kind && decoded.direction == parsed.direction && decoded.translationOf == parsed.translationOf)
            #expect(decoded.file == parsed.file && decoded.persona == parsed.persona && decoded.campaign == parsed.campaign)
            #expect(decoded.script == parsed.script && decoded.intents == parsed.intents && decoded.beats == parsed.beats)
            #expect(decoded.endings == parsed.endings && decoded.fallback == parsed.fallback && decoded.thresholds == parsed.thresholds)
            #expect(decoded.rubric == parsed.rubric && decoded.drills == parsed.drills && decoded.tests == parsed.tests, "\(parsed.id)")
            for test in parsed.tests {
                let expected = parsed.play(test), actual = decoded.play(test)
                #expect(actual.transcript == expected.transcript, "\(parsed.id): \(test.name)")
                #expect(actual.customerLineIDs == expected.customerLineIDs, "\(parsed.id): \(test.name)")
                #expect(actual.ending?.id == expected.ending?.id, "\(parsed.id): \(test.name)")
                #expect(actual.failures == expected.failures, "\(parsed.id): \(test.name)")
            }
        }
    }

    @Test func trimmingMatchesFoundation() {
        let samples = ["", " ", "\t a b \n", "\u{3000}您好\u{3000}", "\u{00A0}x\u{0085}", "x\r\n", "\u{2028}y\u{2029}", "é\u{301} ", "  ", "a"]
        for sample in samples {
            #expect(sample.trimmed() == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.debugDescription)")
            #expect(sample.trimmed(.whitespaces) == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
        }
    }

    /// The loader parses with Yams's basic resolver; keys that differ only in their default
    /// resolved tag (`1` and `"1"`) are still distinct keys, not duplicates.
    @Test func keysDifferingOnlyByTagAreNotDuplicates() throws {
        let node = try ScenarioLoader.compose("a:\n  1: x\n  \"1\": y\n")
        #expect(node != nil)
        #expect(throws: (any Error).self) { try ScenarioLoader.compose("a:\n  b: x\n  b: y\n") }
    }
}
