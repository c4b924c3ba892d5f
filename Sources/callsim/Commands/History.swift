import ArgumentParser
import CallsimCore
import CallsimStore
import Foundation

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List recorded practice calls, newest first.",
        discussion: "Interrupted calls (terminal closed, process killed) are marked and can be resumed with `callsim resume`.")

    @OptionGroup var database: DatabaseOption

    @Option(help: "Only this trainee's calls.")
    var trainee: String?

    @Option(help: "Only calls started on or after this day (yyyy-MM-dd, UTC).")
    var since: String?

    @Option(help: "At most this many calls.")
    var limit: Int?

    @Flag(help: "JSON instead of a table.")
    var json = false

    @Option(help: "Language of the labels (zh-TW or en).")
    var lang: String?

    func run() throws {
        var sinceDate: Date?
        if let since {
            guard let date = RecordDates.parse(since) else { throw ValidationError("--since: not a date: \(since) (use yyyy-MM-dd)") }
            sinceDate = date
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        let store = try database.openForReading()
        let sessions = try storeAction { try store.sessions(trainee: trainee, since: sinceDate, limit: limit) }
        if json {
            StandardOutput.write(String(decoding: try RecordDates.jsonEncoder.encode(sessions), as: UTF8.self) + "\n")
            return
        }
        let language = UILanguage.resolve(option: lang.flatMap(Language.init(code:)))
        StandardOutput.write(HistoryTable.render(sessions, language: language))
    }
}

enum HistoryTable {
    static func render(_ sessions: [SessionInfo], language: Language) -> String {
        let zh = language == .zhTW
        guard !sessions.isEmpty else { return zh ? "尚無通話紀錄。\n" : "No calls recorded yet.\n" }
        let header = zh
            ? ["編號", "開始（UTC）", "學員", "情境", "語言", "句數", "結果", "分數", "表單"]
            : ["id", "started (UTC)", "trainee", "scenario", "lang", "turns", "ending", "score", "forms"]
        var rows = [header]
        for session in sessions {
            let ending: String
            if let outcome = session.ending {
                ending = outcome.rawValue
            } else if session.interrupted {
                ending = zh ? "中斷" : "interrupted"
            } else if session.ended != nil {
                ending = zh ? "放棄" : "abandoned"
            } else {
                ending = zh ? "進行中" : "in progress"
            }
            rows.append([
                String(session.id), RecordDates.minute(session.started), session.trainee, session.scenarioID,
                session.language.rawValue, String(session.turnCount), ending,
                session.score.map(String.init) ?? "-", session.formScore.map { "\($0)%" } ?? "-",
            ])
        }
        var text = TextTable.render(rows, rightAligned: [0, 5, 7, 8])
        let interrupted = sessions.filter { $0.interrupted && $0.ended == nil }
        if let first = interrupted.first {
            text += zh
                ? "\n\(interrupted.count) 通中斷的通話：以 `callsim resume \(first.id)` 繼續，或 `callsim show \(first.id) --score` 評分。\n"
                : "\n\(interrupted.count) interrupted call(s): continue with `callsim resume \(first.id)`, or score as it stands with `callsim show \(first.id) --score`.\n"
        }
        return text
    }
}
