import ArgumentParser
import CallsimCore
import CallsimScoring
import Foundation

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the scorer against labelled calls (NAME.txt with NAME.labels).",
        discussion: "Prints status accuracy per indicator and overall, accuracy on labels that are not na, Cohen's kappa, recall and precision of violated, and every disagreement."
    )

    @Argument(help: "A folder of NAME.txt transcripts with NAME.labels beside them.")
    var directory: String

    @Flag(help: "Print the figures as one JSON object.")
    var json = false

    func run() throws {
        let (files, missing) = TranscriptFiles.collect([directory])
        if let problem = missing.first { throw CLIError(problem) }
        var evaluation = Evaluation()
        var transcripts: [String: Transcript] = [:]
        var calls = 0
        let scorer = Scorer()
        for file in files {
            let labelsPath = String(file.dropLast(4)) + ".labels"
            guard let labelText = try? String(contentsOfFile: labelsPath, encoding: .utf8) else { continue }
            do {
                let labels = try Evaluation.parseLabels(labelText, file: labelsPath)
                let transcript = try TranscriptFiles.load(file)
                let name = (file as NSString).lastPathComponent
                transcripts[name] = transcript
                evaluation.add(call: name, labels: labels, scorecard: scorer.score(transcript))
                calls += 1
            } catch {
                Console.error(error.description)
            }
        }
        if calls == 0 { throw CLIError("\(directory): no NAME.txt with NAME.labels found") }
        print(json ? Self.json(evaluation, calls: calls) : Self.text(evaluation, calls: calls, transcripts: transcripts))
    }

    static func format(_ value: Double?) -> String {
        guard let value else { return "–" }
        return String(format: "%.3f", value)
    }

    static func text(_ e: Evaluation, calls: Int, transcripts: [String: Transcript]) -> String {
        var lines: [String] = []
        lines.append("calls \(calls), labels \(e.total)")
        lines.append("overall status accuracy  \(format(e.accuracy))  (\(e.correct)/\(e.total))")
        lines.append("accuracy on non-na labels \(format(e.applicableAccuracy))")
        lines.append("violated recall \(format(e.violatedRecall)) (\(e.violatedAgreed)/\(e.violatedLabelled)), precision \(format(e.violatedPrecision)) (\(e.violatedAgreed)/\(e.violatedReported))")
        lines.append("")
        lines.append("indicator                          accuracy  kappa")
        for row in e.perIndicator {
            lines.append(row.id.padding(toLength: 34, withPad: " ", startingAt: 0) + " " + format(row.accuracy) + "     " + format(row.kappa))
        }
        let disagreements = e.disagreements
        lines.append("")
        lines.append("disagreements: \(disagreements.count)")
        for d in disagreements {
            lines.append("\(d.call) \(d.id): labelled \(d.expected.rawValue), scored \(d.got.rawValue)")
            if let transcript = transcripts[d.call] {
                for turn in d.turns where turn >= 1 && turn <= transcript.turns.count {
                    let t = transcript.turns[turn - 1]
                    lines.append("    \(turn) \(t.speaker == .agent ? "A" : "C"): \(ScoreReport.excerpt(t.text, limit: 100))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ e: Evaluation, calls: Int) -> String {
        func number(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "null" }
        var out = "{\"calls\": \(calls), \"labels\": \(e.total), \"accuracy\": \(number(e.accuracy)), \"applicable_accuracy\": \(number(e.applicableAccuracy))"
        out += ", \"violated\": {\"labelled\": \(e.violatedLabelled), \"reported\": \(e.violatedReported), \"agreed\": \(e.violatedAgreed), \"recall\": \(number(e.violatedRecall)), \"precision\": \(number(e.violatedPrecision))}"
        out += ", \"indicators\": ["
        out += e.perIndicator.map { "{\"id\": \"\($0.id)\", \"total\": \($0.total), \"correct\": \($0.correct), \"accuracy\": \(number($0.accuracy)), \"kappa\": \(number($0.kappa))}" }.joined(separator: ", ")
        out += "], \"disagreements\": ["
        out += e.disagreements.map { "{\"call\": \"\($0.call)\", \"id\": \"\($0.id)\", \"expected\": \"\($0.expected.rawValue)\", \"got\": \"\($0.got.rawValue)\", \"turns\": [\($0.turns.map(String.init).joined(separator: ", "))]}" }.joined(separator: ", ")
        out += "]}"
        return out
    }
}
