import CallsimCore
import Foundation

/// A golden test played through the engine: the call it produced and how it differs from
/// the expected customer lines and ending. Indicator statuses and scores are checked by
/// whoever scores the transcript.
public struct GoldenRun: Sendable {
    public var test: GoldenTest
    public var transcript: Transcript
    public var customerLineIDs: [String]
    public var ending: Ending?
    /// Differences from the test's `customer` and `ending`; empty when they match.
    public var failures: [String]

    public var passed: Bool { failures.isEmpty }
}

/// An agent action in a script of agent lines: a line, dead air, or hanging up.
public enum AgentAction: Sendable, Hashable {
    case say(String)
    case silence(Double)
    case hangUp

    /// `/silence [SECONDS]` and `/hangup` are actions; anything else is a line.
    public init(scriptLine: String) {
        let trimmed = scriptLine.trimmed(.whitespaces)
        let words = trimmed.split(separator: " ")
        if words.first == "/hangup" {
            self = .hangUp
        } else if words.first == "/silence" {
            self = .silence(words.count > 1 ? Double(words[1]) ?? 20 : 20)
        } else {
            self = .say(trimmed)
        }
    }
}

extension PersonaEngine {
    public mutating func perform(_ action: AgentAction) -> EngineStep {
        switch action {
        case .say(let line): agentSays(line)
        case .silence(let seconds): silence(seconds: seconds)
        case .hangUp: agentHangsUp()
        }
    }
}

extension Scenario {
    /// Plays a golden test; a test whose start point does not exist fails with that reason.
    public func play(_ test: GoldenTest) -> GoldenRun {
        var engine: PersonaEngine
        do {
            engine = try PersonaEngine(scenario: self, seed: test.seed, drill: test.from)
        } catch {
            return GoldenRun(test: test, transcript: Transcript(), customerLineIDs: [], ending: nil, failures: ["\(error)"])
        }
        var ids = engine.start().lines.map(\.id)
        for line in test.agent {
            if engine.ending != nil { break }
            ids += engine.perform(AgentAction(scriptLine: line)).lines.map(\.id)
        }
        var failures: [String] = []
        if let expected = test.customer {
            let owners = lineOwners
            let matches = expected.count == ids.count
                && zip(expected, ids).allSatisfy { $0 == $1 || owners[$1] == $0 || $1.hasPrefix($0 + ".") }
            if !matches {
                failures.append("customer lines: expected [\(expected.joined(separator: ", "))], got [\(ids.joined(separator: ", "))]")
            }
        }
        if let expected = test.ending, engine.ending?.id != expected {
            failures.append("ending: expected \(expected), got \(engine.ending?.id ?? "none (the call did not end)")")
        }
        return GoldenRun(test: test, transcript: engine.transcript, customerLineIDs: ids, ending: engine.ending, failures: failures)
    }

    /// Line id → the id of the beat, fact, objection or ending that says it.
    var lineOwners: [String: String] {
        var owners: [String: String] = [:]
        for beat in beats { for line in beat.lines { owners[line.id] = beat.id } }
        for fact in persona.facts { for line in fact.lines { owners[line.id] = fact.id } }
        for objection in persona.objections { for line in objection.lines + objection.reply { owners[line.id] = objection.id } }
        for ending in endings { for line in ending.lines { owners[line.id] = ending.id } }
        return owners
    }
}
