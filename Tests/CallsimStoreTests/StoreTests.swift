#if canImport(Glibc)
import Glibc
#endif
import CallsimCore
@testable import CallsimStore
import Foundation
import GRDB
import Testing

@Suite struct MigrationTests {
    @Test func emptyDatabaseMigratesToTheCurrentSchema() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let store = try Store(path: folder.file("new/callsim.sqlite"))
        #expect(try store.appliedVersions() == Schema.versions)
        let mode = try store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("new/callsim.sqlite"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder.file("new"))
        #expect((folderAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    /// Data written at each earlier version, in that version's own tables and columns.
    static func fill(_ db: Database, upTo version: String) throws {
        let index = Schema.versions.firstIndex(of: version) ?? 0
        try db.execute(sql: "INSERT INTO trainees (name, created) VALUES ('amy', '2026-01-01 00:00:00.000')")
        try db.execute(sql: """
            INSERT INTO sessions (trainee_id, scenario_id, seed, language, started, ended, ending)
            VALUES (1, 'sales-a', 7, 'zh-TW', '2026-01-02 10:00:00.000', '2026-01-02 10:05:00.000', 'sale'),
                   (1, 'sales-b', 8, 'en', '2026-01-03 10:00:00.000', NULL, NULL)
            """)
        try db.execute(sql: """
            INSERT INTO turns (session_id, idx, speaker, text, response_seconds, at)
            VALUES (1, 1, 'customer', '喂？', NULL, '2026-01-02 10:00:01.000'),
                   (1, 2, 'agent', '您好，我是遠星電信的王小明', 2.5, '2026-01-02 10:00:04.000'),
                   (2, 1, 'customer', 'Hello?', NULL, '2026-01-03 10:00:01.000')
            """)
        if index >= 2 {
            try db.execute(sql: "UPDATE sessions SET score = 80 WHERE id = 1")
            try db.execute(sql: "INSERT INTO indicators (id, category, codes) VALUES ('compliance.identify', 'compliance', '[\"P2.2.1\"]')")
            try db.execute(sql: "INSERT INTO indicator_results (session_id, indicator_id, status, turns, position) VALUES (1, 'compliance.identify', 'hit', '[2]', 0)")
            try db.execute(sql: "INSERT INTO category_scores (session_id, category, score, position) VALUES (1, 'compliance', 100, 0)")
        }
        if index >= 3 {
            try db.execute(sql: "INSERT INTO wrapups (session_id, disposition, checks, form_score, created) VALUES (1, 'sale', '[]', 100, '2026-01-02 10:06:00.000')")
        }
        if index >= 4 {
            try db.execute(sql: "INSERT INTO dialer_shifts (trainee_id, campaign, started, summary) VALUES (1, 'fiber', '2026-01-04 09:00:00.000', '{}')")
            try db.execute(sql: "INSERT INTO shift_calls (shift_id, idx, lead, disposition, session_id) VALUES (1, 1, 'lead-1', 'sale', 1)")
        }
    }

    @Test(arguments: Schema.versions.dropLast())
    func everyEarlierVersionMigratesWithItsData(version: String) throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let path = folder.file("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: version)
            try queue.write { db in try MigrationTests.fill(db, upTo: version) }
            try queue.close()
        }
        let store = try Store(path: path)
        #expect(try store.appliedVersions() == Schema.versions)
        let first = try store.session(1)
        #expect(first.turns.map(\.text) == ["喂？", "您好，我是遠星電信的王小明"])
        #expect(first.turns[1].responseSeconds == 2.5)
        #expect(first.info.ending == .sale)
        // A call left open before process tracking existed can only have been interrupted.
        let second = try store.session(2)
        let index = Schema.versions.firstIndex(of: version) ?? 0
        #expect(second.info.interrupted == (index == 0))
        if index >= 2 {
            #expect(first.score?.results.map(\.status) == ["hit"])
            // Results stored before reports had their own trainee and start are counted too.
            let report = try store.report()
            #expect(report.trainees.first?.indicators.first?.hit == 1)
            #expect(report.trainees.first?.categories.first?.averageScore == 100)
        }
        if index >= 3 { #expect(first.info.formScore == 100) }
        if index >= 4 { #expect(try store.shifts().first?.calls.first?.sessionID == 1) }
    }
}

@Suite struct RecorderTests {
    @Test func aCallIsStoredTurnByTurnWithScoreAndForms() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let store = try Store(path: folder.file("callsim.sqlite"))
        let recorder = try SessionRecorder(
            store: store, session: NewSession(trainee: "林美", scenarioID: "complaint-billing", seed: UInt64.max, language: .zhTW,
                                              context: CallContext(direction: .inbound, company: "遠星電信")))
        #expect(try recorder.record(Turn(speaker: .customer, text: "我要客訴，帳單多收三百元")) == 1)
        #expect(try store.session(recorder.sessionID).turns.count == 1)
        try recorder.record(Turn(speaker: .agent, text: "造成您的困擾真的很抱歉", responseSeconds: 3.2))
        try recorder.finish(ending: .resolved)
        try recorder.saveScore(sampleScore(hits: ["listening.empathy"]))
        let wrapUp = WrapUp(complaint: ComplaintRecordForm(category: .billing, keyPoints: "帳單多收300元", remedy: "退款"))
        let checks = WrapUpChecker.check(wrapUp, context: WrapUpContext(turns: [], ending: .resolved, isComplaint: true))
        try recorder.saveWrapUp(wrapUp, checks: checks)

