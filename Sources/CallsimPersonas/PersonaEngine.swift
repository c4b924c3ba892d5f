import CallsimCore

/// A line the customer says; `id` is the variant id from the scenario file.
public struct CustomerLine: Sendable, Hashable, Codable {
    public var id: String
    public var text: String
    public init(id: String, text: String) { self.id = id; self.text = text }
}

/// What one agent action produced.
public struct EngineStep: Sendable, Hashable {
    public var lines: [CustomerLine]
    /// Set when the call ended with this step.
    public var ending: Ending?
    /// What happened inside the persona (beats, intents, mood changes), for debugging and tests.
    public var notes: [String]

    public init(lines: [CustomerLine] = [], ending: Ending? = nil, notes: [String] = []) {
        self.lines = lines
        self.ending = ending
        self.notes = notes
    }
}

/// The persona's inner state.
public struct PersonaState: Sendable, Hashable {
    public var mood: Mood
    /// Flags set, sorted.
    public var flags: [String]
    /// Facts revealed, in the order revealed.
    public var revealedFacts: [String]
    /// Objections raised, in the order raised.
    public var objectionsRaised: [String]
    public var objectionsResolved: [String]
    /// The beat the customer said last.
    public var beat: String?
    /// Unmatched agent lines in a row.
    public var misses: Int
    /// Silences in a row.
    public var silences: Int

    public var openObjections: [String] { objectionsRaised.filter { !objectionsResolved.contains($0) } }
}

public enum PersonaEngineError: Error, Sendable, CustomStringConvertible {
    case unknownStart(String, available: [String])
    case noBeats(String)

    public var description: String {
        switch self {
        case let .unknownStart(id, available):
            "no drill or beat '\(id)' in this scenario; drills: \(available.isEmpty ? "none" : available.joined(separator: ", "))"
        case let .noBeats(id):
            "scenario '\(id)' has no beats"
        }
    }
}

/// Plays a scenario's customer. Pure and deterministic: the same scenario, seed and agent
/// actions give the same call.
public struct PersonaEngine: Sendable {
    public let scenario: Scenario
    /// Taken once from the scenario (which compiles it on first use), not looked up each turn.
    private let matcher: IntentMatcher
    private var generator: SeededGenerator
    private var mood: Mood
    private var flags: Set<String>
    private var revealedFacts: [String]
    private var raised: [String]
    private var resolved: [String]
    private var currentBeat: Int?
    private var candidates: [Int]
    private var pendingOutcome: String?
    private var firedBeats: Set<Int> = []
    private var lastVariant: [String: Int] = [:]
    private var misses = 0
    private var silences = 0
    private var started = false
    private var hintStage = 0
    private let startBeat: Int
    private var turns: [Turn] = []
    public private(set) var ending: Ending?

    private let beatIndex: [String: Int]
    private let anytime: [Int]

    /// `drill` is a drill id or a beat id to start from; nil starts at the first beat.
    public init(scenario: Scenario, seed: UInt64, drill: String? = nil) throws {
        guard !scenario.beats.isEmpty else { throw PersonaEngineError.noBeats(scenario.id) }
        self.scenario = scenario
        matcher = scenario.matcher
        generator = SeededGenerator(seed: seed)
        var index: [String: Int] = [:]
        for (position, beat) in scenario.beats.enumerated() where index[beat.id] == nil { index[beat.id] = position }
        beatIndex = index
        anytime = scenario.beats.indices.filter { scenario.beats[$0].anytime }
        mood = scenario.persona.mood
        flags = []
        revealedFacts = []
        raised = []
        resolved = []
        candidates = []
        if let drill {
            if let found = scenario.drills.first(where: { $0.id == drill }), let start = index[found.from] {
                startBeat = start
                mood = found.mood
                flags = Set(found.flags)
                revealedFacts = found.facts
                raised = found.objections
            } else if let start = index[drill] {
                startBeat = start
            } else {
                throw PersonaEngineError.unknownStart(drill, available: scenario.drills.map(\.id))
            }
        } else {
            startBeat = 0
        }
    }

    // MARK: - Reading

    public var deadAirLimit: Double? { ending == nil ? scenario.persona.deadAir.limit : nil }

