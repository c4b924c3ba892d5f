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

    @Flag(help: "List dialler shifts (callsim shift) instead of calls.")
    var shifts = false

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
        if shifts {
            try listShifts(store, since: sinceDate)
            return
        }
        let sessions = try storeAction { try store.sessions(trainee: trainee, since: sinceDate, limit: limit) }
        if json {
            StandardOutput.write(String(decoding: try RecordDates.jsonEncoder.encode(sessions), as: UTF8.self) + "\n")
            return
        }
        let language = UILanguage.resolve(option: lang.flatMap(Language.init(code:)))
        StandardOutput.write(HistoryTable.render(sessions, language: language))
    }
}

extension History {
    /// One shift as `history --shifts --json` prints it: the saved summary as an object, not a string.
    struct ShiftEntry: Encodable {
        var id: Int64
        var trainee: String
        var campaign: String
        var started: Date
        var summary: JSONValue?
        var calls: [ShiftCall]
    }

    func listShifts(_ store: Store, since: Date?) throws {
        var found = try storeAction { try store.shifts(trainee: trainee) }
        if let since { found = found.filter { $0.started >= since } }
        if let limit { found = Array(found.prefix(limit)) }
        if json {
            let entries = found.map { shift in
                ShiftEntry(id: shift.id, trainee: shift.trainee, campaign: shift.campaign, started: shift.started,
                           summary: shift.summary.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) },
                           calls: shift.calls)
            }
            StandardOutput.write(String(decoding: try RecordDates.jsonEncoder.encode(entries), as: UTF8.self) + "\n")
            return
        }
        let zh = UILanguage.resolve(option: lang.flatMap(Language.init(code:))) == .zhTW
        guard !found.isEmpty else {
            StandardOutput.write(zh ? "尚無班次紀錄。\n" : "No shifts recorded yet.\n")
            return
        }
        var rows = [zh ? ["編號", "開始（UTC）", "學員", "活動", "通話", "結案"] : ["id", "started (UTC)", "trainee", "campaign", "calls", "dispositions"]]
        for shift in found {
            var counts: [String: Int] = [:]
            for call in shift.calls { counts[call.disposition, default: 0] += 1 }
            let dispositions = counts.keys.sorted().map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
            rows.append([String(shift.id), RecordDates.minute(shift.started), shift.trainee, shift.campaign,
                         String(shift.calls.count), dispositions.isEmpty ? "-" : dispositions])
        }
        StandardOutput.write(TextTable.render(rows, rightAligned: [0, 4]))
    }
}

/// Any JSON value, to pass a stored JSON text through to JSON output unchanged in meaning.
enum JSONValue: Codable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
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
