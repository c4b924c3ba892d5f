import ArgumentParser

struct Dial: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'dial' is not available yet")
    }
}
