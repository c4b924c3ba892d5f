#if canImport(Glibc)
import Glibc
#endif
import CallsimCore
@testable import CallsimStore
import Foundation
import Testing

/// The built binary against a real database file: killed mid-call, two writers at once.
@Suite(.serialized) struct ProcessTests {
    @Test func aCallKilledMidwayKeepsEveryEnteredTurn() throws {
        try #require(Built.callsimExists, "build the binary first: swift build (\(Built.callsim))")
        let folder = TempFolder()
        defer { folder.cleanup() }
        let database = folder.file("callsim.sqlite")
        let lines = [
            "C: 喂？", "A: 林太太您好，我是遠星電信的王小明，請問現在方便講話嗎？", "C: 你要推銷什麼？",
            "A: 了解，我們的光纖方案每月 NT$699。", "C: 我的新手機是 0912-345-678",
        ]
        for signal in [SIGKILL, SIGHUP] {
            let child = try Child(["_store", "record", "--db", database, "--trainee", "amy", "--scenario", "sales-fiber"])
            #expect(child.waitFor("session "))
            // Fed slowly, as a person types: each line acknowledged before the next.
            for (index, line) in lines.enumerated() {
                child.send(line)
                #expect(child.waitFor("saved \(index + 1)\n"))
            }
            child.kill(signal)
            #expect(child.process.terminationReason == .uncaughtSignal)
            #expect(child.process.terminationStatus == signal)

            let store = try Store(path: database)
            let found = try store.markInterrupted()
            #expect(found.count == 1)
            let detail = try store.session(try #require(found.first).id)
            #expect(detail.turns.map { ($0.speaker == .agent ? "A: " : "C: ") + $0.text } == lines)
            #expect(detail.info.interrupted)
            #expect(detail.info.ended == nil)
            try store.close()
        }
        // The next start lists both calls as interrupted and tells how to resume.
        let history = try runCallsim(["history", "--db", database, "--lang", "en"])
        #expect(history.status == 0)
        #expect(history.stdout.contains("interrupted"))
        #expect(history.stdout.contains("callsim resume"))
    }

    @Test func twoProcessesWritingAThousandTurnsEachLoseNone() throws {
        try #require(Built.callsimExists, "build the binary first: swift build (\(Built.callsim))")
        let folder = TempFolder()
        defer { folder.cleanup() }
        let database = folder.file("callsim.sqlite")
        try Store(path: database).close()
        let script = { (who: String) in
            (1...1000).map { "\($0 % 2 == 0 ? "A" : "C"): \(who) line \($0) 第\($0)句" }.joined(separator: "\n") + "\n"
        }
        let first = try Child(["_store", "record", "--db", database, "--trainee", "amy", "--ending", "sale"])
        let second = try Child(["_store", "record", "--db", database, "--trainee", "bob", "--ending", "no-sale"])
        // Feed both at once from separate threads so that their commits interleave.
        let group = DispatchGroup()
        for (child, name) in [(first, "amy"), (second, "bob")] {
            nonisolated(unsafe) let target = child
            let text = script(name)
            DispatchQueue.global().async(group: group) {
                target.input.fileHandleForWriting.write(Data(text.utf8))
                target.closeInput()
            }
        }
        group.wait()
        let results = [first.finish(), second.finish()]
        for result in results {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("not saved"))
        }
        let store = try Store(path: database)
        for (trainee, ending) in [("amy", CallOutcome.sale), ("bob", .noSale)] {
            let sessions = try store.sessions(trainee: trainee)
            #expect(sessions.count == 1)
            let detail = try store.session(try #require(sessions.first).id)
            #expect(detail.turns.count == 1000)
            #expect(detail.turns.map(\.index) == Array(1...1000))
            #expect(detail.turns.last?.text == "\(trainee) line 1000 第1000句")
            #expect(detail.info.ending == ending)
        }
    }
}

/// The HTML report opens in a real browser without errors.
@Suite struct HTMLRenderTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (apt-get install chromium); HTML rendering not checked"))
    func theReportRendersInHeadlessChromiumWithoutConsoleErrors() throws {
        try #require(Built.callsimExists, "build the binary first: swift build (\(Built.callsim))")
        let folder = TempFolder()
        defer { folder.cleanup() }
        let database = folder.file("callsim.sqlite")
        let seeded = try runCallsim(["_store", "seed", "--db", database, "--sessions", "300", "--trainees", "6"])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let html = folder.file("report.html")
        let report = try runCallsim(["report", "--db", database, "--html", html])
        #expect(report.status == 0, "\(report.stderr)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        // Self-contained: nothing fetched, no scripts.
        #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("<script") && !text.contains("src="))
        #expect(text.contains("@media print"))
        #expect(text.components(separatedBy: "<svg").count - 1 == 1 + 6 * 2)

        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
        browser.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                             "--user-data-dir=\(folder.file("profile"))", "--dump-dom", "file://\(html)"]
        let output = Pipe(), errors = Pipe()
        browser.standardOutput = output
        browser.standardError = errors
        try browser.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        #expect(browser.terminationStatus == 0)
        let consoleErrors = log.split(separator: "\n").filter {
            $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("ERR_FILE_NOT_FOUND") || $0.contains("net::ERR")
        }
        #expect(consoleErrors.isEmpty, "\(consoleErrors)")
        #expect(dom.contains("trainee-06"))
        #expect(dom.contains("<svg"))
    }
}

