import ArgumentParser
import CallsimCore
import CallsimStore
import Foundation

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one recorded call: its annotated transcript, wrap-up forms and scorecard.")

    @OptionGroup var database: DatabaseOption

    @Argument(help: "The session id (see `callsim history`).")
    var session: String

    @Flag(help: "Score the call as it stands (for a call interrupted before its scorecard) and store the scorecard.")
    var score = false

    @Flag(name: .customLong("forms"), help: "Fill in (again) the wrap-up forms of this call, then show it.")
    var fillForms = false

    @Flag(help: "Print the call in the transcript format (for `callsim score`).")
    var transcript = false

    @Flag(help: "JSON instead of text.")
    var json = false

    @Option(help: "Language of the labels (zh-TW or en).")
    var lang: String?

    func run() throws {
        guard let id = Int64(session), id > 0 else {
            throw ValidationError("not a session id: \(session) (see `callsim history`)")
        }
        let store = score || fillForms ? try database.open() : try database.openForReading()
        var detail = try storeAction { try store.session(id) }
        let language = UILanguage.resolve(option: lang.flatMap(Language.init(code:)))
        if fillForms {
            let turns = detail.turns.map(\.turn)
            let complaint = WrapUpContext.complaintLikely(turns: turns, ending: detail.info.ending)
                || (detail.score?.results.contains { $0.category == "complaint" && $0.status != "na" } ?? false)
            let context = WrapUpContext(turns: turns, ending: detail.info.ending, isComplaint: complaint)
            let editor = LineEditor(historyFile: nil)
            defer { editor.close() }
            let dialog = WrapUpDialog(input: LineSourceFormInput(editor), language: language)
            let wrapUp = dialog.run(context: context, notes: detail.wrapUp?.telemarketing.map { [$0.notes] } ?? [])
            try storeAction { try store.saveWrapUp(id, wrapUp, checks: WrapUpChecker.check(wrapUp, context: context)) }
            detail = try storeAction { try store.session(id) }
        }
        if score {
            let summary = try RecordScoring.score(detail)
            try storeAction { try store.saveScore(id, summary) }
            detail = try storeAction { try store.session(id) }
        }
        if transcript {
            StandardOutput.write(SessionView.transcriptText(detail))
        } else if json {
            StandardOutput.write(String(decoding: try RecordDates.jsonEncoder.encode(detail), as: UTF8.self) + "\n")
        } else {
            StandardOutput.write(SessionView.render(detail, language: UILanguage.resolve(option: lang.flatMap(Language.init(code:)))))
        }
    }
}

