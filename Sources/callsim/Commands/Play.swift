import ArgumentParser

struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'play' is not available yet")
    }
}
