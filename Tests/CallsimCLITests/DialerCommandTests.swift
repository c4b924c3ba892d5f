import Foundation
import Testing

private func example(_ name: String) -> String { projectRoot.appendingPathComponent("Campaigns/\(name)").path }

@Suite("dial, staff and shift commands")
struct DialerCommandTests {
    @Test func checkingACampaignSummarisesItsRulesAndLists() throws {
        let home = try TemporaryHome()
        let run = try runPiped(["dial", example("tw-credit-card.yaml")], input: "", environment: home.environment())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("leads: 10000 loaded"))
        #expect(run.stdout.contains("calling window 09:00-21:00"))
        #expect(run.stdout.contains("PDPA art. 20"))
    }

    @Test func aSimulationRepeatsByteForByteAndKeepsUnderTheLimit() throws {
        let home = try TemporaryHome()
        let arguments = ["dial", example("us-home-solar.yaml"), "--simulate", "--json", "--seed", "3"]
        let first = try runPiped(arguments, input: "", environment: home.environment(), timeout: 60)
        let second = try runPiped(arguments, input: "", environment: home.environment(), timeout: 60)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let abandonment = try #require(json["abandonmentPercent"] as? Double)
        #expect(abandonment <= 3.0)
        #expect(!first.stderr.contains("simulating"), "a progress bar on a pipe")
    }

    @Test func comparisonPrintsTheRunsSideBySide() throws {
        let home = try TemporaryHome()
        let run = try runPiped(["dial", example("us-home-solar.yaml"), "--compare", "progressive,ratio:3,predictive", "--days", "1"],
                               input: "", environment: home.environment(), timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("progressive"))
        #expect(run.stdout.contains("ratio 3.0"))
        #expect(run.stdout.contains("predictive 1.5"))
        #expect(run.stdout.contains("abandonment"))
        let bad = try runPiped(["dial", example("us-home-solar.yaml"), "--compare", "turbo"], input: "", environment: home.environment())
        #expect(bad.status != 0)
    }

    @Test func badFilesAreReportedWithTheirPlaceAndStrictModeRefusesBadRows() throws {
        let home = try TemporaryHome()
        let folder = home.url
        let campaign = folder.appendingPathComponent("c.yaml")
        try """
        campaign: broken
        profile: US
        leads: leads.csv
        agents: [{group: a, count: 2}]
        dialing: {mode: predictive, ring_timout: 20s}
        outcomes:
          default: {person: 0.5, machine: 0.2, busy: 0.1, no_answer: 0.1, disconnected: 0.2}
        """.write(to: campaign, atomically: true, encoding: .utf8)
        let broken = try runPiped(["dial", campaign.path], input: "", environment: home.environment())
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("c.yaml:5:") && broken.stderr.contains("did you mean 'ring_timeout'"))
        #expect(broken.stderr.contains("c.yaml:7:") && broken.stderr.contains("add up to 1.1, not 1"))

        try """
        campaign: fine
        profile: US
        leads: leads.csv
        agents: [{group: a, count: 2}]
        outcomes:
          default: {person: 0.3, machine: 0.2, busy: 0.1, no_answer: 0.3, disconnected: 0.1}
        """.write(to: campaign, atomically: true, encoding: .utf8)
        try "id,phone,timezone\nL1,+12125550142,America/New_York\nL2,555,America/New_York\nL3,+12125550143,Mars/Base\n"
            .write(to: folder.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        let lenient = try runPiped(["dial", campaign.path], input: "", environment: home.environment())
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("leads.csv:3: warning:"))
        #expect(lenient.stderr.contains("leads.csv:4: warning: unknown time zone 'Mars/Base'"))
        #expect(lenient.stdout.contains("leads: 1 loaded, 2 bad rows left out"))
        let strict = try runPiped(["dial", campaign.path, "--strict"], input: "", environment: home.environment())
        #expect(strict.status != 0)
        #expect(strict.stderr.contains("leads.csv:3: error:"))
    }

    @Test func staffingPrintsTheTableAroundTheAnswer() throws {
        let home = try TemporaryHome()
        let run = try runPiped(["staff", "--calls", "360", "--period", "30", "--aht", "240", "--target-sl", "80", "--answer-time", "15"],
                               input: "", environment: home.environment())
        #expect(run.status == 0)
        #expect(run.stdout.contains("→ 55 agents"))
        #expect(run.stdout.contains("0.2387"))
        let erlangA = try runPiped(["staff", "--calls", "100", "--aht", "180", "--answer-time", "20", "--patience", "60"],
                                   input: "", environment: home.environment())
        #expect(erlangA.stdout.contains("P(abandon)"))
        #expect(erlangA.stdout.contains("13.46%"))
        let bad = try runPiped(["staff", "--calls", "-1", "--aht", "180"], input: "", environment: home.environment())
        #expect(bad.status != 0)
    }

    @Test func aShiftRunsOnPipedInputAndIsSaved() throws {
        let home = try TemporaryHome()
        let database = home.url.appendingPathComponent("records.sqlite").path
        let run = try runPiped(["shift", example("shift-practice.yaml"), "--lang", "en", "--db", database, "--trainee", "amy"],
                               input: "\n您好，我是遠揚電信的小林\n/hangup\nSALE\nagreed to upgrade\n", environment: home.environment(), timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Call for you"))
        #expect(run.stdout.contains("Recorded SALE (sale)."))
        #expect(run.stdout.contains("Your figures"))
        #expect(run.stdout.contains("calls put through to you"))
        #expect(run.stdout.contains("agreed to upgrade"))
        #expect(!run.stdoutBytes.contains(0x1B), "escape codes in piped output")

        // The practice call is a scored call of the trainee's.
        let history = try runPiped(["history", "--db", database, "--json"], input: "", environment: home.environment())
        #expect(history.status == 0, "\(history.stderr)")
        let sessions = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(sessions.count == 1)
        let session = try #require(sessions.first)
        #expect(session["trainee"] as? String == "amy")
        #expect(session["scenarioID"] as? String == "tw-telecom-friendly")
        #expect(session["score"] as? Int != nil, "the call's score is saved")
        let sessionID = try #require(session["id"] as? Int)

        // The shift, ended early by the end of input, keeps its figures and the call's disposition.
        let shifts = try runPiped(["history", "--db", database, "--shifts", "--json"], input: "", environment: home.environment())
        #expect(shifts.status == 0, "\(shifts.stderr)")
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(shifts.stdout.utf8)) as? [[String: Any]])
        #expect(saved.count == 1)
        let shift = try #require(saved.first)
        #expect(shift["trainee"] as? String == "amy")
        #expect(shift["campaign"] as? String == "shift-practice")
        let calls = try #require(shift["calls"] as? [[String: Any]])
        #expect(calls.count == 1)
        #expect(calls.first?["disposition"] as? String == "SALE")
        #expect(calls.first?["sessionID"] as? Int == sessionID)
        let summary = try #require(shift["summary"] as? [String: Any])
        #expect(summary["answered"] as? Int == 1)
        #expect(summary["endedEarly"] as? Bool == true)
        #expect((summary["dials"] as? Int ?? 0) > 0)
        let table = try runPiped(["history", "--db", database, "--shifts", "--lang", "en"], input: "", environment: home.environment())
        #expect(table.stdout.contains("shift-practice") && table.stdout.contains("SALE 1"))
    }

    @Test func aShiftWhoseDatabaseCannotBeOpenedStillRuns() throws {
        let home = try TemporaryHome()
        let blocker = home.url.appendingPathComponent("file")
        try "".write(to: blocker, atomically: true, encoding: .utf8)
        let run = try runPiped(["shift", example("shift-practice.yaml"), "--lang", "en", "--db", blocker.path + "/records.sqlite"],
                               input: "", environment: home.environment(), timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("this shift's calls and figures are not saved"))
        #expect(run.stdout.contains("Your figures"))
    }
}