        let detail = try store.session(recorder.sessionID)
        #expect(detail.info.trainee == "林美")
        #expect(detail.info.seed == UInt64.max)
        #expect(detail.info.ending == .resolved)
        #expect(detail.info.ended != nil)
        #expect(detail.context?.company == "遠星電信")
        #expect(detail.turns.map(\.index) == [1, 2])
        #expect(detail.turns[1].responseSeconds == 3.2)
        #expect(detail.score?.results.map(\.id) == sampleIndicators.map(\.0))
        #expect(detail.score?.results.first { $0.id == "listening.empathy" }?.codes == ["P2.2.4", "A01"])
        #expect(detail.wrapUp == wrapUp)
        #expect(detail.checks == checks)
        #expect(detail.transcript.outcome == .resolved)
        #expect(try store.sessions(trainee: "林美").count == 1)
        #expect(try store.sessions(trainee: "nobody").isEmpty)
    }

    @Test func aCallWhoseProcessIsGoneIsFoundInterruptedAndCanBeClaimed() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let store = try Store(path: folder.file("callsim.sqlite"))
        let host = ProcessInfo.processInfo.hostName
        let exited = Process()
        exited.executableURL = URL(fileURLWithPath: "/bin/true")
        try exited.run()
        exited.waitUntilExit()
        let dead = ProcessIdentity(pid: exited.processIdentifier, host: host, start: "1")
        let deadSession = try store.beginSession(NewSession(trainee: "amy", scenarioID: "s", seed: 1, language: .en), process: dead)
        try store.appendTurn(session: deadSession, index: 1, turn: Turn(speaker: .customer, text: "Hello?"))
        // This very process: alive, so its call stays open.
        let live = try store.beginSession(NewSession(trainee: "amy", scenarioID: "s", seed: 2, language: .en))
        // A live pid with another start time is a reused pid: the original process is gone.
        let reused = try store.beginSession(NewSession(trainee: "amy", scenarioID: "s", seed: 3, language: .en),
                                            process: ProcessIdentity(pid: getpid(), host: host, start: "not-the-start"))

        let found = try store.markInterrupted(currentHost: host)
        #expect(Set(found.map(\.id)) == [deadSession, reused])
        #expect(try store.session(live).info.isOpen)
        #expect(try store.markInterrupted(currentHost: host).isEmpty)
        #expect(try store.interruptedSessions().map(\.id) == [deadSession, reused])

        let claimed = try store.claim(deadSession)
        #expect(claimed.turns.map(\.text) == ["Hello?"])
        #expect(claimed.info.interrupted == false)
        let recorder = SessionRecorder(store: store, resuming: claimed)
        #expect(try recorder.record(Turn(speaker: .agent, text: "Hi, this is Amy")) == 2)
        #expect(throws: StoreError.self) { try store.claim(live) }
    }

    @Test func shiftsAreStoredWithTheirDispositions() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let store = try Store(path: folder.file("callsim.sqlite"))
        let id = try store.recordShift(trainee: "amy", campaign: "fiber", started: Date(timeIntervalSince1970: 1_800_000_000),
                                       ended: nil, summary: ["contactRate": 0.4],
                                       calls: [ShiftCall(lead: "L1", disposition: "no-answer"), ShiftCall(lead: "L2", disposition: "sale", seconds: 181)])
        let shifts = try store.shifts(trainee: "amy")
        #expect(shifts.map(\.id) == [id])
        #expect(shifts[0].calls.map(\.disposition) == ["no-answer", "sale"])
        #expect(shifts[0].summary == #"{"contactRate":0.4}"#)
    }
}

