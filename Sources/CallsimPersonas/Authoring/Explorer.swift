import CallsimCore

/// Plays many seeded calls with agent lines drawn from the scenario's own intents (their
/// examples and keywords), some noise and some silence, to find beats no call reaches and
/// stretches where the customer goes on answering with nothing changing.
public struct Explorer: Sendable {
    public struct Report: Sendable, Hashable {
        public var calls: Int
        /// Beats no call said, in file order.
        public var unreachedBeats: [String]
        /// Ending id → calls that ended with it, sorted by id.
        public var endings: [(String, Int)]
        /// Calls still going after `maxTurns` agent actions.
        public var unfinished: Int
        /// Beats that answered `loopTurns` agent lines in a row with the persona's state unchanged.
        public var loops: [Loop]
        /// Calls the engine could not start, with the reason.
        public var errors: [String]

        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.calls == rhs.calls && lhs.unreachedBeats == rhs.unreachedBeats && lhs.unfinished == rhs.unfinished
                && lhs.loops == rhs.loops && lhs.errors == rhs.errors
                && lhs.endings.map(\.0) == rhs.endings.map(\.0) && lhs.endings.map(\.1) == rhs.endings.map(\.1)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(calls); hasher.combine(unreachedBeats); hasher.combine(unfinished)
        }
    }

    public struct Loop: Sendable, Hashable {
        public var beats: [String]
        public var seed: UInt64
        public var start: String?
    }

    public var scenario: Scenario
    public var maxTurns = 40
    public var loopTurns = 12

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// Lines that say an intent: its examples, and its keywords made into phrases.
    func phrases(of intent: Intent) -> [String] {
        var lines = intent.examples
        for keyword in intent.keywords {
            let phrase = keyword.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
                .map { $0.hasSuffix("*") ? String($0.dropLast()) : $0 }.joined(separator: " ")
            if !phrase.isEmpty { lines.append(phrase) }
        }
        return lines
    }

    /// Agent lines the explorer draws from: every example, and every keyword made into a phrase.
    public var vocabulary: [String] {
        var lines: [String] = []
        for intent in scenario.intents { lines += phrases(of: intent) }
        lines += [scenario.persona.address, scenario.campaign.company] + [scenario.campaign.product, scenario.campaign.price].compactMap { $0 }
        var seen = Set<String>()
        return lines.filter { seen.insert($0).inserted }
    }

    static let noise: [Language: [String]] = [
        .zhTW: ["嗯嗯", "今天天氣不錯", "我剛剛在想晚餐要吃什麼", "這個嘛……", "稍等一下喔"],
        .en: ["Hmm", "Nice weather today", "I was thinking about dinner", "Well...", "Hold on a second"],
    ]

    public func run(calls: Int, seed: UInt64) -> Report {
        var generator = SeededGenerator(seed: seed)
        let pool = vocabulary
        let noise = Self.noise[scenario.language] ?? []
        let starts: [String?] = [nil] + scenario.drills.map(\.id)
        var byIntent: [String: [String]] = [:]
        for intent in scenario.intents { byIntent[intent.id, default: []] += phrases(of: intent) }
        let anytimeIntents = scenario.beats.filter(\.anytime).flatMap { beat -> [String] in
            if case .intents(let ids) = beat.trigger { return ids }
            return []
        }
        func listAfterStart(_ beat: Beat) -> [String] {
            beat.next ?? scenario.beats.first { $0.next?.contains(beat.id) ?? false }?.next ?? []
        }
        var reached = Set<String>()
        var endings: [String: Int] = [:]
        var unfinished = 0
        var loops: [Loop] = []
        var loopKeys = Set<[String]>()
        var errors: [String] = []

        for call in 0..<max(0, calls) {
            let callSeed = generator.next()
            let start = starts[call % starts.count]
            var engine: PersonaEngine
            do {
                engine = try PersonaEngine(scenario: scenario, seed: callSeed, drill: start)
            } catch {
                errors.append("\(error)")
                continue
            }
            _ = engine.start()
            if let beat = engine.state.beat { reached.insert(beat) }
            // The current beats, followed as the engine does, to aim most lines at them.
            var current = engine.state.beat.flatMap(scenario.beat).map(listAfterStart) ?? []
            var sameState = 0
            var loopBeats: [String] = []
            var previous = engine.state
            for _ in 0..<maxTurns {
                if engine.ending != nil { break }
                let roll = generator.nextUnit()
                let action: AgentAction
                if roll < 0.04 {
                    action = .silence(20)
                } else if roll < 0.14 || pool.isEmpty {
                    action = .say(noise.isEmpty ? "..." : noise[Int(generator.next() % UInt64(noise.count))])
                } else if roll < 0.7 {
                    // A line aimed at one of the current beats (or an interruption).
                    var intents = current.compactMap(scenario.beat).flatMap { beat -> [String] in
                        if case .intents(let ids) = beat.trigger { return ids }
                        return []
                    }
                    if intents.isEmpty || generator.nextUnit() < 0.1 { intents += anytimeIntents }
                    let lines = intents.flatMap { byIntent[$0] ?? [] }
                    let choices = lines.isEmpty ? pool : lines
                    action = .say(choices[Int(generator.next() % UInt64(choices.count))])
                } else {
                    action = .say(pool[Int(generator.next() % UInt64(pool.count))])
                }
                let step = engine.perform(action)
                for note in step.notes where note.hasPrefix("beat ") {
                    let id = String(note.dropFirst(5))
                    reached.insert(id)
                    if let next = scenario.beat(id)?.next { current = next }
                }
                let state = engine.state
                let firedBeat = step.notes.contains { $0.hasPrefix("beat ") }
                if firedBeat, state == previous, let beat = state.beat {
                    sameState += 1
                    if !loopBeats.contains(beat) { loopBeats.append(beat) }
                    if sameState >= loopTurns, loopKeys.insert(loopBeats.sorted()).inserted {
                        loops.append(Loop(beats: loopBeats, seed: callSeed, start: start))
                    }
                } else {
                    sameState = 0
                    loopBeats = []
                }
                previous = state
            }
            if let ending = engine.ending { endings[ending.id, default: 0] += 1 } else { unfinished += 1 }
        }
        return Report(
            calls: max(0, calls), unreachedBeats: scenario.beats.map(\.id).filter { !reached.contains($0) },
            endings: endings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, unfinished: unfinished,
            loops: loops, errors: errors
        )
    }
}
