import Foundation
import Testing
import CallsimCore
import CallsimScoring

/// The scorer against whole labelled calls on disk: the held-out fixtures and, when present,
/// the shared development set beside the project. A guard against regressions, not a tuning target.
struct LabelledSetTests {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let heldOut = testsDirectory.appendingPathComponent("Fixtures/heldout")
    /// A second blind set, labelled independently of the scorer's rules.
    static let blind = testsDirectory.appendingPathComponent("Fixtures/blind")
    /// ../shared/eval/dev beside the project root.
    static let dev = testsDirectory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/eval/dev")

    static func evaluate(_ folder: URL) throws -> (Evaluation, calls: Int) {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        var evaluation = Evaluation()
        var calls = 0
        let scorer = Scorer()
        for name in names {
            let labelsURL = folder.appendingPathComponent(String(name.dropLast(4)) + ".labels")
            guard let labelText = try? String(contentsOf: labelsURL, encoding: .utf8) else { continue }
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let labels = try Evaluation.parseLabels(labelText, file: labelsURL.path)
            let transcript = try TranscriptParser.parse(text, file: name)
            evaluation.add(call: name, labels: labels, scorecard: scorer.score(transcript))
            calls += 1
        }
        return (evaluation, calls)
    }

    static func check(_ folder: URL, accuracy minimum: Double = 0.95) throws {
        let (evaluation, calls) = try evaluate(folder)
        #expect(calls > 0, "no labelled calls in \(folder.path)")
        let wrong = evaluation.disagreements.map { "\($0.call) \($0.id): labelled \($0.expected.rawValue), scored \($0.got.rawValue)" }
        #expect(evaluation.accuracy >= minimum, "accuracy \(evaluation.accuracy)\n\(wrong.joined(separator: "\n"))")
        // Critical findings: every labelled violation found, none invented.
        let missedViolations = evaluation.disagreements.filter { $0.expected == .violated }
        let falseViolations = evaluation.disagreements.filter { $0.got == .violated }
        #expect(missedViolations.isEmpty, "\(missedViolations.map { "\($0.call) \($0.id)" })")
        #expect(falseViolations.isEmpty, "\(falseViolations.map { "\($0.call) \($0.id)" })")
    }

    @Test func heldOutCallsScoreLikeTheirLabels() throws {
        try Self.check(Self.heldOut)
    }

    @Test func blindCallsScoreLikeTheirLabels() throws {
        try Self.check(Self.blind, accuracy: 0.95)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: LabelledSetTests.dev.path)))
    func developmentSetScoresLikeItsLabels() throws {
        try Self.check(Self.dev)
    }
}
