import ArgumentParser

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'test' is not available yet")
    }
}
