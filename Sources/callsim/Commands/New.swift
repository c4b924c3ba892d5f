import ArgumentParser

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'new' is not available yet")
    }
}
