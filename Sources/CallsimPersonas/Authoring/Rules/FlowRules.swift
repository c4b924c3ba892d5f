import CallsimCore

/// A small flow most examples share: the customer answers, then agrees or refuses.
let exampleEnding = """
endings:
  - {id: bye, kind: hangup, say: Bye.}

"""

/// Beats that no path reaches: not the first beat, not in any reachable `next` list,
/// not a drill's start and not `anytime`.
public struct UnreachableBeatRule: LintRule {
    public init() {}
    public let id = "unreachable-beat"
    public let summary = "Every beat can be reached: from the first beat through `next` lists, from a drill, or as an `anytime` beat."
    public let severity = Diagnostic.Severity.error
    public let triggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [agree]
      - id: agree
        on: permission
        say: Sure.
        end: bye
      - id: orphan
        say: Nobody leads here.
    \(exampleEnding)
    """)]
    public let nonTriggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [agree]
      - id: agree
        on: permission
        say: Sure.
        end: bye
      - id: interrupt
        anytime: true
        on: pressure
        say: Don't rush me.
    \(exampleEnding)
    """)]

    public func check(_ context: LintContext) -> [LintFinding] {
        let reachable = Set(context.flow.reachableBeats)
        return context.scenario.beats.filter { !reachable.contains($0.id) }.map { beat in
            LintFinding(context.source.item("beats", id: beat.id),
                        "beat '\(beat.id)' is never reached: no 'next' list, drill or start leads to it and it is not 'anytime'")
        }
    }
}

/// Beats after which the conversation cannot get to an ending through beats: only the
/// customer's patience running out could end the call.
public struct DeadEndBeatRule: LintRule {
    public init() {}
    public let id = "dead-end-beat"
    public let summary = "After every beat some path of beats still leads to a beat with `end` (a beat without `next` keeps the current beats)."
    public let severity = Diagnostic.Severity.error
    public let triggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [listen]
      - id: listen
        on: pitch
        say: Hmm, go on.
        next: [nod]
      - id: nod
        on: benefit
        say: I see.
    \(exampleEnding)
    """)]
    public let nonTriggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [listen, leave]
      - id: listen
        on: pitch
        say: Hmm, go on.
      - id: leave
        on: goodbye
        say: Bye then.
        end: bye
    \(exampleEnding)
    """)]

    public func check(_ context: LintContext) -> [LintFinding] {
        let scenario = context.scenario
        let flow = context.flow
        var findings: [LintFinding] = []
        let reachable = Set(flow.reachableBeats)
        for beat in scenario.beats where beat.end == nil && reachable.contains(beat.id) {
            let isStart = beat.id == scenario.beats.first?.id
            var after = flow.lists(containing: beat.id).map { beat.next ?? $0 }
            if isStart { after.append(flow.startList) }
            guard let stuck = after.first(where: { !flow.canEnd(from: $0) }) else { continue }
            let list = stuck.isEmpty ? "no beats" : "[\(stuck.joined(separator: ", "))]"
            findings.append(LintFinding(
                context.source.item("beats", id: beat.id, key: beat.next == nil ? "id" : "next"),
                "beat '\(beat.id)' leads nowhere: after it the current beats are \(list) and no path from them reaches a beat with 'end'; give it 'next' or 'end'"
            ))
        }
        return findings
    }
}

/// Endings nothing leads to.
public struct UnreachableEndingRule: LintRule {
    public init() {}
    public let id = "unreachable-ending"
    public let summary = "Every ending is reached by a reachable beat's `end` or `outcome`, a threshold, `fallback.end`, `dead_air.end`, or is the first `hangup` ending (the default for hanging up)."
    public let severity = Diagnostic.Severity.error
    public let triggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [agree]
      - id: agree
        on: permission
        say: Sure.
        end: bye
    endings:
      - {id: bye, kind: hangup, say: Bye.}
      - {id: sold, kind: sale, say: Deal.}

    """)]
    public let nonTriggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [agree]
      - id: agree
        on: permission
        say: Sure.
        end: bye
    endings:
      - {id: bye, kind: hangup, say: Bye.}
      - {id: fed_up, kind: hangup, say: Enough.}
    thresholds:
      - {if: trust <= 5, end: fed_up}

    """)]

    public func check(_ context: LintContext) -> [LintFinding] {
        let reached = context.flow.reachableEndings
        return context.scenario.endings.filter { !reached.contains($0.id) }.map { ending in
            LintFinding(context.source.item("endings", id: ending.id),
                        "ending '\(ending.id)' is never reached: no reachable beat, threshold, fallback or dead air ends with it")
        }
    }
}

