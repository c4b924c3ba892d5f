import ArgumentParser

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'graph' is not available yet")
    }
}
