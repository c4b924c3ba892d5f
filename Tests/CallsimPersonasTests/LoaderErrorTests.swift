import CallsimCore
import Testing
@testable import CallsimPersonas

/// One test per kind of problem: the message and where it points.
@Suite struct LoaderErrorTests {
    /// The errors, without warnings.
    func only(_ yaml: String) -> [String] {
        diagnostics(yaml).filter { $0.severity == .error }.map(\.description)
    }

    func warnings(_ yaml: String) -> [String] {
        diagnostics(yaml).filter { $0.severity == .warning }.map(\.description)
    }

    @Test func minimalScenarioLoads() throws {
        let scenario = try ScenarioLoader.load(yaml: minimalScenario, file: "t.yaml")
        #expect(scenario.id == "mini")
        #expect(scenario.beats.map(\.id) == ["answer", "agree"])
        #expect(diagnostics(minimalScenario).isEmpty)
    }

    @Test func unknownKeySuggestsTheNearestKey() {
        let found = only(minimalScenario.replacingOccurrences(of: "title: Mini", with: "titel: Mini"))
        #expect(found.contains("t.yaml:2:1: error: unknown key 'titel' in the scenario; did you mean 'title'?"))
        #expect(found.contains("t.yaml:1:1: error: missing required key 'title' in the scenario"))
    }

    @Test func unknownNestedKey() {
        let found = only(minimalScenario.replacingOccurrences(of: "    say: Sure, go ahead.", with: "    says: Sure, go ahead."))
        #expect(found.contains("t.yaml:18:5: error: unknown key 'says' in a beat; did you mean 'say'?"))
    }

    @Test func wrongType() {
        let found = only(minimalScenario.replacingOccurrences(of: "kind: sales", with: "kind: [sales]"))
        #expect(found == ["t.yaml:4:7: error: kind must be text, found a list"])
        let boolean = only(minimalScenario.replacingOccurrences(of: "  company: Farstar", with: "  company: Farstar\n  recording: maybe"))
        #expect(boolean == ["t.yaml:12:14: error: campaign.recording must be true or false, found 'maybe'"])
    }

    @Test func badEnumValueSuggests() {
        let found = only(minimalScenario.replacingOccurrences(of: "kind: sales", with: "kind: sale"))
        #expect(found == ["t.yaml:4:7: error: kind must be one of sales, complaint, service, found 'sale'; did you mean 'sales'?"])
    }

    @Test func danglingBeat() {
        let found = only(minimalScenario.replacingOccurrences(of: "next: [agree]", with: "next: [agre]"))
        #expect(found == ["t.yaml:15:12: error: beat 'answer' next refers to unknown beat 'agre'; did you mean 'agree'?"])
    }

    @Test func danglingEnding() {
        let found = only(minimalScenario.replacingOccurrences(of: "    say: Sure, go ahead.", with: "    say: Sure, go ahead.\n    end: byee"))
        #expect(found == ["t.yaml:19:10: error: beat 'agree' end refers to unknown ending 'byee'; did you mean 'bye'?"])
    }

    @Test func danglingIntent() {
        let found = only(minimalScenario.replacingOccurrences(of: "on: permission", with: "on: permision"))
        #expect(found == ["t.yaml:17:9: error: beat 'agree' on refers to unknown intent 'permision'; did you mean 'permission'?"])
    }

    @Test func danglingFact() {
        let found = only(minimalScenario.replacingOccurrences(of: "on: permission", with: "on: permission\n    if: fact secret"))
        #expect(found == ["t.yaml:18:9: error: condition 'fact secret' refers to unknown fact 'secret'"])
    }

    @Test func unreadableCondition() {
        let found = only(minimalScenario.replacingOccurrences(of: "on: permission", with: "on: permission\n    if: trst >= 40"))
        #expect(found == ["t.yaml:18:9: error: unknown mood 'trst' in condition 'trst >= 40'; did you mean 'trust'?"])
    }

    @Test func unknownIndicator() {
        let found = only(minimalScenario + "\nrubric:\n  indicators: [compliance.identfy]")
        #expect(found == ["t.yaml:24:16: error: unknown indicator id 'compliance.identfy'; did you mean 'compliance.identify'?"])
    }

    @Test func missingRequiredField() {
        let found = only(minimalScenario.replacingOccurrences(of: "  temperament: friendly\n", with: ""))
        #expect(found == ["t.yaml:7:3: error: missing required key 'temperament' in persona"])
    }

