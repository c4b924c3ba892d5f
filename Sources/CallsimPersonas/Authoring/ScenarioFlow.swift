import CallsimCore

/// The paths a call can take through a scenario's beats, ignoring conditions and mood.
/// The engine's state that matters for paths is the list of current beats: a beat with
/// `next` replaces it, a beat without keeps it. So the flow is a graph of beat lists.
public struct ScenarioFlow: Sendable {
    /// A list of current beats, as beat ids in order.
    public typealias BeatList = [String]

    /// Every list of current beats a call can reach (from the start or a drill), sorted.
    public let lists: [BeatList]
    /// Beats a call can say, in file order.
    public let reachableBeats: [String]
    /// The list in force after each beat fires, per list it fires from (for anytime beats and beats without `next`).
    public let startList: BeatList
    /// Lists from which a beat that ends the call can be reached without anytime beats.
    private let ending: Set<BeatList>
    private let scenario: Scenario

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        let byID = Dictionary(scenario.beats.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let anytime = scenario.beats.filter(\.anytime)

        func listAfterStart(_ beat: Beat) -> BeatList {
            if let next = beat.next { return next }
            return scenario.beats.first { $0.next?.contains(beat.id) ?? false }?.next ?? []
        }

        var starts: [BeatList] = []
        var fired = Set<String>()
        if let first = scenario.beats.first {
            starts.append(listAfterStart(first))
            fired.insert(first.id)
        }
        startList = starts.first ?? []
        for drill in scenario.drills {
            guard let beat = byID[drill.from] else { continue }
            starts.append(listAfterStart(beat))
            fired.insert(beat.id)
        }

        var seen = Set<BeatList>()
        var queue = starts
        while let list = queue.popLast() {
            guard seen.insert(list).inserted else { continue }
            for id in list + anytime.map(\.id) {
                guard let beat = byID[id] else { continue }
                fired.insert(id)
                if beat.end != nil { continue }
                queue.append(beat.next ?? list)
            }
        }
        lists = seen.sorted { $0.lexicographicallyPrecedes($1) }
        reachableBeats = scenario.beats.map(\.id).filter { fired.contains($0) }

        // Lists from which the flow (without interruptions) reaches a beat with `end`.
        var canEnd = Set<BeatList>()
        var changed = true
        while changed {
            changed = false
            for list in seen where !canEnd.contains(list) {
                let leads = list.contains { id in
                    guard let beat = byID[id] else { return false }
                    return beat.end != nil || canEnd.contains(beat.next ?? list)
                }
                if leads { canEnd.insert(list); changed = true }
            }
        }
        ending = canEnd
    }

    /// The lists that can be current when this beat fires (every list for an anytime beat).
    public func lists(containing beat: String) -> [BeatList] {
        if scenario.beat(beat)?.anytime == true { return lists }
        return lists.filter { $0.contains(beat) }
    }

    /// True when a beat that ends the call can still be reached from this list.
    public func canEnd(from list: BeatList) -> Bool { ending.contains(list) }

    /// Endings a call can reach, with how, sorted by ending id.
    public var reachableEndings: Set<String> {
        var result = Set<String>()
        let reachable = Set(reachableBeats)
        for beat in scenario.beats where reachable.contains(beat.id) {
            if let end = beat.end { result.insert(end) }
            if let outcome = beat.outcome { result.insert(outcome) }
        }
        for threshold in scenario.thresholds { result.insert(threshold.end) }
        let firstHangup = scenario.endings.first { $0.kind == .hangup }?.id
        // Unmatched lines, silence and patience at 0 end the call in any scenario.
        if let id = scenario.fallback.ending ?? firstHangup { result.insert(id) }
        if let id = scenario.persona.deadAir.ending ?? firstHangup { result.insert(id) }
        if let id = firstHangup { result.insert(id) }
        return result
    }
}
