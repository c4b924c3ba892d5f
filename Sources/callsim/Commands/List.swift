import ArgumentParser

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'list' is not available yet")
    }
}
