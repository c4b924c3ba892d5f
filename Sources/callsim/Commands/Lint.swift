import ArgumentParser
import CallsimCore
import CallsimPersonas
import Foundation

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files: every error and warning at once.",
        discussion: """
        Prints `file:line:col: severity: message [rule]` for each problem: the loader's errors,
        then the lint rules (`callsim lint --rules` lists them). Exits non-zero when there is
        an error; warnings alone exit 0. A scenario with `translation_of` is compared with its
        original when the original is linted too or sits in the same folder.
        """
    )

    @Argument(help: ArgumentHelp("Scenario files or folders of them.", valueName: "FILE|DIR"))
    var paths: [String] = []

    @Flag(help: "List the lint rules and exit.")
    var rules = false

    @Flag(help: "Print nothing for files without problems (the default prints a closing count).")
    var quiet = false

    func run() throws {
        if rules {
            for rule in LintRules.all { print("\(rule.id) (\(rule.severity.rawValue)): \(rule.summary)") }
            return
        }
        guard !paths.isEmpty else { throw ValidationError("give at least one scenario file or folder") }
        let files = try ScenarioFiles.collect(paths)
        let loaded = files.map(ScenarioFiles.load)
        let linter = Linter(scoring: ScenarioFiles.scoring)
        var diagnostics: [Diagnostic] = []
        let scenarios = loaded.compactMap(\.scenario)
        for file in loaded {
            guard let scenario = file.scenario else {
                diagnostics += file.diagnostics
                continue
            }
            var others = scenarios
            if let pair = scenario.translationOf, !others.contains(where: { $0.id == pair }),
               let found = ScenarioFiles.sibling(pair, of: file.url) {
                others.append(found)
            }
            let findings = linter.lint(scenario, yaml: file.text, others: others)
            // A loader warning on a line a rule reports on says the same thing less precisely.
            let lines = Set(findings.compactMap(\.line))
            diagnostics += file.diagnostics.filter { $0.severity != .warning || !lines.contains($0.line ?? 0) }
            diagnostics += findings
        }
        for diagnostic in diagnostics { print(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if !quiet || !diagnostics.isEmpty {
            let noun = files.count == 1 ? "file" : "files"
            Console.error("\(files.count) \(noun) checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        if errors > 0 { throw ExitCode(1) }
    }
}

/// Finding, reading and loading the scenario files named on the command line.
enum ScenarioFiles {
    struct Loaded {
        var url: URL
        var text: String
        var scenario: Scenario?
        var diagnostics: [Diagnostic]
    }

    /// The scorer the authoring tools use (the real one once it is built into the scoring module).
    static var scoring: (any ScenarioScoring)? { ScenarioScorer.shared }

    /// Files as given, and the `.yaml`/`.yml` files of folders (not recursive), in name order.
    static func collect(_ paths: [String]) throws -> [URL] {
        var result: [URL] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError("\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let names = try manager.contentsOfDirectory(atPath: path)
                    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                if names.isEmpty { throw CLIError("\(path): no scenario files (*.yaml) in this folder") }
                result += names.map { URL(fileURLWithPath: path).appendingPathComponent($0) }
            } else {
                result.append(URL(fileURLWithPath: path))
            }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    static func load(_ url: URL) -> Loaded {
        let text = FileManager.default.contents(atPath: url.path).flatMap { String(data: $0, encoding: .utf8) } ?? ""
        let (scenario, diagnostics) = ScenarioCatalog.load(file: url)
        return Loaded(url: url, text: text, scenario: scenario, diagnostics: diagnostics)
    }

    /// The scenario `id` from the folder of `url`, when it is there and loads.
    static func sibling(_ id: String, of url: URL) -> Scenario? {
        let candidate = url.deletingLastPathComponent().appendingPathComponent("\(id).yaml")
        guard FileManager.default.fileExists(atPath: candidate.path) else { return nil }
        return ScenarioCatalog.load(file: candidate).0
    }
}
