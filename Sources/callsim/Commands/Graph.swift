import ArgumentParser
import CallsimCore
import CallsimPersonas
import Foundation

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a scenario's beats, triggers and endings as a graph (Graphviz DOT or Mermaid).",
        discussion: """
        Render DOT with `callsim graph ID | dot -Tsvg > ID.svg`; paste Mermaid into a Markdown
        ```mermaid block. Beats are boxes, anytime beats dashed, endings octagons, thresholds diamonds;
        an edge into a beat carries what triggers it.
        """
    )

    @Argument(help: ArgumentHelp("Scenario id (see `callsim list`) or a scenario file.", valueName: "ID|FILE"))
    var scenario: String

    @Option(help: "dot or mermaid.")
    var format: String = "dot"

    @Option(help: ArgumentHelp("Folder of scenario files (for an id).", valueName: "DIR"))
    var personas: String?

    func run() throws {
        guard let format = GraphExport.Format(rawValue: format) else {
            throw ValidationError("--format must be dot or mermaid, found '\(format)'")
        }
        let loaded: Scenario
        if scenario.hasSuffix(".yaml") || scenario.hasSuffix(".yml") || scenario.contains("/") {
            guard FileManager.default.fileExists(atPath: scenario) else { throw CLIError("\(scenario): no such file") }
            let (found, diagnostics) = ScenarioCatalog.load(file: URL(fileURLWithPath: scenario))
            guard let found else { throw CLIError(diagnostics.map(\.description).joined(separator: "\n")) }
            loaded = found
        } else {
            loaded = try ScenarioCatalog(override: personas).scenario(id: scenario)
        }
        print(GraphExport(scenario: loaded).render(format), terminator: "")
    }
}
