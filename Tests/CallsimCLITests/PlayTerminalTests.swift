import Foundation
import Testing

/// A built-in scenario the call-screen tests play.
let playedScenario = "tw-telecom-friendly"
/// The customer's name as the call screen shows it for that scenario.
let playedCustomer = "林太太"

private let escape = "\u{1B}"
private let upArrow = "\u{1B}[A"
private let ctrlC = "\u{3}"
private let ctrlD = "\u{4}"
private let ctrlR = "\u{12}"
private let ctrlU = "\u{15}"
private let prompt = "You> "

@Suite("call screen on a terminal", .serialized)
struct PlayTerminalTests {
    @Test func chineseLineHistoryCompletionAndHangUp() throws {
        let home = try TemporaryHome()
        let session = try TerminalSession(["play", playedScenario, "--seed", "1", "--no-dead-air"], environment: home.environment())
        #expect(session.waitFor(prompt), "no prompt: \(session.text)")

        let agentLine = "您好，我是遠星電信的王小明"
        session.send(agentLine + "\r")
        let afterLine = session.output.count
        // The customer answers and the prompt comes back.
        #expect(session.waitFor(prompt, after: afterLine), "no answer: \(session.text)")

        let beforeRecall = session.output.count
        session.send(upArrow)
        #expect(session.waitFor(agentLine, after: beforeRecall), "Up did not recall the line: \(session.text)")
        session.send(ctrlU)

        let beforeCompletion = session.output.count
        session.send("/hel\t")
        #expect(session.waitFor("/help", after: beforeCompletion), "Tab did not complete /hel: \(session.text)")
        session.send("\r")
        #expect(session.waitFor("/transcript", after: beforeCompletion), "no help text: \(session.text)")

        session.send("/hangup\r")
        // The wrap-up: Tab completes the disposition code; Ctrl-D skips the rest.
        #expect(session.waitFor("Disposition (Tab completes): "), "no wrap-up: \(session.text)")
        let beforeDisposition = session.output.count
        session.send("no-s\t")
        #expect(session.waitFor("no-sale", after: beforeDisposition))
        session.send("\r")
        #expect(session.waitFor("Notes: ", after: beforeDisposition))
        session.send(ctrlD)
        #expect(session.waitForExit() == 0)
        #expect(session.text.contains("Call ended"))
        #expect(session.text.contains("Form checks"))
        #expect(session.text.contains("✓ form.disposition"), "the disposition no-sale matches the call: \(session.text)")
        // The agent's time to answer each customer line, measured at the terminal.
        #expect(session.text.contains("Response times"))
        #expect(session.text.contains("Scorecard") && session.text.contains(" / 100"))

        let history = try String(contentsOf: home.historyFile, encoding: .utf8)
        #expect(history.split(separator: "\n").contains(Substring(agentLine)))
        #expect(!history.contains("/help"), "slash commands stay out of the history")
    }

    @Test func ctrlDHangsUp() throws {
        let home = try TemporaryHome()
        let session = try TerminalSession(["play", playedScenario, "--seed", "1", "--no-dead-air"], environment: home.environment())
        #expect(session.waitFor(prompt))
        session.send(ctrlD)
        session.skipWrapUp()
        #expect(session.waitForExit() == 0)
        #expect(session.text.contains("Call ended"))
        #expect(session.text.contains("Scorecard") && session.text.contains(" / 100"))
    }

    @Test func ctrlCAsksBeforeHangingUp() throws {
        let home = try TemporaryHome()
        let session = try TerminalSession(["play", playedScenario, "--seed", "1", "--no-dead-air"], environment: home.environment())
        #expect(session.waitFor(prompt))
        session.send("半句話")
        session.send(ctrlC)
        #expect(session.waitFor("Hang up? (y/n)"), "Ctrl-C did not ask: \(session.text)")
        session.send("n\r")
        #expect(session.waitFor("The call goes on."))
        let beforeSecond = session.offset(after: "The call goes on.") ?? session.output.count
        #expect(session.waitFor(prompt, after: beforeSecond))
        session.send(ctrlC)
        #expect(session.waitFor("Hang up? (y/n)", after: beforeSecond))
        session.send("y\r")
        session.skipWrapUp()
        #expect(session.waitForExit() == 0)
        #expect(session.text.contains("Scorecard") && session.text.contains(" / 100"))
        // The dropped half line was never said.
        #expect(!session.text.contains("半句話\r\n" + playedCustomer))
    }