    public var state: PersonaState {
        PersonaState(
            mood: mood, flags: flags.sorted(), revealedFacts: revealedFacts, objectionsRaised: raised,
            objectionsResolved: resolved, beat: currentBeat.map { scenario.beats[$0].id }, misses: misses, silences: silences
        )
    }

    public var transcript: Transcript {
        var transcript = Transcript(headers: scenario.transcriptHeaders, turns: turns)
        if let ending { transcript.headers.append(.init(key: "outcome", value: ending.kind.rawValue)) }
        return transcript
    }

    /// The script's suggestion for the agent's next line.
    public func hint() -> String? {
        let script = scenario.script
        guard !script.isEmpty, ending == nil else { return nil }
        if let beat = currentBeat.map({ scenario.beats[$0].id }),
           let stage = script.first(where: { $0.after.contains(beat) }) {
            return stage.line
        }
        return script[min(hintStage, script.count - 1)].line
    }

    // MARK: - Acting

    /// The customer's first line: answering an outbound call, or opening an inbound one.
    public mutating func start() -> EngineStep {
        guard !started, ending == nil else { return EngineStep(ending: ending) }
        started = true
        var step = EngineStep()
        fire(beat: startBeat, into: &step)
        if scenario.beats[startBeat].next == nil {
            // A start beat without `next` continues with the beats of the first beat that leads to it.
            let id = scenario.beats[startBeat].id
            if let parent = scenario.beats.first(where: { $0.next?.contains(id) ?? false }), let next = parent.next {
                candidates = next.compactMap { beatIndex[$0] }
            }
        }
        finishTurn(&step)
        return step
    }

    public mutating func agentSays(_ line: String, responseSeconds: Double? = nil) -> EngineStep {
        guard ending == nil else { return EngineStep(ending: ending, notes: ["the call has ended"]) }
        if !started { return prefixed(start()) { $0.agentSays(line, responseSeconds: responseSeconds) } }
        var step = EngineStep()
        turns.append(Turn(speaker: .agent, text: line, responseSeconds: responseSeconds))
        silences = 0
        advanceHint()

        let matched = matcher.match(line)
        var intentIDs = Set(matched.map { scenario.intents[$0].id })
        // Behaviours (catalog indicator ids) count as intents too, so `on: listening.empathy` works.
        intentIDs.formUnion(matched.compactMap { scenario.intents[$0].behaviour })
        let intentNames = matched.map { scenario.intents[$0].id }.sorted()
        if !intentNames.isEmpty { step.notes.append("intents: \(intentNames.joined(separator: ", "))") }
        for index in matched {
            let intent = scenario.intents[index]
            apply(intent.effects, because: "intent \(intent.id)", into: &step)
        }
        if let responseSeconds, let limit = scenario.persona.deadAir.limit, responseSeconds > limit {
            apply(scenario.persona.deadAir.effects, because: "slow answer (\(Int(responseSeconds)) s)", into: &step)
        }

        // Objections the agent's line resolves.
        var resolvedNow: [Objection] = []
        for id in raised where !resolved.contains(id) {
            guard let objection = scenario.persona.objections.first(where: { $0.id == id }),
                  objection.resolvedBy.contains(where: intentIDs.contains) else { continue }
            resolved.append(id)
            resolvedNow.append(objection)
            step.notes.append("objection \(id) resolved")
            apply(objection.effects, because: "objection \(id) resolved", into: &step)
        }

        respond(to: intentIDs, resolvedNow: resolvedNow, into: &step)
        finishTurn(&step)
        return step
    }

    /// Dead air: the customer checks the line, and hangs up after enough silences in a row.
    public mutating func silence(seconds: Double) -> EngineStep {
        guard ending == nil else { return EngineStep(ending: ending, notes: ["the call has ended"]) }
        if !started { return prefixed(start()) { $0.silence(seconds: seconds) } }
        var step = EngineStep()
        let deadAir = scenario.persona.deadAir
        silences += 1
        step.notes.append("silence \(silences) (\(Int(seconds)) s)")
        if silences >= deadAir.hangupAfter {
            end(with: deadAir.ending, sayLine: true, because: "silence", into: &step)
        } else {
            apply(deadAir.effects, because: "silence", into: &step)
            say(deadAir.lines, key: "dead_air", into: &step)
        }
        finishTurn(&step)
        return step
    }

