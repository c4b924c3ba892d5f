import ArgumentParser
import CallsimCore
import CallsimPersonas
import CallsimScoring
import Foundation

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play a scenario with the agent's lines from a file and print the call.",
        discussion: """
        The script has one agent line per line; blank lines and lines starting with # are skipped.
        `/silence [SECONDS]` stands for dead air and `/hangup` for the agent hanging up; otherwise
        there is no dead air in a replay. When the lines run out the agent hangs up.
        """
    )

    @Argument(help: "Scenario id (see `callsim list`).")
    var id: String

    @Option(help: ArgumentHelp("File of agent lines.", valueName: "FILE"))
    var script: String

    @Option(help: "Seed for the customer's choice of words.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Play the scenario's version in this language (zh-TW or en).", valueName: "LANG"))
    var lang: String?

    @Option(help: ArgumentHelp("Start at a drill or beat.", valueName: "DRILL"))
    var from: String?

    @Flag(help: "Print one JSON object.")
    var json = false

    @Flag(help: "Print what happened inside the persona (beats, intents, mood) on stderr.")
    var trace = false

    @Option(help: ArgumentHelp("Folder of scenario files.", valueName: "DIR"))
    var personas: String?

    @Option(help: .hidden)
    var bench: Int?

    func run() throws {
        var language: Language?
        if let lang {
            guard let parsed = Language(code: lang) else { throw CLIError("--lang must be zh-TW or en, found '\(lang)'") }
            language = parsed
        }
        let catalog = try ScenarioCatalog(override: personas)
        let scenario = try catalog.scenario(id: id, language: language)
        let actions = try Self.readScript(script)

        if let bench {
            try Self.benchmark(scenario: scenario, actions: actions, seed: seed, drill: from, rounds: max(1, bench))
            return
        }

        let call = try Self.play(scenario: scenario, actions: actions, seed: seed, drill: from)
        if trace { for note in call.notes { Console.error(note) } }
        if call.unusedLines > 0 {
            Console.error("\(script): the call ended before the last \(call.unusedLines) agent line(s)")
        }
        let card = scenario.score(call.transcript)
        if json {
            print(try Self.json(call: call, scenario: scenario, seed: seed, scorecard: card, file: script))
        } else {
            var text = Self.render(call.transcript) + "\n"
            text += ScoreReport.render(
                transcript: call.transcript, scorecard: card, title: scenario.title,
                suggestions: scenario.suggestions(for: scenario.language), language: scenario.language, color: Console.useColor)
            if let pass = scenario.rubric.pass {
                let zh = scenario.language == .zhTW
                let verdict = card.score >= pass ? (zh ? "通過" : "passed") : (zh ? "未通過" : "not passed")
                text += (text.hasSuffix("\n") ? "" : "\n") + (zh ? "合格分數 \(pass)：\(verdict)" : "Pass mark \(pass): \(verdict)")
            }
            print(text)
        }
    }

    struct PlayedCall {
        var transcript: Transcript
        /// Customer line id per turn index (nil for agent turns).
        var lineIDs: [String?]
        var ending: Ending?
        var unusedLines: Int
        var notes: [String]
    }

    static func readScript(_ path: String) throws -> [AgentAction] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path): the file is not UTF-8 text") }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !lines.isEmpty else {
            throw CLIError("\(path): no agent lines (blank lines and lines starting with # are skipped)")
        }
        return lines.map(AgentAction.init(scriptLine:))
    }

    static func play(scenario: Scenario, actions: [AgentAction], seed: UInt64, drill: String?) throws -> PlayedCall {
        var engine: PersonaEngine
        do {
            engine = try PersonaEngine(scenario: scenario, seed: seed, drill: drill)
        } catch {
            throw CLIError("\(error)")
        }
        var lineIDs: [String?] = []
        var notes: [String] = []
        func record(_ step: EngineStep, agentTurn: Bool) {
            if agentTurn { lineIDs.append(nil) }
            lineIDs += step.lines.map { Optional($0.id) }
            notes += step.notes
        }
        record(engine.start(), agentTurn: false)
        var used = 0
        for action in actions {
            if engine.ending != nil { break }
            used += 1
            switch action {
            case .say(let line):
                notes.append("A: \(line)")
                record(engine.agentSays(line), agentTurn: true)
            case .silence, .hangUp:
                record(engine.perform(action), agentTurn: false)
            }
        }
        if engine.ending == nil { record(engine.agentHangsUp(), agentTurn: false) }
        return PlayedCall(transcript: engine.transcript, lineIDs: lineIDs, ending: engine.ending,
                          unusedLines: actions.count - used, notes: notes)
    }

    /// The transcript in the transcript file format (`# key: value` header, then `C:` and `A:` turns).
    static func render(_ transcript: Transcript) -> String {
        var text = ""
        for header in transcript.headers { text += "# \(header.key): \(header.value)\n" }
        for turn in transcript.turns {
            text += "\(turn.speaker == .agent ? "A" : "C"): \(turn.text.replacingOccurrences(of: "\n", with: " "))\n"
        }
        return text
    }

    /// One JSON object: the call (turns with customer line ids, ending) and, under `score`,
    /// the scorer's `score --json` object unchanged.
    static func json(call: PlayedCall, scenario: Scenario, seed: UInt64, scorecard: Scorecard, file: String) throws -> String {
        var turns: [[String: Any]] = []
        for (index, turn) in call.transcript.turns.enumerated() {
            var entry: [String: Any] = ["n": index + 1, "speaker": turn.speaker.rawValue, "text": turn.text]
            if index < call.lineIDs.count, let id = call.lineIDs[index] { entry["line"] = id }
            turns.append(entry)
        }
        var object: [String: Any] = [
            "scenario": scenario.id,
            "seed": seed,
            "lang": scenario.language.rawValue,
            "direction": scenario.direction.rawValue,
            "turns": turns,
        ]
        if let ending = call.ending { object["ending"] = ["id": ending.id, "kind": ending.kind.rawValue] }
        if let pass = scenario.rubric.pass {
            object["pass"] = pass
            object["passed"] = scorecard.score >= pass
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        var text = String(decoding: data, as: UTF8.self)
        // The scorer writes its object in its documented key order; splice it in as is.
        text.removeLast()
        return text + ",\"score\":" + scorecard.jsonLine(file: file) + "}"
    }

    /// Plays the script `rounds` times and reports the core's time per agent turn: the engine's
    /// answer plus scoring the call so far (what the call screen does after each line).
    static func benchmark(scenario: Scenario, actions: [AgentAction], seed: UInt64, drill: String?, rounds: Int) throws {
        let clock = ContinuousClock()
        let context = scenario.callContext()
        let rubric = scenario.scoringRubric
        let scorer = Scorer()
        var samples: [Double] = []
        for round in 0..<rounds {
            var engine: PersonaEngine
            do {
                engine = try PersonaEngine(scenario: scenario, seed: seed &+ UInt64(round), drill: drill)
            } catch {
                throw CLIError("\(error)")
            }
            _ = engine.start()
            for action in actions where engine.ending == nil {
                guard case .say(let line) = action else { _ = engine.perform(action); continue }
                let elapsed = clock.measure {
                    _ = engine.agentSays(line)
                    _ = scorer.score(engine.transcript, context: context, rubric: rubric)
                }
                samples.append(Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
            }
        }
        samples.sort()
        func percentile(_ p: Double) -> Double { samples.isEmpty ? 0 : samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
        print("\(scenario.id): \(rounds) calls, \(samples.count) agent turns; engine + scoring per turn: "
              + "median \(String(format: "%.1f", percentile(0.5))) µs, p95 \(String(format: "%.1f", percentile(0.95))) µs")
    }
}
