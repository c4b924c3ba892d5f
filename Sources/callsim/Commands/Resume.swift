import ArgumentParser
import CallsimCore
import CallsimStore
import Foundation

struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Continue a call that was interrupted (terminal closed, process killed, power cut).",
        discussion: """
            The saved agent lines are played again to the same scenario with the same seed, so the
            customer is where the call stopped; then the call goes on at the prompt. Without SESSION:
            the latest interrupted call. To score it as it stands instead: callsim show SESSION --score.
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("Folder of scenario files (default: the built-in Personas/).", valueName: "DIR"))
    var personas: String?

    @Flag(help: "Skip the wrap-up forms after the call.")
    var noForms = false

    @Argument(help: "The session id (see `callsim history`).")
    var session: String?

    @Option(help: "Language of callsim's menus and messages: zh-TW or en (default: from the locale).")
    var lang: Language?

    func run() throws {
        let uiLanguage = UILanguage.resolve(option: lang)
        let store = try database.open()
        let id: Int64
        if let session {
            guard let parsed = Int64(session), parsed > 0 else { throw ValidationError("not a session id: \(session) (see `callsim history`)") }
            id = parsed
        } else {
            guard let latest = try storeAction({ try store.interruptedSessions() }).last else {
                throw CLIError(uiLanguage == .zhTW ? "沒有中斷的通話可以繼續。" : "no interrupted call to resume")
            }
            id = latest.id
        }
        let stored = try storeAction { try store.session(id) }
        let scenario: any PracticeScenario
        do {
            scenario = try PracticeCatalog.scenario(id: stored.info.scenarioID, language: stored.info.language, personas: personas)
        } catch {
            throw CLIError("session \(id) was played on scenario '\(stored.info.scenarioID)', which cannot be loaded (\(error)); "
                           + "score it as it stands with `callsim show \(id) --score`")
        }
        let detail = try storeAction { try store.claim(id) }

        let editor = LineEditor(historyFile: Paths.historyFile)
        defer { editor.close() }
        let saved = detail.turns.filter { $0.speaker == .agent }.map(\.text)
        let source = ResumedLines(saved: saved, then: editor)
        let observer = CallRecording(store: store, resuming: detail)
        var options = CallOptions(seed: detail.info.seed, uiLanguage: uiLanguage, trainee: detail.info.trainee)
        options.deadAirSeconds = try Play.deadAirOverride()
        options.wrapUpForms = !noForms
        let outcome = try PracticeCall.run(scenario: scenario, options: options, source: source, recording: observer)

        let replayed = outcome.call.transcript.turns.prefix(detail.turns.count).map(\.text)
        if replayed != detail.turns.map(\.text) {
            Console.error(uiLanguage == .zhTW
                ? "callsim：重播的通話與儲存的不完全相同（情境檔可能已修改）；已儲存的句子保持不變。"
                : "callsim: the replayed call differs from the stored one (the scenario may have changed); stored turns are kept as they were.")
        }
    }
}