    @Test func ctrlCInReverseSearch() throws {
        let home = try TemporaryHome()
        let session = try TerminalSession(["play", playedScenario, "--seed", "1", "--no-dead-air"], environment: home.environment())
        #expect(session.waitFor(prompt))
        session.send("請問您現在方便嗎\r")
        let afterLine = session.output.count
        #expect(session.waitFor(prompt, after: afterLine))
        session.send(ctrlR + "方便")
        #expect(session.waitFor("reverse-i-search", after: afterLine), "no reverse search: \(session.text)")
        session.send(ctrlC)
        #expect(session.waitFor("Hang up? (y/n)", after: afterLine), "Ctrl-C in reverse search: \(session.text)")
        session.send("n\r")
        #expect(session.waitFor("The call goes on.", after: afterLine))
        session.send("/hangup\r")
        session.skipWrapUp()
        #expect(session.waitForExit() == 0)
        #expect(session.text.contains("Scorecard") && session.text.contains(" / 100"))
    }

    /// Ctrl-C makes the terminal drop unread input; readline, holding the first byte of a
    /// character in reverse search, must not be left waiting for the dropped rest.
    @Test func ctrlCWhileACharacterIsHalfRead() throws {
        let home = try TemporaryHome()
        let session = try TerminalSession(["play", playedScenario, "--seed", "1", "--no-dead-air"], environment: home.environment())
        #expect(session.waitFor(prompt))
        session.send("請問您現在方便嗎\r")
        let afterLine = session.output.count
        #expect(session.waitFor(prompt, after: afterLine))
        session.send(ctrlR)
        #expect(session.waitFor("reverse-i-search", after: afterLine))
        let character = Array("方".utf8)
        session.send(bytes: [character[0]])
        usleep(200_000)
        // The rest of the character and Ctrl-C arrive together, as when typed quickly.
        session.send(bytes: Array(character[1...]) + Array(ctrlC.utf8))
        #expect(session.waitFor("Hang up? (y/n)", after: afterLine), "Ctrl-C after a half-read character: \(session.text)")
        session.send("n\r")
        #expect(session.waitFor("The call goes on.", after: afterLine))
        session.send("/hangup\r")
        session.skipWrapUp()
        #expect(session.waitForExit() == 0)
    }

    @Test func terminationEndsTheCallCleanly() throws {
        let home = try TemporaryHome()
        let session = try TerminalSession(["play", playedScenario, "--seed", "1", "--no-dead-air"], environment: home.environment())
        #expect(session.waitFor(prompt))
        session.send("您好，我是王小明\r")
        let afterLine = session.output.count
        #expect(session.waitFor(prompt, after: afterLine))
        session.send("半句")
        session.signal(SIGTERM)
        // The call ends as a hang-up with its turns kept; the forms see the end of input.
        #expect(session.waitForExit() == 0)
        #expect(session.text.contains("Call ended"))
        #expect(session.text.contains("Scorecard") && session.text.contains(" / 100"))
        #expect(!session.text.contains("Disposition (Tab completes): 半句"))
    }

    @Test func unknownCommandAndOverlongLineAreNotSent() throws {
        let home = try TemporaryHome()
        let session = try TerminalSession(["play", playedScenario, "--seed", "1", "--no-dead-air"], environment: home.environment())
        #expect(session.waitFor(prompt))
        session.send("/bogus\r")
        #expect(session.waitFor("Unknown command /bogus. Commands: /help /brief /script /notes /hint /transcript /hangup /quit"))
        session.send("/hangup\r")
        session.skipWrapUp()
        #expect(session.waitForExit() == 0)
    }

