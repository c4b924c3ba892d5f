import ArgumentParser

struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'resume' is not available yet")
    }
}
