import Foundation
import Testing

/// `callsim new`, `lint`, `test` and `graph` run as a user would run them.
@Suite struct AuthoringCommandTests {
    static func callsim(_ arguments: [String], in directory: URL) throws -> PipedRun {
        try runPiped(arguments, input: "", environment: inheritedEnvironment(), directory: directory, timeout: 120)
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-authoring-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func newScenarioPassesLintAndTestAndIsNeverOverwritten() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try Self.callsim(["new", "tw-new-sale", "--template", "sales", "--output", "."], in: dir)
        #expect(made.status == 0)
        #expect(made.stdout.hasPrefix("wrote tw-new-sale.yaml\n"))
        let original = try String(contentsOf: dir.appendingPathComponent("tw-new-sale.yaml"), encoding: .utf8)

        let lint = try Self.callsim(["lint", "tw-new-sale.yaml"], in: dir)
        #expect(lint.status == 0 && lint.stdout == "", "\(lint.stdout)")
        let test = try Self.callsim(["test", "."], in: dir)
        #expect(test.status == 0)
        #expect(test.stdout.hasSuffix("\n5 passed, 0 failed\n"))

        let again = try Self.callsim(["new", "tw-new-sale", "--template", "complaint", "--output", "."], in: dir)
        #expect(again.status != 0 && again.stderr.contains("already exists"))
        #expect(try String(contentsOf: dir.appendingPathComponent("tw-new-sale.yaml"), encoding: .utf8) == original)

        let badID = try Self.callsim(["new", "Bad_ID", "--template", "sales"], in: dir)
        #expect(badID.status != 0 && badID.stderr.contains("not a valid scenario id"))
        let badTemplate = try Self.callsim(["new", "ok-id", "--template", "survey"], in: dir)
        #expect(badTemplate.status != 0 && badTemplate.stderr.contains("sales or complaint"))
    }

    @Test func lintReportsEveryProblemWithItsLocationAndFailsOnErrors() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.callsim(["new", "en-broken", "--template", "complaint", "--lang", "en", "--output", "."], in: dir)
        let file = dir.appendingPathComponent("en-broken.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "if: flag details_given ", with: "if: flag detail_given ")
        text = text.replacingOccurrences(of: "beats:\n", with: "beats:\n  - id: opener\n    say: Hi.\n    next: [open]\n", options: [], range: nil)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let lint = try Self.callsim(["lint", "."], in: dir)
        #expect(lint.status == 1)
        let lines = lint.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("en-broken.yaml:") && $0.contains(": error: flag 'detail_given' is read here but nothing sets it") })
        for line in lines { #expect(line.range(of: #"^en-broken\.yaml:\d+:\d+: (error|warning): .+$"#, options: .regularExpression) != nil, "\(line)") }
        #expect(lines.filter { $0.contains("detail_given") }.count == 1, "the loader's warning and the rule's error say the same")
        #expect(lint.stderr.contains("1 file checked"))

        let test = try Self.callsim(["test", "en-broken.yaml"], in: dir)
        #expect(test.status == 1)
        #expect(test.stdout.contains("FAIL en-broken › "))
        #expect(test.stdout.contains("│"))
        #expect(test.stdout.range(of: #"\n\d+ passed, [1-9]\d* failed\n$"#, options: .regularExpression) != nil)
    }

    @Test func unreadableFilesAndMissingPathsAreReported() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "id: x\nbeats: [\n".write(to: dir.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        let lint = try Self.callsim(["lint", "x.yaml"], in: dir)
        #expect(lint.status == 1 && lint.stdout.hasPrefix("x.yaml:"))
        let test = try Self.callsim(["test", "x.yaml"], in: dir)
        #expect(test.status == 1 && test.stdout.hasSuffix("0 passed, 1 failed\n"))
        let missing = try Self.callsim(["lint", "nowhere.yaml"], in: dir)
        #expect(missing.status != 0 && missing.stderr.contains("nowhere.yaml: no such file or folder"))
    }

    @Test func graphPrintsDotAndMermaid() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.callsim(["new", "tw-graph", "--template", "complaint", "--output", "."], in: dir)
        let dot = try Self.callsim(["graph", "tw-graph.yaml"], in: dir)
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph \"tw-graph\" {") && dot.stdout.hasSuffix("}\n"))
        let mermaid = try Self.callsim(["graph", "./tw-graph.yaml", "--format", "mermaid"], in: dir)
        #expect(mermaid.status == 0 && mermaid.stdout.hasPrefix("flowchart TD\n"))
        let bad = try Self.callsim(["graph", "tw-graph.yaml", "--format", "svg"], in: dir)
        #expect(bad.status != 0 && bad.stderr.contains("dot or mermaid"))
    }
}