    @Test func duplicateIDs() {
        let found = only(minimalScenario + "\n  - id: bye\n    kind: dnc")
        #expect(found == ["t.yaml:23:9: error: duplicate ending id 'bye' (first defined at 20:9)"])
        let lines = only(minimalScenario.replacingOccurrences(of: "    say: Sure, go ahead.", with: "    say: [{id: hi, text: Sure}, {id: hi, text: Yes}]"))
        #expect(lines == ["t.yaml:18:38: error: duplicate line id 'hi' (first defined at 18:16)"])
    }

    @Test func duplicateKey() {
        let found = diagnostics(minimalScenario.replacingOccurrences(of: "title: Mini", with: "title: Mini\ntitle: Again"))
        #expect(found.count == 1)
        #expect(found.first?.message == "duplicate key 'title' in one mapping")
        #expect(found.first?.line == 2)
    }

    @Test func yamlSyntax() {
        let found = diagnostics(minimalScenario.replacingOccurrences(of: "    say: Hello?", with: "    say: [Hello?"))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("YAML syntax:") == true)
        #expect((found.first?.line ?? 0) >= 14)
    }

    @Test func emptyFile() {
        #expect(only("") == ["t.yaml:1:1: error: the scenario file is empty"])
        #expect(only("# nothing but a comment\n") == ["t.yaml:1:1: error: the scenario file is empty"])
        #expect(only("just text") == ["t.yaml:1:1: error: the scenario must be a mapping, found a scalar"])
    }

    @Test func everyErrorAtOnce() {
        var yaml = minimalScenario.replacingOccurrences(of: "title: Mini", with: "titel: Mini")
        yaml = yaml.replacingOccurrences(of: "next: [agree]", with: "next: [agre]")
        yaml = yaml.replacingOccurrences(of: "on: permission", with: "on: permision")
        yaml += "\nrubric:\n  indicators: [compliance.identfy]"
        let found = diagnostics(yaml).filter { $0.severity == .error }
        #expect(found.count == 5)
        let lines = found.map { $0.line ?? 0 }
        #expect(lines == lines.sorted())
        #expect(throws: DiagnosticList.self) { try ScenarioLoader.load(yaml: yaml, file: "t.yaml") }
    }

    @Test func anytimeBeatNeedsIntents() {
        let found = only(minimalScenario.replacingOccurrences(of: "    on: permission\n", with: "    anytime: true\n"))
        #expect(found == ["t.yaml:16:9: error: beat 'agree' is anytime but has no 'on' intents: it would answer every line"])
    }

    @Test func moodOutOfRange() {
        let found = only(minimalScenario.replacingOccurrences(of: "  temperament: friendly", with: "  temperament: friendly\n  mood: {patience: 120}"))
        #expect(found == ["t.yaml:10:20: error: patience must be between 0 and 100, found 120"])
    }

    @Test func warningsForWhatCanNeverHappen() throws {
        var yaml = minimalScenario.replacingOccurrences(of: "on: permission", with: "on: permission\n    if: flag permision")
        yaml = yaml.replacingOccurrences(of: "    say: Hello?\n", with: "    say: Hello?\n    set: [permission]\n")
        yaml += "\n  - {id: unused, kind: dnc}\nintents:\n  - id: idle\n    keywords: [idle]"
        yaml = yaml.replacingOccurrences(of: "endings:\n", with: "  - id: lonely\n    on: greeting\n    say: Hi.\nendings:\n")
        #expect(only(yaml) == [])
        let found = warnings(yaml)
        #expect(found.contains("t.yaml:21:9: warning: beat 'lonely' is never reached: no beat's 'next' names it, it is not anytime and no drill starts there"))
        #expect(found.contains("t.yaml:19:9: warning: flag 'permision' is tested but nothing sets it; did you mean 'permission'?"))
        #expect(found.contains { $0.hasSuffix("warning: ending 'unused' is never reached: no beat, threshold, fallback or dead air ends there") })
        #expect(found.contains { $0.hasSuffix("warning: intent 'idle' is never used: no beat, fact or objection names it and it changes nothing") })
        // Warnings alone do not stop a scenario from loading.
        #expect(throws: Never.self) { try ScenarioLoader.load(yaml: yaml, file: "t.yaml") }
    }
}
