import ArgumentParser

@main
struct Callsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callsim",
        abstract: "Practise telemarketing and complaint calls against customer personas, scored on KPS5294-001v3.",
        subcommands: [
            Play.self, List.self, Replay.self, Resume.self,
            Score.self, Eval.self,
            Lint.self, Test.self, Graph.self, New.self,
            Dial.self, Shift.self, Staff.self,
            History.self, Show.self, Report.self,
            StoreTool.self,
        ],
        defaultSubcommand: Play.self
    )
}