    public mutating func agentHangsUp() -> EngineStep {
        guard ending == nil else { return EngineStep(ending: ending, notes: ["the call has ended"]) }
        var step = EngineStep()
        step.notes.append("the agent hung up")
        if let outcome = pendingOutcome, let found = scenario.ending(outcome) {
            ending = found
        } else {
            ending = Ending(id: "agent_hangup", kind: scenario.direction == .outbound && scenario.kind == .sales ? .noSale : .hangup)
        }
        step.ending = ending
        if let ending { step.notes.append("ending \(ending.id) (\(ending.kind.rawValue))") }
        return step
    }

    // MARK: - Inside

    /// The opener (when the caller acted before `start`) followed by the action's own step.
    private mutating func prefixed(_ opener: EngineStep, _ action: (inout PersonaEngine) -> EngineStep) -> EngineStep {
        guard opener.ending == nil else { return opener }
        let rest = action(&self)
        return EngineStep(lines: opener.lines + rest.lines, ending: rest.ending, notes: opener.notes + rest.notes)
    }

    private mutating func respond(to intents: Set<String>, resolvedNow: [Objection], into step: inout EngineStep) {
        // Order: anytime beats, facts asked for, current beats by intent, an objection's reply, current `otherwise` beats, fallback.
        for index in anytime {
            guard case .intents(let list) = scenario.beats[index].trigger, list.contains(where: intents.contains), eligible(index) else { continue }
            fire(beat: index, into: &step)
            return
        }
        for fact in scenario.persona.facts where !revealedFacts.contains(fact.id) && fact.trigger.contains(where: intents.contains) {
            revealedFacts.append(fact.id)
            step.notes.append("fact \(fact.id) revealed")
            apply(fact.effects, because: "fact \(fact.id)", into: &step)
            say(fact.lines, key: "fact.\(fact.id)", into: &step)
            misses = 0
            return
        }
        for index in candidates {
            guard case .intents(let list) = scenario.beats[index].trigger, list.contains(where: intents.contains), eligible(index) else { continue }
            fire(beat: index, into: &step)
            return
        }
        if let objection = resolvedNow.first(where: { !$0.reply.isEmpty }) {
            say(objection.reply, key: "reply.\(objection.id)", into: &step)
            misses = 0
            return
        }
        for index in candidates where scenario.beats[index].trigger == .otherwise && eligible(index) {
            fire(beat: index, into: &step)
            return
        }
        if !resolvedNow.isEmpty {
            // Resolving an objection is progress even when the scenario has nothing to say to it.
            misses = 0
            return
        }
        fallback(into: &step)
    }

    private func eligible(_ index: Int) -> Bool {
        let beat = scenario.beats[index]
        if beat.once, firedBeats.contains(index) { return false }
        return beat.conditions.allSatisfy(holds)
    }

    private func holds(_ condition: Condition) -> Bool {
        let result: Bool
        switch condition.test {
        case let .mood(key, comparison, value):
            let current = mood[key]
            switch comparison {
            case .less: result = current < value
            case .lessOrEqual: result = current <= value
            case .greater: result = current > value
            case .greaterOrEqual: result = current >= value
            case .equal: result = current == value
            case .notEqual: result = current != value
            }
        case .flag(let flag): result = flags.contains(flag)
        case .fact(let fact): result = revealedFacts.contains(fact)
        case .objection(let id): result = raised.contains(id) && !resolved.contains(id)
        case .resolved(let id): result = resolved.contains(id)
        }
        return result != condition.negated
    }

    private mutating func fire(beat index: Int, into step: inout EngineStep) {
        let beat = scenario.beats[index]
        firedBeats.insert(index)
        currentBeat = index
        misses = 0
        step.notes.append("beat \(beat.id)")
        apply(beat.effects, because: "beat \(beat.id)", into: &step)
        var lines = beat.lines
        if let objectionID = beat.raises, let objection = scenario.persona.objections.first(where: { $0.id == objectionID }) {
            if !raised.contains(objectionID) { raised.append(objectionID) }
            resolved.removeAll { $0 == objectionID }
            step.notes.append("objection \(objectionID) raised")
            if lines.isEmpty { lines = objection.lines }
        }
        if let next = beat.next {
            candidates = next.compactMap { beatIndex[$0] }
        }
        if let outcome = beat.outcome { pendingOutcome = outcome }
        if let endID = beat.end {
            if !lines.isEmpty { say(lines, key: "beat.\(beat.id)", into: &step) }
            end(with: endID, sayLine: lines.isEmpty, because: "beat \(beat.id)", into: &step)
        } else {
            say(lines, key: "beat.\(beat.id)", into: &step)
        }
    }

