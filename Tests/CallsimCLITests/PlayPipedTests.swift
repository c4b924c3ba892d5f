import Foundation
import Testing

@Suite("call screen with piped input")
struct PlayPipedTests {
    @Test func pipedCallHasCleanOutput() throws {
        let home = try TemporaryHome()
        let run = try runPiped(["play", playedScenario, "--seed", "1"],
                               input: "您好，我是遠星電信的王小明\n/notes 客戶在忙\n/hangup\n",
                               environment: home.environment(["TERM": "xterm"]))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdoutBytes.contains(0x1B), "escape codes in piped output")
        #expect(!run.stdout.contains("You> "), "a prompt in piped output")
        #expect(run.stdout.contains("You: 您好，我是遠星電信的王小明"))
        #expect(run.stdout.contains(playedCustomer))
        #expect(run.stdout.contains("Seed 1 "))
        #expect(run.stdout.contains("── Scorecard ──") && run.stdout.contains("Score "))
        // Piped lines have no human timing, so the output stays the same from run to run.
        #expect(!run.stdout.contains("Response times"))
        // The call was recorded with its turns, ending, scorecard and forms.
        let history = try runPiped(["history"], input: "", environment: home.environment())
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains(playedScenario))
        // Piped input leaves no history behind.
        #expect(!FileManager.default.fileExists(atPath: home.historyFile.path))
    }

    @Test func commandsDuringACall() throws {
        let home = try TemporaryHome()
        let run = try runPiped(["play", playedScenario, "--seed", "1"],
                               input: "/help\n/brief\n/script\n/notes\n/notes 客戶下午才有空\n/notes\n/hint\n/transcript\n/quit\n",
                               environment: home.environment())
        #expect(run.status == 0)
        #expect(run.stdout.contains("/hangup      hang up and see the scorecard"))
        #expect(run.stdout.components(separatedBy: "Campaign brief").count == 3, "the brief before the call and on /brief")
        #expect(run.stdout.contains("Call script"))
        #expect(run.stdout.contains("No notes yet."))
        #expect(run.stdout.contains("  1. 客戶下午才有空"))
        #expect(run.stdout.contains("Hint: ") || run.stdout.contains("No hint right now."))
        #expect(run.stdout.contains("Transcript"))
        #expect(run.stdout.contains("Left the call; it is not scored."))
        #expect(!run.stdout.contains("Scorecard") && !run.stdout.contains(" / 100"))
    }

    @Test func sameSeedSameLinesSameOutput() throws {
        let home = try TemporaryHome()
        let input = "您好，我是遠星電信的王小明\n請問您現在方便說話嗎？\n/hangup\n"
        let first = try runPiped(["play", playedScenario, "--seed", "7"], input: input, environment: home.environment())
        let second = try runPiped(["play", playedScenario, "--seed", "7"], input: input, environment: home.environment())
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test func badLinesAreRefusedNotSent() throws {
        let home = try TemporaryHome()
        let long = String(repeating: "長", count: 2001)
        let run = try runPiped(["play", playedScenario, "--seed", "1"],
                               input: long + "\nbell\u{7}here\n/nonsense\n/transcript\n/hangup\n",
                               environment: home.environment())
        #expect(run.status == 0)
        #expect(run.stdout.contains("That line is too long (2001 characters, limit 2000)"))
        #expect(run.stdout.contains("That line holds control characters"))
        #expect(run.stdout.contains("Unknown command /nonsense"))
        #expect(!run.stdout.contains("You: bell"))
    }

    @Test func invalidUTF8IsRefused() throws {
        let home = try TemporaryHome()
        let process = try runPipedBytes(["play", playedScenario, "--seed", "1"],
                                        input: [0x66, 0xFF, 0xFE, 0x0A] + Array("/hangup\n".utf8), environment: home.environment())
        #expect(process.status == 0)
        #expect(process.stdout.contains("That line holds control characters or invalid bytes"))
    }

    @Test func pickerTakesTheFirstLine() throws {
        let home = try TemporaryHome()
        let run = try runPiped([], input: "1\n/hangup\n", environment: home.environment(["LANG": "zh_TW.UTF-8"]))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("選擇練習情境"))
        #expect(run.stdout.contains("── 評分 ──") && run.stdout.contains("總分"))
        #expect(!run.stdoutBytes.contains(0x1B))
    }

    @Test func pickerRejectsAnUnknownChoice() throws {
        let home = try TemporaryHome()
        let run = try runPiped(["play"], input: "no-such-scenario\n", environment: home.environment())
        #expect(run.status != 0)
        #expect(run.stderr.contains("No such scenario: no-such-scenario"))
    }

    @Test func unknownScenarioIdFails() throws {
        let home = try TemporaryHome()
        let run = try runPiped(["play", "no-such-scenario"], input: "", environment: home.environment())
        #expect(run.status != 0)
        #expect(run.stderr.contains("no scenario 'no-such-scenario'"))
    }

    @Test func fromStartsAtADrillAndRejectsAnUnknownOne() throws {
        let home = try TemporaryHome()
        let drill = try runPiped(["play", playedScenario, "--seed", "1", "--from", "price-objection"], input: "/quit\n",
                                 environment: home.environment())
        #expect(drill.status == 0, "\(drill.stderr)")
        let unknown = try runPiped(["play", playedScenario, "--from", "no-such-beat"], input: "", environment: home.environment())
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no drill or beat 'no-such-beat'"))
    }

    @Test func langPlaysTheTranslation() throws {
        let home = try TemporaryHome()
        let run = try runPiped(["play", playedScenario, "--seed", "1", "--lang", "en"], input: "/quit\n", environment: home.environment())
        #expect(run.status == 0)
        #expect(run.stdout.contains("[en-telecom-friendly]"))
    }

    @Test func badDeadAirOverrideFails() throws {
        let home = try TemporaryHome()
        let run = try runPiped(["play", playedScenario], input: "",
                               environment: home.environment(["CALLSIM_DEAD_AIR_SECONDS": "soon"]))
        #expect(run.status != 0)
        #expect(run.stderr.contains("CALLSIM_DEAD_AIR_SECONDS"))
    }

    @Test func uiLanguageFollowsTheLocaleAndTheOption() throws {
        let home = try TemporaryHome()
        let chinese = try runPiped(["play", playedScenario, "--seed", "1"], input: "/hangup\n",
                                   environment: home.environment(["LANG": "zh_TW.UTF-8"]))
        #expect(chinese.stdout.contains("活動簡報"))
        let english = try runPiped(["play", playedScenario, "--seed", "1", "--lang", "en"], input: "/hangup\n",
                                   environment: home.environment(["LC_ALL": "zh_TW.UTF-8"]))
        #expect(english.stdout.contains("Campaign brief"))
    }
}