/// A real practice call (`callsim play` on a built-in scenario, lines piped slowly) killed
/// mid-call, found interrupted, resumed to its end.
@Suite(.serialized) struct PlayKillResumeTests {
    func turnCount(_ database: String) -> Int {
        guard let store = try? Store(path: database, options: Store.Options(readOnly: true)),
              let session = try? store.sessions().first else { return 0 }
        return session.turnCount
    }

    @Test func aKilledPlayKeepsItsTurnsAndResumes() throws {
        try #require(Built.callsimExists, "build the binary first: swift build (\(Built.callsim))")
        let folder = TempFolder()
        defer { folder.cleanup() }
        let database = folder.file("callsim.sqlite")
        let lines = ["林太太您好，我是遠星電信的王小明，請問現在方便講話嗎？", "想跟您介紹光纖500M升級，請問您平常上網都做什麼？"]
        let child = try Child(["play", "tw-telecom-friendly", "--seed", "3", "--db", database, "--trainee", "amy", "--lang", "en"],
                              environment: ["CALLSIM_DEAD_AIR_SECONDS": "600"])
        // The customer's greeting, then each agent line and the customer's answer, as typed.
        let deadline = Date().addingTimeInterval(20)
        while turnCount(database) < 1, Date() < deadline { usleep(50_000) }
        for (index, line) in lines.enumerated() {
            child.send(line)
            while turnCount(database) < 3 + 2 * index, Date() < deadline { usleep(50_000) }
        }
        #expect(turnCount(database) == 5)
        child.kill(SIGKILL)

        // The next start finds the call interrupted and says how to go on, once.
        let noticed = try runCallsim(["history", "--db", database], environment: ["LANG": "en_US.UTF-8"])
        #expect(noticed.stderr.contains("was interrupted; continue with `callsim resume"))
        let again = try runCallsim(["history", "--db", database])
        #expect(!again.stderr.contains("was interrupted"))
        let store = try Store(path: database)
        let id = try #require(try store.interruptedSessions().first?.id)
        let before = try store.session(id)
        #expect(before.turns.filter { $0.speaker == .agent }.map(\.text) == lines)
        #expect(before.turns.count == 5)
        #expect(before.info.interrupted)
        try store.close()

        // Score it as it stands.
        let scored = try runCallsim(["show", String(id), "--score", "--db", database, "--lang", "en"])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.stdout.contains("compliance.identify"))

        let resumed = try runCallsim(["resume", String(id), "--db", database, "--lang", "en"],
                                     stdin: "了解，所以您是說晚上小孩看影片會卡卡的，對嗎？\n/hangup\nno-sale\n\n\n\n\n",
                                     environment: ["CALLSIM_DEAD_AIR_SECONDS": "600"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(!resumed.stderr.contains("differs"))
        let after = try Store(path: database).session(id)
        #expect(Array(after.turns.prefix(5).map(\.text)) == before.turns.map(\.text))
        #expect(after.turns.count > 5)
        #expect(after.turns[5].text == "了解，所以您是說晚上小孩看影片會卡卡的，對嗎？")
        #expect(after.info.ended != nil)
        #expect(after.info.interrupted == false)
        #expect(after.score != nil)
        #expect(after.wrapUp?.telemarketing?.disposition == .noSale)
    }
}
