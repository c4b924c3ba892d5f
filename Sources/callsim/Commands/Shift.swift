import ArgumentParser
import CallsimCore
import CallsimDialer
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Shift: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work a dialler shift as one agent among simulated team-mates.",
        discussion: """
        The dialler runs on an accelerated clock and its events scroll by. When a person answers and the
        call is put through to you, press Enter within the drop time (2 s under the US rules) or the caller
        hears the safe-harbour message instead. After each call pick a disposition and write a note.
        End of input (Ctrl-D) ends the shift early; the figures so far are shown.
        """)

    @Argument(help: "The campaign file (YAML).")
    var campaign: String

    @Option(help: "Seed of the random source.")
    var seed: UInt64 = 1

    @Option(help: "Simulated seconds per real second while you wait for a call.")
    var speed: Double = 60

    @Option(help: "Interface language: zh-TW or en.")
    var lang: String = "zh-TW"

    @Flag(help: "Refuse a lead list with any bad row.")
    var strict = false

    func validate() throws {
        guard speed > 0, speed <= 100_000 else { throw ValidationError("--speed must be between 0 and 100000") }
        guard Language(code: lang) != nil else { throw ValidationError("--lang must be zh-TW or en") }
    }

    func run() throws {
        let language = Language(code: lang) ?? .zhTW
        let loaded = try LoadedCampaign.load(path: campaign, strict: strict, days: nil)
        let session = ShiftSession(loaded: loaded, seed: seed, speed: speed, language: language,
                                   input: ShiftInput(), runner: PlainCallRunner(language: language))
        try session.run()
    }
}

/// Lines typed by the trainee, from a terminal or a pipe.
final class ShiftInput {
    let interactive = isatty(0) == 1

    func readLine(prompt: String) -> String? {
        print(prompt, terminator: "")
        fflush(nil)
        guard let line = Swift.readLine(strippingNewline: true) else { return nil }
        if !interactive { print(line) }
        return line
    }
}

/// What a connected call gave back to the shift.
struct ShiftCallOutcome {
    var agentLines: Int
    /// The status the call's ending suggests, offered as the default disposition.
    var suggestedStatus: LeadStatus?
    /// The trainee closed the input during the call.
    var endOfInput: Bool
}

/// Runs one connected call with the lead's persona.
protocol ShiftCallRunner {
    func takeCall(lead: Lead, campaign: CallsimDialer.Campaign, input: ShiftInput) throws -> ShiftCallOutcome
}

/// Records the agent's side of the call when no persona engine is linked into this build.
struct PlainCallRunner: ShiftCallRunner {
    var language: Language

    func takeCall(lead: Lead, campaign: CallsimDialer.Campaign, input: ShiftInput) throws -> ShiftCallOutcome {
        let zh = language == .zhTW
        print(zh ? "  客戶：\(lead.name.isEmpty ? lead.id : lead.name)　情境：\(lead.persona.isEmpty ? "（未指定）" : lead.persona)　名單來源：\(lead.source.isEmpty ? "（未載明）" : lead.source)"
                 : "  Customer: \(lead.name.isEmpty ? lead.id : lead.name)  persona: \(lead.persona.isEmpty ? "(none)" : lead.persona)  list source: \(lead.source.isEmpty ? "(not stated)" : lead.source)")
        print(zh ? "  （此版本未連結客戶角色引擎：請輸入您的每一句話，/hangup 結束通話。）"
                 : "  (No persona engine in this build: type each of your lines; /hangup ends the call.)")
        var lines = 0
        while true {
            guard let line = input.readLine(prompt: zh ? "  專員> " : "  agent> ") else {
                return ShiftCallOutcome(agentLines: lines, suggestedStatus: nil, endOfInput: true)
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "/hangup" || trimmed == "/掛斷" { break }
            if !trimmed.isEmpty { lines += 1 }
        }
        return ShiftCallOutcome(agentLines: lines, suggestedStatus: nil, endOfInput: false)
    }
}

/// One trainee's shift: the engine, the clock, the screen.
final class ShiftSession {
    private let loaded: LoadedCampaign
    private var engine: DialerEngine
    private let speed: Double
    private let language: Language
    private let input: ShiftInput
    private let runner: any ShiftCallRunner
    private var record = TraineeRecord()

    struct TraineeRecord {
        var offered = 0, answered = 0, missed = 0
        var pickupSeconds = 0.0, talkSeconds = 0.0
        var dispositions: [LeadStatus: Int] = [:]
        var notes: [(lead: String, status: LeadStatus, note: String)] = []
    }

    init(loaded: LoadedCampaign, seed: UInt64, speed: Double, language: Language, input: ShiftInput, runner: any ShiftCallRunner) {
        self.loaded = loaded
        self.speed = speed
        self.language = language
        self.input = input
        self.runner = runner
        var campaign = loaded.campaign
        campaign.days = 1
        engine = DialerEngine(campaign: campaign, leads: loaded.leads, nationalDoNotCall: loaded.national,
                              companyDoNotCall: loaded.company, seed: seed, traineeAgent: 0)
        engine.logging = true
    }