    private mutating func fallback(into step: inout EngineStep) {
        let fallback = scenario.fallback
        misses += 1
        step.notes.append("fallback \(misses)")
        if misses >= fallback.hangupAfter {
            end(with: fallback.ending, sayLine: true, because: "fallback", into: &step)
            return
        }
        apply(fallback.effects, because: "fallback", into: &step)
        if misses == 1 || fallback.impatient.isEmpty {
            say(fallback.confused, key: "fallback.confused", into: &step)
        } else {
            say(fallback.impatient, key: "fallback.impatient", into: &step)
        }
    }

    /// After every action: mood thresholds, then the transcript.
    private mutating func finishTurn(_ step: inout EngineStep) {
        if ending == nil {
            for threshold in scenario.thresholds where threshold.conditions.allSatisfy(holds) {
                step.notes.append("threshold \(threshold.conditions.map(\.text).joined(separator: ", "))")
                replaceLastLinesWithEnding(threshold.end, step: &step)
                break
            }
        }
        if ending == nil, mood.patience <= 0 {
            step.notes.append("threshold patience <= 0")
            replaceLastLinesWithEnding(nil, step: &step)
        }
        for line in step.lines { turns.append(Turn(speaker: .customer, text: line.text)) }
        step.ending = ending
    }

    /// A threshold ending takes the place of what the customer was about to say this turn.
    private mutating func replaceLastLinesWithEnding(_ id: String?, step: inout EngineStep) {
        step.lines.removeAll()
        end(with: id, sayLine: true, because: "threshold", into: &step)
    }

    private mutating func end(with id: String?, sayLine: Bool, because reason: String, into step: inout EngineStep) {
        let found = id.flatMap { scenario.ending($0) } ?? defaultHangup
        ending = found
        step.notes.append("ending \(found.id) (\(found.kind.rawValue)) by \(reason)")
        if sayLine { say(found.lines, key: "ending.\(found.id)", into: &step) }
    }

    private var defaultHangup: Ending {
        if let found = scenario.endings.first(where: { $0.kind == .hangup }) { return found }
        let text = scenario.language == .zhTW ? "好了，我要掛了。" : "Okay, I'm hanging up now."
        return Ending(id: "hangup", kind: .hangup, lines: [LineVariant(id: "hangup", text: text)])
    }

    private mutating func apply(_ effects: Effects, because reason: String, into step: inout EngineStep) {
        for key in MoodKey.allCases {
            guard let delta = effects.mood[key], delta != 0 else { continue }
            let before = mood[key]
            mood[key] = before + delta
            step.notes.append("\(key.rawValue) \(before)→\(mood[key]) (\(reason))")
        }
        for flag in effects.set where flags.insert(flag).inserted { step.notes.append("flag \(flag) set") }
        for flag in effects.clear where flags.remove(flag) != nil { step.notes.append("flag \(flag) cleared") }
    }

    /// Picks a variant with the seeded generator, avoiding the one said last time from the same group.
    private mutating func say(_ variants: [LineVariant], key: String, into step: inout EngineStep) {
        guard !variants.isEmpty else { return }
        var choice = 0
        if variants.count > 1 {
            choice = Int(generator.next() % UInt64(variants.count))
            if let previous = lastVariant[key], previous == choice { choice = (choice + 1) % variants.count }
        }
        lastVariant[key] = choice
        step.lines.append(CustomerLine(id: variants[choice].id, text: variants[choice].text))
    }

    private mutating func advanceHint() {
        guard !scenario.script.isEmpty else { return }
        if let beat = currentBeat.map({ scenario.beats[$0].id }),
           let stage = scenario.script.firstIndex(where: { $0.after.contains(beat) }) {
            hintStage = max(hintStage, stage + 1)
        } else {
            hintStage += 1
        }
        hintStage = min(hintStage, scenario.script.count - 1)
    }
}
