import ArgumentParser

struct Staff: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'staff' is not available yet")
    }
}
