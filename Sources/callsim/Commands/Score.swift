import ArgumentParser

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'score' is not available yet")
    }
}
