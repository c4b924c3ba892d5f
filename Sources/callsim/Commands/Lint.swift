import ArgumentParser

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'lint' is not available yet")
    }
}