    private var zh: Bool { language == .zhTW }
    private func say(_ chinese: String, _ english: String) { print(zh ? chinese : english) }

    func run() throws {
        let c = loaded.campaign
        say("\(c.name)：您是 \(c.agentCount) 位專員中的一位（其餘為模擬同事），撥號模式 \(c.dialing.mode.rawValue)。",
            "\(c.name): you are one of \(c.agentCount) agents (the others are simulated), dialling mode \(c.dialing.mode.rawValue).")
        say("時鐘加速 \(Int(speed)) 倍；電話轉給您時，請在 \(formatSeconds(c.dialing.dropTime)) 秒內按 Enter 接聽。",
            "The clock runs \(Int(speed))x; when a call is put through to you, press Enter within \(formatSeconds(c.dialing.dropTime)) s.")
        let tick = 0.25
        var ended = false
        shift: while true {
            let interrupt = engine.advance(until: engine.now + speed * tick)
            printLog()
            switch interrupt {
            case .finished:
                break shift
            case .offerToTrainee(let lead):
                if !handleOffer(lead) { ended = true; break shift }
            case nil:
                if input.interactive { usleep(UInt32(tick * 1_000_000)) }
            }
        }
        if ended { say("\n（輸入結束，提前下班。）", "\n(End of input: the shift ends early.)") }
        printSummary()
    }

    /// Returns false when the trainee's input ended.
    private func handleOffer(_ leadIndex: Int) -> Bool {
        let lead = loaded.leads[leadIndex]
        record.offered += 1
        print("")
        say("\(clock())  ☎ 來電轉接：\(lead.name.isEmpty ? lead.id : lead.name) \(displayPhone(lead.phone)) — 按 Enter 接聽",
            "\(clock())  ☎ Call for you: \(lead.name.isEmpty ? lead.id : lead.name) \(displayPhone(lead.phone)) — press Enter to answer")
        let offered = Date()
        guard input.readLine(prompt: "") != nil else { return false }
        let delay = Date().timeIntervalSince(offered)
        guard engine.traineePickedUp(after: delay) else {
            record.missed += 1
            say("  太慢了（\(formatSeconds(delay)) 秒）：客戶只聽到語音訊息「\(loaded.campaign.safeHarbourMessage)」，這通電話算放棄。",
                "  Too slow (\(formatSeconds(delay)) s): the caller heard the recorded message \"\(loaded.campaign.safeHarbourMessage)\" and the call counts as abandoned.")
            return true
        }
        record.answered += 1
        record.pickupSeconds += delay
        let started = Date()
        let outcome: ShiftCallOutcome
        do {
            outcome = try runner.takeCall(lead: lead, campaign: loaded.campaign, input: input)
        } catch {
            Console.error("\(error)")
            outcome = ShiftCallOutcome(agentLines: 0, suggestedStatus: nil, endOfInput: false)
        }
        let talk = max(20, Date().timeIntervalSince(started))
        record.talkSeconds += talk
        let wrapStarted = Date()
        guard !outcome.endOfInput, let status = askDisposition(suggested: outcome.suggestedStatus) else {
            engine.traineeFinished(talkSeconds: talk, wrapSeconds: 0, status: outcome.suggestedStatus ?? .notInterested)
            return false
        }
        let note = input.readLine(prompt: zh ? "  備註> " : "  notes> ") ?? ""
        record.dispositions[status, default: 0] += 1
        record.notes.append((lead.id, status, note))
        engine.traineeFinished(talkSeconds: talk, wrapSeconds: max(5, Date().timeIntervalSince(wrapStarted)), status: status)
        say("  已記錄 \(status.rawValue)（\(status.labelZH)）。", "  Recorded \(status.rawValue) (\(status.label)).")
        return true
    }

    private func askDisposition(suggested: LeadStatus?) -> LeadStatus? {
        let choices = LeadStatus.agentDispositions
        let menu = choices.map { "\($0.rawValue)=\(zh ? $0.labelZH : $0.label)" }.joined(separator: "  ")
        print("  " + menu)
        while true {
            let prompt = (zh ? "  結案代碼" : "  disposition") + (suggested.map { " [\($0.rawValue)]" } ?? "") + "> "
            guard let line = input.readLine(prompt: prompt) else { return nil }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty, let suggested { return suggested }
            if let status = LeadStatus(rawValue: text.uppercased()), choices.contains(status) { return status }
            if let status = choices.first(where: { $0.labelZH == text || $0.label.lowercased() == text.lowercased() }) { return status }
            let prefixed = choices.filter { $0.rawValue.hasPrefix(text.uppercased()) && !text.isEmpty }
            if prefixed.count == 1, let only = prefixed.first { return only }
            say("  請輸入上列代碼之一。", "  Type one of the codes above.")
        }
    }

