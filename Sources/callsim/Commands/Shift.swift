import ArgumentParser
import CallsimCore
import CallsimDialer
import CallsimStore
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
        Every practice call is saved as a call of the trainee (see `callsim history`), and the shift's
        figures and dispositions at its end (see `callsim history --shifts`).
        """)

    @Argument(help: "The campaign file (YAML).")
    var campaign: String

    @Option(help: "Seed of the random source.")
    var seed: UInt64 = 1

    @Option(help: "Simulated seconds per real second while you wait for a call.")
    var speed: Double = 60

    @Option(help: "Language of callsim's menus and messages: zh-TW or en (default: from the locale).")
    var lang: Language?

    @Flag(help: "Refuse a lead list with any bad row.")
    var strict = false

    @Option(help: "The trainee's name, recorded with the shift and its calls.")
    var trainee: String?

    @OptionGroup var database: DatabaseOption

    func validate() throws {
        guard speed > 0, speed <= 100_000 else { throw ValidationError("--speed must be between 0 and 100000") }
    }

    func run() throws {
        let language = UILanguage.resolve(option: lang)
        let loaded = try LoadedCampaign.load(path: campaign, strict: strict, days: nil)
        let editor = LineEditor(historyFile: nil)
        defer { editor.close() }
        let input = ShiftInput(source: editor)
        // A database that cannot be opened costs the records of this shift, not the shift itself.
        var store: Store?
        do {
            store = try database.open()
        } catch {
            Console.error(language == .zhTW ? "\(error)；本班次的通話與成績不會儲存" : "\(error); this shift's calls and figures are not saved")
        }
        let name = defaultTrainee(trainee)
        let runner = PracticeCallRunner(language: language, seed: seed, scenarios: try PracticeCatalog.scenarios(),
                                        fallback: PlainCallRunner(language: language), store: store, trainee: name)
        let session = ShiftSession(loaded: loaded, seed: seed, speed: speed, language: language, input: input, runner: runner)
        try session.run()
        if let store { session.save(to: store, trainee: name) }
    }
}

/// The trainee's keyboard during a shift: the REPL's line source (readline on a terminal, plain lines from a pipe).
final class ShiftInput {
    let source: any LineSource
    var interactive: Bool { source.isInteractive }

    init(source: any LineSource) { self.source = source }

    /// nil at the end of input or on Ctrl-C; `.timeout` is reported as an empty optional line via `timedOut`.
    func readLine(prompt: String, completions: [String] = []) -> String? {
        if !interactive { print(prompt, terminator: ""); Console.flush() }
        while true {
            switch source.readLine(prompt: prompt, completions: completions, timeout: nil) {
            case .line(let line):
                if !interactive { print(line) }
                return line
            case .invalidLine: continue
            default: return nil
            }
        }
    }

    enum Pickup { case answered(after: Double), missed(after: Double), ended }

    /// Waits for Enter for at most `limit` seconds (a person at a terminal), or reads a line (a pipe).
    func pickUp(limit: Double) -> Pickup {
        let started = ContinuousClock.now
        func elapsed() -> Double {
            let (seconds, attoseconds) = started.duration(to: .now).components
            return Double(seconds) + Double(attoseconds) / 1e18
        }
        if !interactive {
            guard readLine(prompt: "") != nil else { return .ended }
            let delay = elapsed()
            return delay > limit ? .missed(after: delay) : .answered(after: delay)
        }
        switch source.readLine(prompt: "", completions: [], timeout: limit + 0.05) {
        case .line, .invalidLine:
            let delay = elapsed()
            return delay > limit ? .missed(after: delay) : .answered(after: delay)
        case .timeout:
            source.abandonPendingLine()
            print("")
            return .missed(after: elapsed())
        default:
            return .ended
        }
    }
}

/// What a connected call gave back to the shift.
struct ShiftCallOutcome {
    var agentLines: Int
    /// The status the call's ending suggests, offered as the default disposition.
    var suggestedStatus: LeadStatus?
    /// The trainee closed the input during the call.
    var endOfInput: Bool
    /// What the call ending said, for the trainee's record.
    var summary: String?
    /// A disposition and notes the call's own wrap-up already recorded.
    var recordedStatus: LeadStatus?
    var notes: String?
    /// The call's session in the records database, when it was saved.
    var sessionID: Int64?
}

/// Runs one connected call with the lead's persona.
protocol ShiftCallRunner {
    func takeCall(lead: Lead, number: Int, campaign: CallsimDialer.Campaign, input: ShiftInput) throws -> ShiftCallOutcome
}

/// The lead's persona (its `persona` column names a scenario) in the practice-call screen, with its scorecard.
struct PracticeCallRunner: ShiftCallRunner {
    var language: Language
    var seed: UInt64
    var scenarios: [any PracticeScenario]
    var fallback: PlainCallRunner
    /// Where each practice call is saved as a session; nil when the database could not be opened.
    var store: Store?
    var trainee: String

    func takeCall(lead: Lead, number: Int, campaign: CallsimDialer.Campaign, input: ShiftInput) throws -> ShiftCallOutcome {
        guard let scenario = scenarios.first(where: { $0.id == lead.persona }) else {
            let known = scenarios.map(\.id).sorted().joined(separator: ", ")
            print(language == .zhTW ? "  （找不到情境「\(lead.persona)」\(known.isEmpty ? "" : "；可用：\(known)")，改為只記錄您的發言。）"
                                    : "  (No scenario '\(lead.persona)'\(known.isEmpty ? "" : "; known: \(known)"): only your lines are recorded.)")
            return try fallback.takeCall(lead: lead, number: number, campaign: campaign, input: input)
        }
        var options = CallOptions(seed: seed &+ UInt64(number), uiLanguage: language)
        options.showBrief = number == 1
        options.deadAir = input.interactive
        let recording = store.map { CallRecording(store: $0, trainee: trainee) }
        let outcome = try PracticeCall.run(scenario: scenario, options: options, source: input.source, recording: recording)
        let call = outcome.call
        let agentLines = call.transcript.turns.filter { $0.speaker == .agent }.count
        var result = ShiftCallOutcome(agentLines: agentLines, suggestedStatus: call.quit ? nil : Self.status(for: call.ending.outcome),
                                      endOfInput: false, summary: call.ending.summary)
        result.sessionID = recording?.sessionID ?? outcome.sessionID
        // The practice call's own wrap-up (the telemarketing record) already asked for a disposition and notes.
        if let record = outcome.wrapUp?.telemarketing, let disposition = record.disposition, let status = Self.status(for: disposition) {
            result.recordedStatus = status
            result.notes = record.notes
        }
        return result
    }

    static func status(for disposition: Disposition) -> LeadStatus? {
        switch disposition {
        case .sale: return .sale
        case .noSale, .hangup: return .notInterested
        case .callback: return .callback
        case .dnc: return .doNotCall
        case .wrongNumber: return .wrongNumber
        case .answeringMachine: return .answeringMachine
        case .resolved, .escalated, .noAnswer, .busy: return nil
        }
    }

    /// The disposition a call's ending suggests.
    static func status(for outcome: CallOutcome) -> LeadStatus? {
        switch outcome {
        case .sale: return .sale
        case .noSale, .hangup: return .notInterested
        case .dnc: return .doNotCall
        case .callback: return .callback
        case .resolved, .escalated: return nil
        }
    }
}

/// Records the agent's side of the call when the lead names no scenario this build knows.
struct PlainCallRunner: ShiftCallRunner {
    var language: Language

    func takeCall(lead: Lead, number: Int, campaign: CallsimDialer.Campaign, input: ShiftInput) throws -> ShiftCallOutcome {
        let zh = language == .zhTW
        print(zh ? "  客戶：\(lead.name.isEmpty ? lead.id : lead.name)　名單來源：\(lead.source.isEmpty ? "（未載明）" : lead.source)；輸入您的每一句話，/hangup 結束通話。"
                 : "  Customer: \(lead.name.isEmpty ? lead.id : lead.name)  list source: \(lead.source.isEmpty ? "(not stated)" : lead.source); type each of your lines, /hangup ends the call.")
        var lines = 0
        while true {
            guard let line = input.readLine(prompt: zh ? "  專員> " : "  agent> ", completions: ["/hangup"]) else {
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
    private let started = Date()
    private var endedEarly = false
    /// Every call put through to the trainee, in order, for the records database.
    private var savedCalls: [ShiftCall] = []

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
        endedEarly = ended
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
        Console.flush()
        let delay: Double
        switch input.pickUp(limit: loaded.campaign.dialing.dropTime) {
        case .ended:
            // The shift stops here; the call put through is left as it was (neither answered nor dropped).
            return false
        case .missed(let after):
            _ = engine.traineePickedUp(after: after)
            record.missed += 1
            savedCalls.append(ShiftCall(lead: lead.id, disposition: LeadStatus.drop.rawValue))
            say("  太慢了（\(formatSeconds(after)) 秒）：客戶只聽到語音訊息「\(loaded.campaign.safeHarbourMessage)」，這通電話算放棄。",
                "  Too slow (\(formatSeconds(after)) s): the caller heard the recorded message \"\(loaded.campaign.safeHarbourMessage)\" and the call counts as abandoned.")
            return true
        case .answered(let after):
            delay = after
            _ = engine.traineePickedUp(after: after)
        }
        record.answered += 1
        record.pickupSeconds += delay
        let started = Date()
        let outcome: ShiftCallOutcome
        do {
            outcome = try runner.takeCall(lead: lead, number: record.answered, campaign: loaded.campaign, input: input)
        } catch {
            Console.error("\(error)")
            outcome = ShiftCallOutcome(agentLines: 0, suggestedStatus: nil, endOfInput: false)
        }
        let talk = max(20, Date().timeIntervalSince(started))
        record.talkSeconds += talk
        let wrapStarted = Date()
        let status: LeadStatus
        let note: String
        if let recorded = outcome.recordedStatus {
            status = recorded
            note = outcome.notes ?? ""
        } else {
            guard !outcome.endOfInput, let chosen = askDisposition(suggested: outcome.suggestedStatus) else {
                let status = outcome.suggestedStatus ?? .notInterested
                engine.traineeFinished(talkSeconds: talk, wrapSeconds: 0, status: status)
                savedCalls.append(ShiftCall(lead: lead.id, disposition: status.rawValue, sessionID: outcome.sessionID, seconds: talk))
                return false
            }
            status = chosen
            note = input.readLine(prompt: zh ? "  備註> " : "  notes> ") ?? ""
        }
        record.dispositions[status, default: 0] += 1
        record.notes.append((lead.id, status, note))
        savedCalls.append(ShiftCall(lead: lead.id, disposition: status.rawValue, sessionID: outcome.sessionID, seconds: talk))
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
            guard let line = input.readLine(prompt: prompt, completions: choices.map(\.rawValue)) else { return nil }
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

    /// What the records database keeps of a shift: the team's figures and the trainee's.
    struct SavedSummary: Encodable, Sendable {
        struct Note: Encodable, Sendable { var lead: String, status: String, note: String }
        var campaign: String
        var seed: UInt64
        var endedEarly: Bool
        var dials: Int, humanAnswered: Int, contacts: Int, sales: Int, drops: Int
        var abandonmentPercent: Double, occupancy: Double, breaches: Int
        var offered: Int, answered: Int, missed: Int
        var meanPickupSeconds: Double?, meanCallSeconds: Double?
        var dispositions: [String: Int]
        var notes: [Note]
    }

    func savedSummary() -> SavedSummary {
        let report = engine.report()
        let t = report.totals, r = record
        return SavedSummary(
            campaign: loaded.campaign.id, seed: engine.seed, endedEarly: endedEarly,
            dials: t.dials, humanAnswered: t.humanAnswered, contacts: t.contacts, sales: t.sales, drops: t.drops,
            abandonmentPercent: report.abandonmentPercent, occupancy: report.occupancy, breaches: report.breachCount,
            offered: r.offered, answered: r.answered, missed: r.missed,
            meanPickupSeconds: r.answered > 0 ? r.pickupSeconds / Double(r.answered) : nil,
            meanCallSeconds: r.answered > 0 ? r.talkSeconds / Double(r.answered) : nil,
            dispositions: Dictionary(uniqueKeysWithValues: r.dispositions.map { ($0.key.rawValue, $0.value) }),
            notes: r.notes.map { SavedSummary.Note(lead: $0.lead, status: $0.status.rawValue, note: $0.note) })
    }

    /// Saves the shift's summary and dispositions; a failed write is reported, the shift is over anyway.
    func save(to store: Store, trainee: String) {
        do {
            let id = try store.recordShift(trainee: trainee, campaign: loaded.campaign.id, started: started, ended: Date(),
                                           summary: savedSummary(), calls: savedCalls)
            say("（班次已儲存為 #\(id)；`callsim history --shifts` 可查看。）", "(Shift saved as #\(id); see `callsim history --shifts`.)")
        } catch {
            Console.error(zh ? "callsim：班次未儲存：\(error)" : "callsim: the shift was not saved: \(error)")
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