/// A recorded call as text: header, the transcript with each turn's indicators in the
/// margin, the wrap-up forms with their checks, the scorecard.
enum SessionView {
    static func transcriptText(_ detail: SessionDetail) -> String {
        let transcript = detail.transcript
        var lines = transcript.headers.map { "# \($0.key): \($0.value)" }
        for turn in transcript.turns {
            lines.append("\(turn.speaker == .agent ? "A" : "C"): \(turn.text.replacingOccurrences(of: "\n", with: " "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ detail: SessionDetail, language: Language) -> String {
        let zh = language == .zhTW
        func t(_ zhText: String, _ enText: String) -> String { zh ? zhText : enText }
        let info = detail.info
        var out: [String] = []
        let state: String
        if let ending = info.ending {
            state = ending.rawValue
        } else if info.interrupted {
            state = t("中斷（以 callsim resume \(info.id) 繼續）", "interrupted (continue with callsim resume \(info.id))")
        } else if info.ended != nil {
            state = t("放棄", "abandoned")
        } else {
            state = t("進行中", "in progress")
        }
        out.append(t("通話 #\(info.id)　學員 \(info.trainee)　情境 \(info.scenarioID)　種子 \(info.seed)　語言 \(info.language.rawValue)",
                     "Call #\(info.id)  trainee \(info.trainee)  scenario \(info.scenarioID)  seed \(info.seed)  lang \(info.language.rawValue)"))
        out.append(t("開始 \(RecordDates.minute(info.started)) UTC　結果 \(state)",
                     "started \(RecordDates.minute(info.started)) UTC  ending \(state)"))

        var byTurn: [Int: [IndicatorOutcome]] = [:]
        for result in detail.score?.results ?? [] {
            for turn in result.turns { byTurn[turn, default: []].append(result) }
        }
        out.append("")
        out.append(t("── 逐字稿 ──", "── Transcript ──"))
        for turn in detail.turns {
            let tag = turn.speaker == .agent ? t("專員", "A") : t("客戶", "C")
            var line = String(format: "%3d ", turn.index) + tag + ": " + turn.text
            if let seconds = turn.responseSeconds { line += String(format: "  (%.1fs)", seconds) }
            out.append(line)
            for result in (byTurn[turn.index] ?? []).sorted(by: { $0.id < $1.id }) {
                out.append("      │ " + mark(result.status) + " " + result.id + "  " + result.codes.joined(separator: " "))
            }
        }
        if detail.turns.isEmpty { out.append(t("（沒有任何句子）", "(no turns)")) }

        if let score = detail.score {
            let unplaced = score.results.filter { $0.turns.isEmpty && ($0.status == "missed" || $0.status == "violated") }
            if !unplaced.isEmpty {
                out.append("")
                out.append(t("未做到（無對應句子）：", "Missed (no turn to point at):"))
                for result in unplaced { out.append("  " + mark(result.status) + " " + result.id + "  " + result.codes.joined(separator: " ")) }
            }
        }

        if let wrapUp = detail.wrapUp {
            out.append("")
            out.append(t("── 通話後表單 ──", "── Wrap-up forms ──"))
            if let record = wrapUp.telemarketing {
                out.append(t("電話行銷紀錄：", "Telemarketing record: ")
                           + (record.disposition.map { "\($0.rawValue) (\($0.label(language)))" } ?? "-"))
                if !record.products.isEmpty { out.append(t("  產品：", "  products: ") + record.products.joined(separator: ", ")) }
                if let callback = record.callbackTime { out.append(t("  回撥：", "  callback: ") + callback) }
                if !record.notes.isEmpty { out.append(t("  備註：", "  notes: ") + record.notes) }
            }
            if let form = wrapUp.complaint {
                out.append(t("客訴紀錄表：", "Complaint record form: ") + (form.category.map { $0.label(language) } ?? "-"))
                out.append(t("  重點：", "  key points: ") + form.keyPoints)
                out.append(t("  處理：", "  remedy: ") + form.remedy)
                if let escalated = form.escalatedTo { out.append(t("  轉交：", "  escalated to: ") + escalated) }
                if let followUp = form.followUpDate { out.append(t("  追蹤：", "  follow-up: ") + followUp) }
            }
            if let contact = wrapUp.contact, !contact.isEmpty {
                out.append(t("顧客資料更新：", "Contact record: ")
                           + [contact.phone, contact.address, contact.email].compactMap { $0 }.joined(separator: " / "))
            }
            for check in detail.checks where check.status != .na {
                out.append("  " + (check.status == .pass ? "✓" : "✗") + " " + check.id + "  " + check.message(language)
                           + "  [" + check.codes.joined(separator: " ") + "]")
            }
            if let formScore = info.formScore { out.append(t("表單得分 \(formScore)", "form score \(formScore)")) }
        }

        out.append("")
        if let score = detail.score {
            out.append(t("── 評分 ──", "── Scorecard ──"))
            for category in score.categories {
                out.append("  " + TextTable.pad(category.name, to: 12, right: false) + (category.score.map { String($0) } ?? "n/a"))
            }
            out.append(t("總分 \(score.score)", "score \(score.score)")
                       + (score.critical.isEmpty ? "" : t("　重大違規：", "  critical: ") + score.critical.joined(separator: ", ")))
        } else {
            out.append(t("尚未評分（以 callsim show \(info.id) --score 評分）", "not scored yet (score it with callsim show \(info.id) --score)"))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func mark(_ status: String) -> String {
        switch status {
        case "hit": "✓"
        case "violated": "✗!"
        case "missed": "✗"
        default: "·"
        }
    }
}
