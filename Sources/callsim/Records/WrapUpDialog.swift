import CallsimCore
import Foundation

/// Where the wrap-up forms read their answers: the line editor at a terminal (Tab completes
/// code lists), plain lines from piped stdin (scriptable). nil means the input ended.
protocol FormInput: AnyObject {
    func ask(_ prompt: String, completions: [String]) -> String?
}

/// Plain lines from stdin: no echo, no history, one answer a line.
final class PlainLineInput: FormInput {
    private let output: (String) -> Void
    init(output: @escaping (String) -> Void = { StandardOutput.write($0) }) { self.output = output }

    func ask(_ prompt: String, completions: [String]) -> String? {
        output(prompt)
        guard let line = Swift.readLine(strippingNewline: true) else { return nil }
        if !Console.stdinIsTerminal { output(line + "\n") }
        return line
    }
}

/// The wrap-up after a call: the telemarketing record, the complaint record form when the
/// call was a complaint, the contact record; then their checks. An empty answer skips a
/// field; the end of input skips what is left.
struct WrapUpDialog {
    var input: any FormInput
    var language: Language
    var write: (String) -> Void = { StandardOutput.write($0 + "\n") }

    private func text(_ zh: String, _ en: String) -> String { language == .zhTW ? zh : en }

    func run(context: WrapUpContext, notes: [String] = []) -> WrapUp {
        var wrapUp = WrapUp()
        var ended = false

        func ask(_ prompt: String, completions: [String] = []) -> String? {
            guard !ended else { return nil }
            guard let answer = input.ask(prompt, completions: completions) else {
                ended = true
                return nil
            }
            let trimmed = answer.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }

        /// Asks until the answer parses, is skipped, or three tries pass.
        func choose<T>(_ prompt: String, completions: [String], parse: (String) -> T?) -> T? {
            for _ in 0..<3 {
                guard let answer = ask(prompt, completions: completions) else { return nil }
                if let value = parse(answer) { return value }
                write(text("　無此選項：\(answer)。可選：", "  not an option: \(answer). Choose from: ")
                      + completions.joined(separator: " "))
            }
            return nil
        }

        write(text("\n── 電話行銷紀錄（O2.2.1）──", "\n── Telemarketing record (O2.2.1) ──"))
        var record = TelemarketingRecord()
        let dispositions = Disposition.allCases.map(\.rawValue)
        record.disposition = choose(text("通話結果（Tab 補完）：", "Disposition (Tab completes): "),
                                    completions: dispositions, parse: Disposition.init(input:))
        if record.disposition == .sale {
            record.products = (ask(text("銷售產品（以逗號分隔）：", "Products sold (comma-separated): ")) ?? "")
                .split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if record.disposition == .callback {
            record.callbackTime = ask(text("回撥時間：", "Callback time: "))
        }
        let keptNotes = notes.joined(separator: " / ")
        let notesPrompt = keptNotes.isEmpty ? text("備註：", "Notes: ")
            : text("備註（Enter 沿用通話中的筆記）：", "Notes (Enter keeps the call's notes): ")
        record.notes = ask(notesPrompt) ?? keptNotes
        wrapUp.telemarketing = record

        if context.isComplaint, !ended {
            write(text("\n── 客訴紀錄表（O2.3.1）──", "\n── Complaint record form (O2.3.1) ──"))
            var form = ComplaintRecordForm()
            form.category = choose(text("客訴類別（Tab 補完）：", "Category (Tab completes): "),
                                   completions: ComplaintCategory.allCases.map(\.rawValue), parse: ComplaintCategory.init(input:))
            form.keyPoints = ask(text("客訴重點（什麼事、何時、哪張訂單或帳單）：", "Key points (what, when, which order or bill): ")) ?? ""
            form.remedy = ask(text("提供的處理方式：", "Remedy offered: ")) ?? ""
            form.escalatedTo = ask(text("轉交對象（未轉交請按 Enter）：", "Escalated to (Enter if not escalated): "))
            form.followUpDate = ask(text("追蹤日期：", "Follow-up date: "))
            wrapUp.complaint = form
        }

        if !ended {
            write(text("\n── 顧客資料聯繫紀錄（O2.5.1）：顧客更新的資料，沒有請按 Enter ──",
                       "\n── Contact record (O2.5.1): details the customer updated; Enter for none ──"))
            let contact = ContactRecord(phone: ask(text("電話：", "Phone: ")),
                                        address: ask(text("地址：", "Address: ")),
                                        email: ask(text("電子郵件：", "E-mail: ")))
            wrapUp.contact = contact
        }
        return wrapUp
    }

    /// The checks of the forms, one line each.
    func render(_ checks: [FormCheck]) -> String {
        var lines = [text("\n── 表單檢核 ──", "\n── Form checks ──")]
        for check in checks where check.status != .na {
            let mark = check.status == .pass ? "✓" : "✗"
            lines.append("\(mark) \(check.id)  \(check.message(language))  [\(check.codes.joined(separator: " "))]")
        }
        if let score = WrapUpChecker.score(checks) {
            lines.append(text("表單得分：\(score)", "Form score: \(score)"))
        }
        return lines.joined(separator: "\n")
    }
}
