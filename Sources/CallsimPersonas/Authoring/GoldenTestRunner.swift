import CallsimCore

/// The verdict on one golden test.
public struct GoldenTestResult: Sendable {
    public enum Verdict: Sendable, Hashable {
        case passed
        case failed([String])
        /// The test itself cannot be run as written; the message says why.
        case broken(String)
    }

    public var scenarioID: String
    public var file: String
    public var test: GoldenTest
    public var verdict: Verdict
    /// Expected and actual customer lines, when the customer lines differ.
    public var comparison: SideBySide?
    /// The agent line just before the first differing customer line.
    public var agentBeforeDifference: String?
    public var score: CallScore?
    /// Expectations left unchecked (indicator statuses and scores when no scorer is at hand).
    public var unchecked: [String] = []

    public var passed: Bool { verdict == .passed }
}

/// Plays a scenario's golden tests and checks customer lines, ending, indicator statuses
/// and score range (scored by the scenario's own context and rubric).
public struct GoldenTestRunner: Sendable {
    public var scoring: (any ScenarioScoring)?

    public init(scoring: (any ScenarioScoring)? = nil) {
        self.scoring = scoring
    }

    public func run(_ scenario: Scenario) -> [GoldenTestResult] {
        scenario.tests.map { run($0, in: scenario) }
    }

    public func run(_ test: GoldenTest, in scenario: Scenario) -> GoldenTestResult {
        var result = GoldenTestResult(scenarioID: scenario.id, file: scenario.file, test: test, verdict: .passed)
        if let from = test.from, !scenario.drills.contains(where: { $0.id == from }), scenario.beat(from) == nil {
            result.verdict = .broken("'from: \(from)' is neither a drill nor a beat")
            return result
        }
        let needsScore = !test.indicators.isEmpty || test.minScore != nil || test.maxScore != nil
        if needsScore, scoring == nil {
            result.unchecked = test.indicators.map(\.id) + (test.minScore == nil ? [] : ["min_score"]) + (test.maxScore == nil ? [] : ["max_score"])
        }
        if let scoring {
            let unknown = test.indicators.map(\.id).filter { !scoring.catalog.contains($0) }
            if !unknown.isEmpty {
                result.verdict = .broken("expects unknown indicator(s) \(unknown.joined(separator: ", "))")
                return result
            }
        }
        let owners = scenario.lineOwners
        let known = Set(scenario.lineIDs).union(owners.values)
        if let expected = test.customer, let bad = expected.first(where: { !known.contains($0) && !$0.hasPrefix("fallback.") && !$0.hasPrefix("dead_air") }) {
            result.verdict = .broken("expects customer line '\(bad)', which is no line, beat, fact, objection or ending of '\(scenario.id)'")
            return result
        }

        let run = scenario.play(test)
        var failures = run.failures.filter { !$0.hasPrefix("customer lines:") }
        if let expected = test.customer {
            let actualTexts = run.transcript.turns.filter { $0.speaker == .customer }.map(\.text)
            let actual = run.customerLineIDs.enumerated().map { index, id in
                "\(id): \(index < actualTexts.count ? actualTexts[index] : "")"
            }
            let texts = Dictionary(lineTexts(scenario), uniquingKeysWith: { first, _ in first })
            let expectedRows = expected.map { id in "\(id): \(texts[id] ?? "")" }
            let ids = run.customerLineIDs
            let comparison = SideBySide(expected: expectedRows, actual: actual) { index in
                let want = expected[index], got = ids[index]
                return want == got || owners[got] == want || got.hasPrefix(want + ".")
            }
            if let first = comparison.firstDifference {
                failures.insert("customer lines differ from line \(first + 1)", at: 0)
                result.comparison = comparison
                result.agentBeforeDifference = agentLine(before: first, in: run.transcript)
            }
        }
        if let scoring {
            let score = scoring.score(run.transcript, for: scenario)
            result.score = score
            for expectation in test.indicators {
                let actual = score.statuses[expectation.id] ?? "na"
                if actual != expectation.status {
                    failures.append("\(expectation.id): expected \(expectation.status), got \(actual)")
                }
            }
            if let minimum = test.minScore, score.score < minimum { failures.append("score \(score.score) is below min_score \(minimum)") }
            if let maximum = test.maxScore, score.score > maximum { failures.append("score \(score.score) is above max_score \(maximum)") }
        }
        if !failures.isEmpty, let used = agentLinesUsed(test, in: scenario), used < test.agent.count {
            failures.append("the call ended after agent line \(used) of \(test.agent.count); the rest were not said")
        }
        result.verdict = failures.isEmpty ? .passed : .failed(failures)
        return result
    }

    /// How many of the test's agent lines the call took before it ended.
    private func agentLinesUsed(_ test: GoldenTest, in scenario: Scenario) -> Int? {
        guard var engine = try? PersonaEngine(scenario: scenario, seed: test.seed, drill: test.from) else { return nil }
        _ = engine.start()
        var used = 0
        for line in test.agent {
            if engine.ending != nil { break }
            _ = engine.perform(AgentAction(scriptLine: line))
            used += 1
        }
        return used
    }

    /// Line id (and owner id, for its first variant) → text.
    private func lineTexts(_ scenario: Scenario) -> [(String, String)] {
        var pairs: [(String, String)] = []
        func add(_ owner: String, _ lines: [LineVariant]) {
            for line in lines { pairs.append((line.id, line.text)) }
            if let first = lines.first { pairs.append((owner, first.text + (lines.count > 1 ? " (or a variant)" : ""))) }
        }
        for beat in scenario.beats {
            var lines = beat.lines
            if lines.isEmpty, let raised = beat.raises { lines = scenario.persona.objections.first { $0.id == raised }?.lines ?? [] }
            if lines.isEmpty, let end = beat.end { lines = scenario.ending(end)?.lines ?? [] }
            add(beat.id, lines)
        }
        for fact in scenario.persona.facts { add(fact.id, fact.lines) }
        for objection in scenario.persona.objections { add(objection.id, objection.lines); add("\(objection.id).reply", objection.reply) }
        for ending in scenario.endings { add(ending.id, ending.lines) }
        add("dead_air", scenario.persona.deadAir.lines)
        add("fallback.confused", scenario.fallback.confused)
        add("fallback.impatient", scenario.fallback.impatient)
        return pairs
    }

    /// The agent's last line before the customer's `index`-th line (0-based).
    private func agentLine(before index: Int, in transcript: Transcript) -> String? {
        var customerCount = 0
        var lastAgent: String?
        for turn in transcript.turns {
            if turn.speaker == .agent {
                lastAgent = turn.text
            } else {
                if customerCount == index { return lastAgent }
                customerCount += 1
            }
        }
        return lastAgent
    }
}