    private func printLog() {
        for entry in engine.drainLog() {
            let time = clock(entry.time)
            switch entry.kind {
            case .dial, .connected:
                continue
            case .result(let status):
                guard entry.lead >= 0 else { continue }
                let lead = loaded.leads[entry.lead]
                print("\(time)  \(displayPhone(lead.phone))  \(zh ? status.labelZH : status.label)")
            case .dropped:
                let lead = loaded.leads[entry.lead]
                say("\(time)  \(displayPhone(lead.phone))  放棄：無專員可接，播放語音訊息",
                    "\(time)  \(displayPhone(lead.phone))  dropped: no agent free, safe-harbour message played")
            case .levelChanged(let level):
                say("\(time)  撥號倍率調整為 \(String(format: "%.2f", level))", "\(time)  dial level now \(String(format: "%.2f", level))")
            }
        }
    }

    private func printSummary() {
        let report = engine.report()
        let t = report.totals
        print("")
        say("── 本班次（全隊）──", "── The shift (whole team) ──")
        say("  撥出 \(t.dials)，真人接聽 \(t.humanAnswered)，有效接觸 \(t.contacts)（\(pct(report.contactRate))），成交 \(t.sales)",
            "  dials \(t.dials), person answered \(t.humanAnswered), contacts \(t.contacts) (\(pct(report.contactRate))), sales \(t.sales)")
        say("  放棄 \(t.drops)（放棄率 \(String(format: "%.2f", report.abandonmentPercent))%，上限 \(String(format: "%.1f", report.abandonmentLimitPercent))%），專員忙碌率 \(pct(report.occupancy))",
            "  dropped \(t.drops) (abandonment \(String(format: "%.2f", report.abandonmentPercent))%, limit \(String(format: "%.1f", report.abandonmentLimitPercent))%), agent occupancy \(pct(report.occupancy))")
        if report.breachCount > 0 {
            say("  違規 \(report.breachCount) 件：" + report.breaches.map { "\($0.kind.rawValue) ×\($0.count)" }.joined(separator: "、"),
                "  breaches \(report.breachCount): " + report.breaches.map { "\($0.kind.rawValue) ×\($0.count)" }.joined(separator: ", "))
        }
        let r = record
        say("── 您的成績 ──", "── Your figures ──")
        say("  轉給您的電話 \(r.offered)，接聽 \(r.answered)，漏接（放棄）\(r.missed)",
            "  calls put through to you \(r.offered), answered \(r.answered), missed (dropped) \(r.missed)")
        if r.answered > 0 {
            say("  平均接聽時間 \(formatSeconds(r.pickupSeconds / Double(r.answered))) 秒，平均通話 \(formatSeconds(r.talkSeconds / Double(r.answered))) 秒",
                "  mean pick-up \(formatSeconds(r.pickupSeconds / Double(r.answered))) s, mean call \(formatSeconds(r.talkSeconds / Double(r.answered))) s")
        }
        if !r.dispositions.isEmpty {
            let sales = r.dispositions[.sale] ?? 0
            let contacts = r.dispositions.filter { $0.key.flags.contains(.contact) }.reduce(0) { $0 + $1.value }
            say("  結案：" + r.dispositions.keys.sorted().map { "\($0.rawValue) \(r.dispositions[$0] ?? 0)" }.joined(separator: "、")
                    + "；成交率 \(contacts > 0 ? pct(Double(sales) / Double(contacts)) : "—")（全隊 \(pct(report.conversionRate))）",
                "  dispositions: " + r.dispositions.keys.sorted().map { "\($0.rawValue) \(r.dispositions[$0] ?? 0)" }.joined(separator: ", ")
                    + "; conversion \(contacts > 0 ? pct(Double(sales) / Double(contacts)) : "—") (team \(pct(report.conversionRate)))")
        }
        for note in r.notes where !note.note.isEmpty { print("  \(note.lead) \(note.status.rawValue): \(note.note)") }
    }

    private func clock(_ time: Double? = nil) -> String {
        let t = Int(time ?? engine.now) % 86400
        return String(format: "%02d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
    }

    private func pct(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
    private func formatSeconds(_ value: Double) -> String { String(format: "%.1f", value) }

    private func displayPhone(_ number: UInt64) -> String {
        let digits = String(number)
        if digits.hasPrefix("886") {
            let national = "0" + digits.dropFirst(3)
            if national.hasPrefix("09"), national.count == 10 {
                let a = national.prefix(4), b = national.dropFirst(4).prefix(3), c = national.suffix(3)
                return "\(a)-\(b)-\(c)"
            }
            return national
        }
        if digits.hasPrefix("1"), digits.count == 11 {
            let d = Array(digits.dropFirst())
            return "+1 \(String(d[0..<3]))-\(String(d[3..<6]))-\(String(d[6..<10]))"
        }
        return "+" + digits
    }
}
