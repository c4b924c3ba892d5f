import ArgumentParser

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'show' is not available yet")
    }
}
