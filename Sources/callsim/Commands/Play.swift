import ArgumentParser
import CallsimCore
import Foundation

extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }
}

struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play a practice call (without an id: choose from the built-in scenarios).",
        discussion: """
            Inside a call, type the agent's lines; /help lists the commands (Tab completes them).
            Ctrl-C asks before hanging up; Ctrl-D hangs up.
            CALLSIM_DEAD_AIR_SECONDS=N makes the customer react after N seconds of silence (any persona).
            """
    )

    @Argument(help: "The scenario id (see 'callsim list').")
    var id: String?

    @Option(help: "Seed of the persona's choices; the same seed and lines replay the same call.")
    var seed: UInt64?

    @Option(help: "Language of menus and messages, zh-TW or en (default: from the locale); plays the scenario's translation in it when there is one.")
    var lang: Language?

    @Option(help: "The trainee's name, recorded with the call.")
    var trainee: String?

    @Flag(help: "The customer never reacts to silence.")
    var noDeadAir = false

    @Option(name: .customLong("from"), help: ArgumentHelp("Start at a drill or beat of the scenario.", valueName: "BEAT"))
    var fromBeat: String?

    @Option(help: ArgumentHelp("Folder of scenario files (default: the built-in Personas/).", valueName: "DIR"))
    var personas: String?

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Skip the wrap-up forms after the call.")
    var noForms = false

    func run() throws {
        let uiLanguage = UILanguage.resolve(option: lang)
        let deadAirSeconds = try Self.deadAirOverride()
        let scenario: any PracticeScenario
        let editor: LineEditor
        if let id {
            scenario = try PracticeCatalog.scenario(id: id, language: lang, personas: personas)
            editor = LineEditor(historyFile: Paths.historyFile)
        } else {
            let scenarios = try PracticeCatalog.scenarios(personas: personas)
            editor = LineEditor(historyFile: Paths.historyFile)
            let picker = ScenarioPicker(scenarios: scenarios, source: editor, uiLanguage: uiLanguage, color: Console.useColor)
            guard let chosen = try picker.choose() else { return }
            scenario = chosen
            print("")
        }
        defer { editor.close() }

        var options = CallOptions(seed: seed ?? Self.seedFromClock(), uiLanguage: uiLanguage, trainee: trainee)
        options.deadAir = !noDeadAir
        options.deadAirSeconds = deadAirSeconds
        options.fromBeat = fromBeat
        options.wrapUpForms = !noForms
        // A database that cannot be opened costs the record of this call, not the call itself.
        var recording: CallRecording?
        do {
            recording = CallRecording(store: try database.open(), trainee: defaultTrainee(trainee))
        } catch {
            Console.error("\(error); this call is not saved")
        }
        try PracticeCall.run(scenario: scenario, options: options, source: editor, recording: recording)
    }

    /// A short seed from the clock, printed before the call so it can be replayed.
    static func seedFromClock() -> UInt64 {
        UInt64(Date().timeIntervalSince1970 * 1000) % 1_000_000
    }

    static func deadAirOverride(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Double? {
        guard let text = environment["CALLSIM_DEAD_AIR_SECONDS"], !text.isEmpty else { return nil }
        guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
            throw CLIError("CALLSIM_DEAD_AIR_SECONDS must be a positive number of seconds, not '\(text)'")
        }
        return seconds
    }
}
