import ArgumentParser

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'history' is not available yet")
    }
}