    @Test func deadAirMakesTheCustomerReactAndKeepsTheTypedText() throws {
        let home = try TemporaryHome()
        let session = try TerminalSession(["play", playedScenario, "--seed", "1"],
                                          environment: home.environment(["CALLSIM_DEAD_AIR_SECONDS": "1"]))
        #expect(session.waitFor(prompt))
        let start = session.output.count
        session.send("我想")
        // The customer speaks up without Enter, and the half-typed line is drawn again below.
        #expect(session.waitFor(playedCustomer, after: start, timeout: 5), "no dead-air reaction: \(session.text)")
        let reaction = session.output.count
        #expect(session.waitFor("我想", after: reaction - 1, timeout: 3) || session.text.hasSuffix("我想"))
        session.send(ctrlD)
        session.skipWrapUp()
        #expect(session.waitForExit() == 0)
    }

    @Test func noDeadAirKeepsTheCustomerWaiting() throws {
        let home = try TemporaryHome()
        let session = try TerminalSession(["play", playedScenario, "--seed", "1", "--no-dead-air"],
                                          environment: home.environment(["CALLSIM_DEAD_AIR_SECONDS": "1"]))
        #expect(session.waitFor(prompt))
        let start = session.output.count
        #expect(!session.waitFor(playedCustomer, after: start, timeout: 2.5))
        session.send("/hangup\r")
        session.skipWrapUp()
        #expect(session.waitForExit() == 0)
    }

    @Test func colourOnATerminalAndNoneWithNoColor() throws {
        let home = try TemporaryHome()
        let coloured = try TerminalSession(["play", playedScenario, "--seed", "1", "--no-dead-air"], environment: home.environment())
        #expect(coloured.waitFor(prompt))
        coloured.send("/hangup\r")
        coloured.skipWrapUp()
        #expect(coloured.waitForExit() == 0)
        #expect(coloured.text.contains("\u{1B}[0m"), "no colour on a terminal")

        let plain = try TerminalSession(["play", playedScenario, "--seed", "1", "--no-dead-air"],
                                        environment: home.environment(["NO_COLOR": "1"]))
        #expect(plain.waitFor(prompt))
        plain.send("/hangup\r")
        plain.skipWrapUp()
        #expect(plain.waitForExit() == 0)
        #expect(!plain.text.contains("\u{1B}[0m") && !plain.text.contains("\u{1B}[1;"), "colour despite NO_COLOR")
    }

    @Test func chineseInputSurvivesACLocale() throws {
        let home = try TemporaryHome()
        let session = try TerminalSession(["play", playedScenario, "--seed", "1", "--no-dead-air"],
                                          environment: home.environment(["LANG": "C", "LC_ALL": "POSIX"]))
        #expect(session.waitFor(prompt))
        session.send("您好\r")
        session.send("/hangup\r")
        session.skipWrapUp()
        #expect(session.waitForExit() == 0)
        let history = try String(contentsOf: home.historyFile, encoding: .utf8)
        #expect(history.contains("您好"), "Chinese input dropped under LANG=C: \(session.text)")
    }

    @Test func pickerCompletesScenarioIds() throws {
        let home = try TemporaryHome()
        let session = try TerminalSession(["--lang", "zh-TW"], environment: home.environment())
        #expect(session.waitFor("選擇練習情境"), "no picker: \(session.text)")
        let before = session.output.count
        session.send(String(playedScenario.prefix(6)) + "\t")
        #expect(session.waitFor(playedScenario, after: before), "Tab did not complete the id: \(session.text)")
        session.send("\r")
        #expect(session.waitFor("您> "), "no call prompt: \(session.text)")
        session.send("/quit\r")
        #expect(session.waitForExit() == 0)
        #expect(session.text.contains("不評分"))
    }
}
