import ArgumentParser

struct Shift: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw CLIError("'shift' is not available yet")
    }
}
