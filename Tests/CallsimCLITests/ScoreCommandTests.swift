import Foundation
import Testing

/// `callsim score` and `callsim eval` on files, through the built binary.
@Suite(.serialized) struct ScoreCommandTests {
    static let good = "# direction: outbound\n# company: 遠星電信\nC: 喂？\nA: 您好，我是遠星電信的王小明，今天打給您是想說明續約優惠，方便嗎？\nC: 好。\nA: 謝謝您。\n"

    func folder(_ files: [String: [UInt8]]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-score-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: url.appendingPathComponent(name)) }
        return url
    }

    var environment: [String: String] {
        inheritedEnvironment(["NO_COLOR": "1"])
    }

    @Test func badTranscriptsAreReportedAndTheOthersStillScored() throws {
        var long = Array("C: hi\nA: ".utf8)
        long += [UInt8](repeating: 0x61, count: 10 << 20)
        let dir = try folder([
            "a-good.txt": Array(Self.good.utf8),
            "b-empty.txt": [],
            "c-noturns.txt": Array("# direction: inbound\n".utf8),
            "d-tag.txt": Array("C: hi\nB: who?\n".utf8),
            "e-header.txt": Array("C: hi\n# lang: en\nA: hello\n".utf8),
            "f-utf8.txt": Array("C: hi\nA: ".utf8) + [0xC3, 0x28] + Array("\n".utf8),
            "g-binary.txt": [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2],
            "h-long.txt": long,
            "i-good.txt": Array(Self.good.utf8),
            "notes.md": Array("not a transcript".utf8),
        ])
        let missing = dir.appendingPathComponent("missing.txt").path
        let run = try runPiped(["score", "--json", dir.path, missing], input: "", environment: environment, timeout: 60)
        #expect(run.status != 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("a-good.txt") == true)
        #expect(lines.last?.contains("i-good.txt") == true)
        let path = dir.path
        for expected in [
            "\(missing): error: no such file or directory",
            "\(path)/b-empty.txt:1: error: empty file",
            "\(path)/c-noturns.txt:1: error: no turns",
            "\(path)/d-tag.txt:2: error: unknown speaker tag 'B'",
            "\(path)/e-header.txt:2: error: header line after the first turn",
            "\(path)/f-utf8.txt:2: error: invalid UTF-8",
            "\(path)/g-binary.txt:1: error: binary file",
            "\(path)/h-long.txt:2: error: line too long",
        ] {
            #expect(run.stderr.contains(expected), "missing: \(expected)\n\(run.stderr)")
        }
    }

    @Test func readableReportGroupsByCategory() throws {
        let dir = try folder(["call.txt": Array(Self.good.utf8)])
        let run = try runPiped(["score", dir.appendingPathComponent("call.txt").path], input: "", environment: environment)
        #expect(run.status == 0)
        #expect(run.stdout.contains("法規遵循"))
        #expect(run.stdout.contains("compliance.identify"))
        #expect(run.stdout.contains("建議說法"))
        #expect(!run.stdout.contains("\u{1B}["))
        let english = try runPiped(["score", "--lang", "en", dir.appendingPathComponent("call.txt").path], input: "", environment: environment)
        #expect(english.stdout.contains("Compliance"))
    }

    @Test func evalPrintsTheFigures() throws {
        let labels = "compliance.identify hit\ncompliance.purpose hit\nclosing.courtesy hit\ncompliance.recording na\n"
        let dir = try folder(["one.txt": Array(Self.good.utf8), "one.labels": Array(labels.utf8)])
        let run = try runPiped(["eval", dir.path], input: "", environment: environment)
        #expect(run.status == 0)
        #expect(run.stdout.contains("overall status accuracy  1.000  (4/4)"))
        let json = try runPiped(["eval", "--json", dir.path], input: "", environment: environment)
        #expect(json.stdout.hasPrefix("{\"calls\": 1, \"labels\": 4, \"accuracy\": 1.0000"))
    }
}
