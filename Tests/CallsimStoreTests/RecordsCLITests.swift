import CallsimCore
@testable import CallsimStore
import Foundation
import Testing

/// history, show, report and the wrap-up forms through the built binary, on piped stdin.
@Suite struct RecordsCLITests {
    func recordComplaintCall(_ database: String) throws -> Int64 {
        let script = """
            C: 喂，我要客訴！我五月的帳單多收了三百元。
            A: 造成您的困擾真的很抱歉，我是遠星電信客服王小明。
            C: 還有以後帳單寄到 linmei@example.com，手機改成 0912-345-678。
            A: 好的，跟您確認是 0912-345-678，這筆三百元會退還。

            """
        let result = try runCallsim(["_store", "record", "--db", database, "--trainee", "林美", "--scenario", "complaint-billing", "--ending", "resolved"], stdin: script)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(Int64(result.stdout.split(separator: "\n").first?.split(separator: " ").last ?? ""))
    }

    @Test func formsReadPlainLinesAndAreChecked() throws {
        try #require(Built.callsimExists, "build the binary first: swift build (\(Built.callsim))")
        let folder = TempFolder()
        defer { folder.cleanup() }
        let database = folder.file("callsim.sqlite")
        let id = try recordComplaintCall(database)
        // Disposition first mistyped, then a label; empty lines skip escalation and the address.
        let answers = [
            "maybe", "客訴已解決", "已退款", "帳單費用", "5月帳單多收300元", "退還 300 元", "", "2026-12-01",
            "0912 345 678", "", "LinMei@example.com",
        ].joined(separator: "\n") + "\n"
        let filled = try runCallsim(["show", String(id), "--forms", "--db", database, "--lang", "en"], stdin: answers)
        #expect(filled.status == 0, "\(filled.stderr)")
        #expect(filled.stdout.contains("not an option: maybe"))
        let store = try Store(path: database)
        let detail = try store.session(id)
        #expect(detail.wrapUp?.telemarketing?.disposition == .resolved)
        #expect(detail.wrapUp?.telemarketing?.notes == "已退款")
        #expect(detail.wrapUp?.complaint?.category == .billing)
        #expect(detail.wrapUp?.complaint?.escalatedTo == nil)
        #expect(detail.wrapUp?.contact?.address == nil)
        let failed = detail.checks.filter { $0.status == .fail }.map(\.id)
        #expect(failed.isEmpty, "\(detail.checks)")
        #expect(detail.info.formScore == 100)
        #expect(filled.stdout.contains("form.complaint_key_points"))

        // Input that ends early skips the rest; nothing crashes, the disposition check fails.
        let short = try runCallsim(["show", String(id), "--forms", "--db", database], stdin: "")
        #expect(short.status == 0, "\(short.stderr)")
        #expect(try store.session(id).checks.first { $0.id == "form.disposition" }?.status == .fail)
    }

    @Test func historyShowAndReportRead() throws {
        try #require(Built.callsimExists, "build the binary first: swift build (\(Built.callsim))")
        let folder = TempFolder()
        defer { folder.cleanup() }
        let database = folder.file("callsim.sqlite")
        let id = try recordComplaintCall(database)
        let seeded = try runCallsim(["_store", "seed", "--db", database, "--sessions", "40", "--trainees", "4"])
        #expect(seeded.status == 0, "\(seeded.stderr)")

        let history = try runCallsim(["history", "--db", database, "--trainee", "林美", "--json"])
        #expect(history.status == 0)
        let sessions = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]]
        #expect(sessions?.count == 1)
        #expect(sessions?.first?["ending"] as? String == "resolved")

        let show = try runCallsim(["show", String(id), "--db", database, "--lang", "zh-TW"])
        #expect(show.stdout.contains("我五月的帳單多收了三百元"))
        #expect(show.stdout.contains("尚未評分"))
        let transcript = try runCallsim(["show", String(id), "--transcript", "--db", database])
        #expect(transcript.stdout.hasPrefix("# scenario: complaint-billing\n# lang: zh-TW\n# outcome: resolved\nC: 喂"))
        let annotated = try runCallsim(["show", "2", "--db", database, "--lang", "en"])
        #expect(annotated.stdout.contains("│ ✓ "))

        let report = try runCallsim(["report", "--db", database, "--lang", "en"])
        #expect(report.status == 0)
        #expect(report.stdout.contains("Class report: 5 trainees, 41 calls"))
        let one = try runCallsim(["report", "--db", database, "--trainee", "trainee-02", "--lang", "en"])
        #expect(one.stdout.contains("Three weakest areas"))
        #expect(one.stdout.contains("P2.2.1"))
        let csvFolder = folder.file("csv")
        let csv = try runCallsim(["report", "--db", database, "--csv", csvFolder])
        #expect(csv.status == 0)
        let indicators = try String(contentsOfFile: csvFolder + "/indicators.csv", encoding: .utf8)
        #expect(indicators.hasPrefix("trainee,indicator,category,codes,hit,missed,violated,na,hit_rate\r\n"))
        #expect(indicators.split(separator: "\r\n").count == 1 + 4 * 28)
        let json = try runCallsim(["report", "--db", database, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["trainees"] as? [Any])?.count == 5)
        let unknown = try runCallsim(["report", "--db", database, "--trainee", "nobody"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no trainee named nobody"))
        let noSession = try runCallsim(["show", "999", "--db", database])
        #expect(noSession.status == 1)
        #expect(noSession.stderr.contains("no session 999"))
    }

    @Test func sameDatabaseSameReportByteForByte() throws {
        try #require(Built.callsimExists, "build the binary first: swift build (\(Built.callsim))")
        let folder = TempFolder()
        defer { folder.cleanup() }
        let database = folder.file("callsim.sqlite")
        _ = try runCallsim(["_store", "seed", "--db", database, "--sessions", "60", "--trainees", "3"])
        let first = try runCallsim(["report", "--db", database, "--html", folder.file("a.html")])
        let second = try runCallsim(["report", "--db", database, "--html", folder.file("b.html")])
        #expect(first.status == 0 && second.status == 0)
        #expect(FileManager.default.contents(atPath: folder.file("a.html")) == FileManager.default.contents(atPath: folder.file("b.html")))
    }
}
