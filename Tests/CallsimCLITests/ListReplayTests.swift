import Foundation
import Testing

private func callsim(_ arguments: [String], environment: [String: String] = [:]) throws -> PipedRun {
    try runPiped(arguments, input: "", environment: inheritedEnvironment(environment), timeout: 60)
}

private func temporaryFile(_ text: String, name: String = "script.txt") throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
}

@Suite(.serialized) struct ListReplayTests {
    @Test func listShowsTheBuiltinScenarios() throws {
        let run = try callsim(["list"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("tw-telecom-friendly"))
        let json = try callsim(["list", "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        let entry = entries?.first { $0["id"] as? String == "tw-telecom-friendly" }
        #expect(entry?["lang"] as? String == "zh-TW")
        #expect(entry?["temperament"] as? String == "friendly")
        #expect((entry?["beats"] as? Int ?? 0) >= 12)
    }

    @Test func listReportsBrokenFilesWithLocations() throws {
        let broken = try temporaryFile("id: broken\ntitel: x\n", name: "broken.yaml")
        let run = try callsim(["list", "--personas", broken.deletingLastPathComponent().path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("broken.yaml:2:1: error: unknown key 'titel' in the scenario; did you mean 'title'?"))
    }

    @Test func replayPrintsTheCallAndIsDeterministic() throws {
        let script = try temporaryFile("""
        # opening
        林太太您好，我是遠星電信的王小明，請問現在方便說話嗎？

        我們現在有光纖 500M 升級方案，很划算喔。
        月租 899 元。
        要不要幫您辦理？
        """)
        let first = try callsim(["replay", "tw-telecom-friendly", "--script", script.path, "--seed", "4"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("# outcome: no-sale"))
        #expect(first.stdout.contains("A: 要不要幫您辦理？"))
        #expect(first.stdout.contains("總分 "))
        #expect(first.stdout.contains("compliance.identify"))
        let second = try callsim(["replay", "tw-telecom-friendly", "--script", script.path, "--seed", "4"])
        #expect(first.stdout == second.stdout)

        let json = try callsim(["replay", "tw-telecom-friendly", "--script", script.path, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["ending"] as? [String: Any])?["kind"] as? String == "no-sale")
        #expect((object?["turns"] as? [[String: Any]])?.count == 9)
        let score = object?["score"] as? [String: Any]
        #expect((score?["indicators"] as? [[String: Any]])?.count == 28)
        #expect(score?["score"] is Int)
        #expect(object?["passed"] is Bool)
    }

    @Test func replayRejectsAnEmptyScriptAndAnUnknownScenario() throws {
        let empty = try temporaryFile("# only a comment\n\n")
        let run = try callsim(["replay", "tw-telecom-friendly", "--script", empty.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no agent lines"))
        let unknown = try callsim(["replay", "no-such-scenario", "--script", empty.path])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no scenario 'no-such-scenario'"))
        #expect(unknown.stderr.contains("tw-telecom-friendly"))
    }

    @Test func personasFolderFromTheEnvironment() throws {
        let folder = try temporaryFile("", name: "empty.txt").deletingLastPathComponent()
        let run = try callsim(["list"], environment: ["CALLSIM_PERSONAS": folder.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("No scenarios"))
    }
}
