#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import CallsimCore
import CallsimStore
import Foundation

/// Maintenance tools for the records database, kept out of `--help`: recording a scripted
/// call through the session recorder (crash tests), seeding a large database (benchmarks).
struct StoreTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_store", abstract: "Records database tools.", shouldDisplay: false,
        subcommands: [RecordScript.self, Seed.self])

    /// Records `A: …` / `C: …` lines from stdin as one call, each committed as it is read.
    struct RecordScript: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a scripted call from stdin.")

        @OptionGroup var database: DatabaseOption
        @Option var trainee: String?
        @Option var scenario = "scripted"
        @Option var seed: UInt64 = 1
        @Option var lang = "zh-TW"
        @Option(help: "How the call ends when the input ends (sale, no-sale, dnc, callback, hangup, resolved, escalated).")
        var ending: String?

        func run() throws {
            guard let language = Language(code: lang) else { throw ValidationError("--lang: unknown language \(lang)") }
            var outcome: CallOutcome?
            if let ending {
                guard let parsed = CallOutcome(rawValue: ending) else { throw ValidationError("--ending: unknown ending \(ending)") }
                outcome = parsed
            }
            // A closed terminal must end the call as it would a person's, even when the parent
            // ignored or blocked hang-ups (both are inherited across exec).
            signal(SIGHUP, SIG_DFL)
            var hangUp = sigset_t()
            sigemptyset(&hangUp)
            sigaddset(&hangUp, SIGHUP)
            pthread_sigmask(SIG_UNBLOCK, &hangUp, nil)
            let store = try database.open()
            let recording = CallRecording(store: store, trainee: defaultTrainee(trainee))
            recording.callStarted(scenarioID: scenario, seed: seed, language: language, context: nil)
            guard let id = recording.sessionID else { throw CLIError("the call could not be recorded") }
            StandardOutput.write("session \(id)\n")
            var lineNumber = 0
            while let line = Swift.readLine(strippingNewline: true) {
                lineNumber += 1
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                let speaker: Speaker
                let text: String
                if trimmed.hasPrefix("C:") || trimmed.hasPrefix("C：") {
                    speaker = .customer
                    text = String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                } else if trimmed.hasPrefix("A:") || trimmed.hasPrefix("A：") {
                    speaker = .agent
                    text = String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                } else {
                    speaker = .agent
                    text = trimmed
                }
                recording.turnEntered(Turn(speaker: speaker, text: text))
                StandardOutput.write("saved \(lineNumber)\n")
            }
            recording.callEnded(ending: outcome)
        }
    }

    /// Fills a database with realistic finished calls (about 15 turns, 28 indicator results each).
    struct Seed: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Seed a database with generated calls.")

        @OptionGroup var database: DatabaseOption
        @Option var sessions = 10_000
        @Option var trainees = 30
        @Option var seed: UInt64 = 1

        func run() throws {
            guard sessions >= 0, trainees > 0 else { throw ValidationError("--sessions must be 0 or more and --trainees 1 or more") }
            let store = try database.open()
            var generator = SeededGenerator(seed: seed)
            let origin = Date(timeIntervalSince1970: 1_780_000_000)
            var batch: [ImportedCall] = []
            let skills = (0..<trainees).map { _ in 0.55 + generator.nextUnit() * 0.35 }
            for index in 0..<sessions {
                let trainee = index % trainees
                let started = origin.addingTimeInterval(Double(index) * 600 + generator.nextUnit() * 300)
                batch.append(SeedData.call(trainee: trainee, skill: skills[trainee], started: started, generator: &generator))
                if batch.count == 500 {
                    _ = try storeAction { try store.importCalls(batch) }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { _ = try storeAction { try store.importCalls(batch) } }
            StandardOutput.write("seeded \(sessions) sessions for \(trainees) trainees in \(store.path)\n")
        }
    }
}

/// Generated calls that look like real practice: both languages, the catalog's indicators
/// with a status mix that depends on the trainee's skill, wrap-up forms.
enum SeedData {
    static let indicators: [(id: String, category: String, codes: [String])] = [
        ("compliance.identify", "compliance", ["P2.2.1", "K08"]), ("compliance.purpose", "compliance", ["P2.2.1", "K08"]),
        ("compliance.permission", "compliance", ["P2.2.1", "K08", "K13"]), ("compliance.honor_dnc", "compliance", ["P2.2.1", "K08"]),
        ("compliance.no_misrepresentation", "compliance", ["P2.1.5", "K02"]), ("compliance.privacy", "compliance", ["P2.4.3", "K02"]),
        ("compliance.cooling_off", "compliance", ["P2.1.5", "K08"]), ("compliance.recording", "compliance", ["P3.1.1", "K13"]),
        ("listening.acknowledge", "listening", ["P2.2.2", "S01"]), ("listening.paraphrase", "listening", ["P2.2.2", "S01"]),
        ("listening.open_question", "listening", ["P2.2.2", "S02"]), ("listening.answer_question", "listening", ["P2.2.4", "S01"]),
        ("listening.use_name", "listening", ["P2.2.2", "A01"]), ("listening.empathy", "listening", ["P2.2.4", "A01"]),
        ("closing.benefit", "closing", ["P2.2.3", "S06"]), ("closing.objection", "closing", ["P2.2.3", "S07"]),
        ("closing.ask", "closing", ["P2.4.1", "S08"]), ("closing.confirm", "closing", ["P2.4.2", "S08"]),
        ("closing.payment", "closing", ["P2.4.1", "S08"]), ("closing.delivery", "closing", ["P2.4.2", "S08"]),
        ("closing.contact", "closing", ["P2.2.3", "S06"]), ("closing.courtesy", "closing", ["P3.2.1", "A01"]),
        ("complaint.positive", "complaint", ["P2.3.1", "K12", "S12"]), ("complaint.key_points", "complaint", ["P2.3.2", "S12"]),
        ("complaint.resolve", "complaint", ["P2.3.3", "S12"]), ("complaint.escalate", "complaint", ["P2.3.4", "S12"]),
        ("complaint.record", "complaint", ["P2.3.5", "K12"]), ("records.update", "records", ["P2.5.1", "P2.5.3"]),
    ]
    static let scenarios = [
        "sales-fiber-upgrade", "sales-insurance-hesitant", "sales-mobile-hurry", "sales-credit-card-hostile",
        "complaint-billing-angry", "complaint-delivery-late", "complaint-network-outage", "sales-en-broadband",
        "complaint-en-refund", "sales-dnc-request",
    ]
    static let agentLines = [
        "林太太您好，我是遠星電信的王小明，請問現在方便講話嗎？", "了解，所以您是說晚上看影片會卡，對嗎？",
        "我們的光纖方案每月 NT$699，速度是現在的三倍。", "要不要我現在幫您登記升級？", "謝謝您的時間，祝您有愉快的一天。",
        "造成您的困擾真的很抱歉，我馬上幫您查帳單。", "Good afternoon, this is Amy from StarLink, is this a good time?",
        "I see, so the main issue is the bill went up after May?", "I can arrange a technician visit tomorrow morning.",
    ]
    static let customerLines = [
        "喂？", "我現在有點忙，你長話短說。", "上個月帳單多收了三百元，怎麼回事？", "網路晚上都很慢。", "好啊，那就幫我辦吧。",
        "不用了，謝謝。", "Hello?", "I was charged twice for the same order.", "Please don't call me again.",
    ]