@Suite struct ReportTests {
    @Test func ratesCodesWeakestAndSuggestions() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let store = try Store(path: folder.file("callsim.sqlite"))
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        func call(_ trainee: String, day: Int, hits: Set<String>) -> ImportedCall {
            ImportedCall(session: NewSession(trainee: trainee, scenarioID: "s", seed: 1, language: .zhTW),
                         started: base.addingTimeInterval(Double(day) * 86_400), ended: nil, ending: .sale, turns: [],
                         score: sampleScore(hits: hits))
        }
        try store.importCalls([
            call("amy", day: 0, hits: ["compliance.identify"]),
            call("amy", day: 1, hits: ["compliance.identify", "closing.ask", "closing.courtesy"]),
            call("bob", day: 0, hits: ["listening.empathy", "closing.ask", "closing.courtesy", "compliance.identify"]),
        ])
        let scenarios = [ScenarioRubric(id: "hostile", title: "Hostile", indicators: ["listening.empathy", "closing.ask"]),
                         ScenarioRubric(id: "polite", title: "Polite", indicators: ["closing.courtesy"])]
        let report = try store.report(scenarios: scenarios)
        #expect(report.trainees.map(\.trainee) == ["amy", "bob"])
        #expect(report.indicatorIDs == ["compliance.identify", "listening.empathy", "closing.ask", "closing.courtesy"])
        let amy = try #require(report.trainees.first)
        #expect(amy.sessions == 2)
        #expect(amy.trend.map(\.day).count == 2)
        #expect(amy.indicators.first { $0.id == "closing.ask" }?.hit == 1)
        #expect(amy.indicators.first { $0.id == "closing.ask" }?.rate == 0.5)
        #expect(amy.weakest.map(\.id) == ["listening.empathy", "closing.ask", "closing.courtesy"])
        #expect(amy.suggestions.first?.scenarios.map(\.id) == ["hostile"])
        #expect(amy.codes.first { $0.code == "A01" } == CodeEvidence(code: "A01", hits: 1, misses: 3))
        #expect(amy.codes.map(\.code) == ["P2.2.1", "P2.2.4", "P2.4.1", "P3.2.1", "K08", "S08", "A01"])
        #expect(amy.categories.first { $0.name == "closing" }?.averageScore == 50)

        let onlyBob = try store.report(trainee: "bob")
        #expect(onlyBob.trainees.map(\.trainee) == ["bob"])
        #expect(onlyBob.trainees[0].weakest.isEmpty)
        let later = try store.report(since: base.addingTimeInterval(86_400))
        #expect(later.trainees.map { "\($0.trainee):\($0.sessions)" } == ["amy:1"])
    }
}

@Suite struct PathTests {
    @Test func theDatabasePathFollowsOptionThenEnvironmentThenXDG() {
        let environment = ["HOME": "/home/amy", "XDG_DATA_HOME": "/data", "CALLSIM_DB": "/tmp/x.sqlite"]
        #expect(Store.resolvePath(option: "~/c.sqlite", environment: environment) == "/home/amy/c.sqlite")
        #expect(Store.resolvePath(option: nil, environment: environment) == "/tmp/x.sqlite")
        #expect(Store.resolvePath(option: nil, environment: ["HOME": "/home/amy", "XDG_DATA_HOME": "/data"]) == "/data/callsim/callsim.sqlite")
        // A relative XDG_DATA_HOME is ignored, as the XDG specification says.
        #expect(Store.resolvePath(option: nil, environment: ["HOME": "/home/amy", "XDG_DATA_HOME": "rel"])
                == "/home/amy/.local/share/callsim/callsim.sqlite")
    }

    @Test func theCLIUsesCALLSIM_DBAndXDG() throws {
        try #require(Built.callsimExists, "build the binary first: swift build (\(Built.callsim))")
        let folder = TempFolder()
        defer { folder.cleanup() }
        let recorded = try runCallsim(["_store", "record", "--trainee", "amy"], stdin: "A: 您好\n",
                                      environment: ["CALLSIM_DB": folder.file("env.sqlite")])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.file("env.sqlite")))
        let xdg = try runCallsim(["_store", "record", "--trainee", "amy"], stdin: "A: 您好\n",
                                 environment: ["CALLSIM_DB": "", "XDG_DATA_HOME": folder.file("data")])
        #expect(xdg.status == 0, "\(xdg.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.file("data/callsim/callsim.sqlite")))
    }
}
