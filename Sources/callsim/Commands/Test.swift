import ArgumentParser
import CallsimCore
import CallsimPersonas
import Foundation

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the golden conversations in scenario files.",
        discussion: """
        Prints `PASS` or `FAIL scenario-id › test name` per test, the expected and actual
        customer lines side by side from the first difference, and closes with
        `N passed, N failed`. Exits non-zero when a test fails or a file does not load.
        --explore N also plays N seeded calls with agent lines drawn from the scenario's
        intents and reports beats no call reached and beats that repeat with nothing changing.
        """
    )

    @Argument(help: ArgumentHelp("Scenario files or folders of them.", valueName: "FILE|DIR"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Also play this many exploratory calls per scenario.", valueName: "N"))
    var explore: Int?

    @Option(help: "Seed for --explore.")
    var seed: UInt64 = 1

    func run() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one scenario file or folder") }
        if let explore, explore < 1 { throw ValidationError("--explore must be at least 1") }
        let files = try ScenarioFiles.collect(paths)
        let runner = GoldenTestRunner(scoring: ScenarioFiles.scoring)
        var passed = 0
        var failed = 0
        var exploreErrors = 0
        for url in files {
            let loaded = ScenarioFiles.load(url)
            guard let scenario = loaded.scenario else {
                print("FAIL \(ScenarioCatalog.displayPath(url)) › the scenario does not load")
                for diagnostic in loaded.diagnostics { print("    \(diagnostic)") }
                failed += 1
                continue
            }
            let source = SourceMap(yaml: loaded.text)
            if scenario.tests.isEmpty { Console.error("\(scenario.file): no tests") }
            for result in runner.run(scenario) {
                if result.passed {
                    passed += 1
                    let note = result.unchecked.isEmpty ? "" : " (not scored, no scorer: \(result.unchecked.joined(separator: ", ")))"
                    print("PASS \(scenario.id) › \(result.test.name)\(note)")
                    continue
                }
                failed += 1
                print("FAIL \(scenario.id) › \(result.test.name)")
                print(Self.details(result, source: source))
            }
            if let explore {
                let report = Explorer(scenario: scenario).run(calls: explore, seed: seed)
                exploreErrors += report.errors.count
                print(Self.describe(report, scenario: scenario, source: source))
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 || exploreErrors > 0 { throw ExitCode(1) }
    }

    static func details(_ result: GoldenTestResult, source: SourceMap) -> String {
        let location = source.item("tests", id: result.test.name) ?? .init(line: result.test.line, column: 1)
        let place = "\(result.file):\(location.line):\(location.column)"
        var lines: [String] = []
        switch result.verdict {
        case .passed: break
        case .broken(let reason):
            lines.append("    \(place): error: the test is broken: \(reason)")
        case .failed(let failures):
            lines.append("    \(place): test '\(result.test.name)'")
            for failure in failures { lines.append("    - \(failure)") }
            if let comparison = result.comparison {
                if let agent = result.agentBeforeDifference { lines.append("    after the agent said: \(agent)") }
                lines += comparison.render().split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ report: Explorer.Report, scenario: Scenario, source: SourceMap) -> String {
        var lines = ["EXPLORE \(scenario.id) › \(report.calls) calls: "
            + report.endings.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            + (report.unfinished > 0 ? ", still talking after 40 turns \(report.unfinished)" : "")]
        for beat in report.unreachedBeats {
            let at = source.item("beats", id: beat) ?? SourceMap.start
            lines.append("    \(scenario.file):\(at.line):\(at.column): warning: no exploratory call reached beat '\(beat)'")
        }
        for loop in report.loops {
            let first = loop.beats.first ?? ""
            let at = source.item("beats", id: first) ?? SourceMap.start
            let start = loop.start.map { " from '\($0)'" } ?? ""
            lines.append("    \(scenario.file):\(at.line):\(at.column): warning: beat(s) \(loop.beats.joined(separator: ", ")) answered 12 lines in a row with nothing changing (seed \(loop.seed)\(start)): the call can go round forever")
        }
        for error in report.errors { lines.append("    \(scenario.file): error: \(error)") }
        return lines.joined(separator: "\n")
    }
}