    static func call(trainee: Int, skill: Double, started: Date, generator: inout SeededGenerator) -> ImportedCall {
        let scenario = scenarios[Int(generator.next() % UInt64(scenarios.count))]
        let complaint = scenario.hasPrefix("complaint")
        let language: Language = scenario.contains("-en-") ? .en : .zhTW
        let turnCount = 11 + Int(generator.next() % 9)
        let turns = (0..<turnCount).map { index -> Turn in
            let agent = index % 2 == 1
            let pool = agent ? agentLines : customerLines
            return Turn(speaker: agent ? .agent : .customer, text: pool[Int(generator.next() % UInt64(pool.count))],
                        responseSeconds: agent ? 2 + generator.nextUnit() * 10 : nil)
        }
        // Skill grows with practice so that trends rise.
        let practised = min(0.98, skill + started.timeIntervalSince1970.truncatingRemainder(dividingBy: 5_000_000) / 5_000_000 * 0.15)
        var results: [IndicatorOutcome] = []
        for indicator in indicators {
            let applies = indicator.category == "complaint" ? complaint
                : indicator.category == "closing" && complaint ? indicator.id == "closing.courtesy" || indicator.id == "closing.contact"
                : generator.nextUnit() < 0.85
            let status: String
            if !applies {
                status = "na"
            } else {
                let roll = generator.nextUnit()
                status = roll < practised ? "hit" : (roll > 0.996 && indicator.id.hasPrefix("compliance.") ? "violated" : "missed")
            }
            let turn = 2 * Int(generator.next() % UInt64(turnCount / 2)) + 2
            results.append(IndicatorOutcome(id: indicator.id, category: indicator.category, status: status,
                                            turns: status == "hit" || status == "violated" ? [turn] : [], codes: indicator.codes))
        }
        let categoryNames = ["compliance", "listening", "closing", "complaint", "records"]
        let categories = categoryNames.map { name -> ScoreSummary.Category in
            let applicable = results.filter { $0.category == name && $0.status != "na" }
            guard !applicable.isEmpty else { return ScoreSummary.Category(name: name, score: nil) }
            let hits = applicable.filter { $0.status == "hit" }.count
            return ScoreSummary.Category(name: name, score: Int((Double(hits) * 100 / Double(applicable.count)).rounded()))
        }
        let critical = results.filter { $0.status == "violated" }.map(\.id)
        let scored = categories.compactMap(\.score)
        let total = critical.isEmpty && !scored.isEmpty ? scored.reduce(0, +) / scored.count : 0
        let ending: CallOutcome = complaint ? (generator.nextUnit() < 0.7 ? .resolved : .escalated)
            : [.sale, .noSale, .callback, .dnc, .hangup][Int(generator.next() % 5)]
        let disposition = generator.nextUnit() < practised ? Disposition(outcome: ending) : .noSale
        let wrapUp = WrapUp(telemarketing: TelemarketingRecord(disposition: disposition, products: ending == .sale ? ["光纖 300M"] : [],
                                                               callbackTime: ending == .callback ? "明天 14:00" : nil, notes: ""),
                            complaint: complaint ? ComplaintRecordForm(category: .billing, keyPoints: "帳單多收三百元", remedy: "退款",
                                                                       followUpDate: "3 天內") : nil)
        let checks = WrapUpChecker.check(wrapUp, context: WrapUpContext(turns: turns, ending: ending, isComplaint: complaint))
        return ImportedCall(
            session: NewSession(trainee: String(format: "trainee-%02d", trainee + 1), scenarioID: scenario,
                                seed: generator.next(), language: language),
            started: started, ended: started.addingTimeInterval(180 + generator.nextUnit() * 300), ending: ending,
            turns: turns, score: ScoreSummary(results: results, categories: categories, score: total, critical: critical),
            wrapUp: wrapUp, checks: checks)
    }
}