/// A beat that can never fire because an earlier beat of the same list answers the same
/// intents unconditionally (or an unconditional `anytime` beat always answers first).
public struct ShadowedTriggerRule: LintRule {
    public init() {}
    public let id = "shadowed-trigger"
    public let summary = "No beat is hidden behind an earlier beat of the same `next` list (or an `anytime` beat) that answers the same or more intents with no `if` and no `once`."
    public let severity = Diagnostic.Severity.error
    public let triggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [price_any, price_discount]
      - id: price_any
        on: [says_price, pitch]
        say: That's a lot.
        end: bye
      - id: price_discount
        on: says_price
        say: With the discount? Fine.
        end: bye
    \(exampleEnding)
    """), LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [annoyed]
      - id: annoyed
        on: pitch
        say: Not interested.
        end: bye
      - id: hang_up
        anytime: true
        on: pitch
        say: I said no.
        end: bye
    \(exampleEnding)
    """)]
    public let nonTriggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [price_discount, price_any]
      - id: price_discount
        on: says_price
        if: flag discount_heard
        say: With the discount? Fine.
        end: bye
      - id: price_any
        on: [says_price, pitch]
        say: That's a lot.
        set: [discount_heard]
    \(exampleEnding)
    """)]

    public func check(_ context: LintContext) -> [LintFinding] {
        let scenario = context.scenario
        var findings: [LintFinding] = []
        var reported = Set<String>()
        func report(_ hidden: Beat, by earlier: Beat, where place: String) {
            guard reported.insert("\(hidden.id)|\(earlier.id)").inserted else { return }
            findings.append(LintFinding(
                context.source.item("beats", id: hidden.id, key: "on"),
                "beat '\(hidden.id)' can never fire \(place): '\(earlier.id)' comes first, answers the same intents and has no 'if' or 'once'"
            ))
        }
        let anytime = scenario.beats.filter(\.anytime)
        let ordered: [[Beat]] = context.flow.lists.map { $0.compactMap(scenario.beat) } + [anytime]
        for list in ordered {
            for (index, later) in list.enumerated() {
                for earlier in list[..<index] where earlier.id != later.id && Self.covers(earlier, later) {
                    report(later, by: earlier, where: "in the list [\(list.map(\.id).joined(separator: ", "))]")
                }
            }
        }
        for interrupt in anytime {
            for beat in scenario.beats where !beat.anytime && Self.covers(interrupt, beat) {
                report(beat, by: interrupt, where: "(anytime beats answer before the current beats)")
            }
        }
        return findings
    }

    /// True when `earlier` always answers whatever would trigger `later`.
    static func covers(_ earlier: Beat, _ later: Beat) -> Bool {
        guard earlier.conditions.isEmpty, !earlier.once else { return false }
        switch (earlier.trigger, later.trigger) {
        case (.otherwise, .otherwise): return true
        case let (.intents(first), .intents(second)): return Set(second).isSubset(of: Set(first))
        default: return false
        }
    }
}

/// A drill must start somewhere that can go on, with flags the scenario knows.
public struct DrillRule: LintRule {
    public init() {}
    public let id = "drill-start"
    public let summary = "A drill starts at a beat after which some beat can answer, and its flags are flags the scenario sets or reads."
    public let severity = Diagnostic.Severity.error
    public let triggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [price]
      - id: price
        on: says_price
        if: flag price_known
        say: That's a lot.
        end: bye
      - id: lonely
        say: Hmm.
    \(exampleEnding)drills:
      - {id: price-talk, from: price, flags: [price_knwon]}
      - {id: stuck, from: lonely}

    """)]
    public let nonTriggering = [LintExample("""
    beats:
      - id: answer
        say: Hello?
        next: [price]
      - id: price
        on: says_price
        if: flag price_known
        say: That's a lot.
        end: bye
    \(exampleEnding)drills:
      - {id: price-talk, from: answer, flags: [price_known]}

    """)]

    public func check(_ context: LintContext) -> [LintFinding] {
        let scenario = context.scenario
        let usage = FlagUsage(scenario)
        var findings: [LintFinding] = []
        for drill in scenario.drills {
            for flag in drill.flags where !usage.read.keys.contains(flag) && !usage.setByScenario.keys.contains(flag) {
                var message = "drill '\(drill.id)' sets flag '\(flag)', which nothing in the scenario sets or reads"
                let known = Array(Set(usage.read.keys).union(usage.setByScenario.keys)).sorted()
                if let suggestion = NodeReader.suggestion(for: flag, among: known) { message += "; did you mean '\(suggestion)'?" }
                findings.append(LintFinding(context.source.item("drills", id: drill.id, key: "flags", element: flag), message))
            }
            guard let start = scenario.beat(drill.from), start.end == nil else { continue }
            let list = start.next ?? scenario.beats.first { $0.next?.contains(start.id) ?? false }?.next ?? []
            if list.isEmpty && !scenario.beats.contains(where: \.anytime) {
                findings.append(LintFinding(
                    context.source.item("drills", id: drill.id, key: "from"),
                    "drill '\(drill.id)' starts at '\(start.id)', after which no beat can answer: give '\(start.id)' a 'next' list or start elsewhere"
                ))
            }
        }
        return findings
    }
}
