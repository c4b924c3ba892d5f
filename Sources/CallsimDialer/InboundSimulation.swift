import Foundation
import CallsimCore

/// What one run of the inbound M/M/N(+M) simulation measured over calls arriving after the warm-up.
public struct InboundRunResult: Sendable, Hashable, Codable {
    public var calls: Int
    public var probabilityOfWait: Double
    /// Mean time in queue over all measured arrivals (abandoned calls count their time until hang-up).
    public var meanWait: Double
    /// Fraction of measured arrivals answered within the target time.
    public var serviceLevel: Double
    public var probabilityOfAbandon: Double
    public var occupancy: Double
    public var events: Int
}

/// A discrete-event simulation of an inbound queue: Poisson arrivals, exponential handling,
/// N agents, optionally exponential patience. Used to validate the engine against Erlang C / A.
public struct InboundSimulation: Sendable {
    public var queue: InboundQueue
    public var answerTarget: Double
    public var warmUpSeconds: Double
    public var measuredSeconds: Double

    public init(queue: InboundQueue, answerTarget: Double, warmUpSeconds: Double, measuredSeconds: Double) {
        self.queue = queue
        self.answerTarget = answerTarget
        self.warmUpSeconds = warmUpSeconds
        self.measuredSeconds = measuredSeconds
    }

    private enum Kind { static let arrival: UInt8 = 0, departure: UInt8 = 1 }

    public func run(generator: inout SeededGenerator) -> InboundRunResult {
        var events = EventQueue()
        let meanGap = 1 / queue.arrivalRate
        let aht = queue.averageHandlingTime
        let patienceMean = queue.meanPatience
        let end = warmUpSeconds + measuredSeconds
        var freeAgents = queue.agents
        // Waiting callers in arrival order: arrival time and the time their patience runs out.
        var waitingArrival = RingBuffer<Double>()
        var waitingDeadline = RingBuffer<Double>()
        var measured = 0, waited = 0, withinTarget = 0, abandoned = 0
        var totalWait = 0.0
        var busyArea = 0.0, lastChange = warmUpSeconds
        var now = 0.0

        func accrueBusy(_ time: Double, busy: Int) {
            let from = max(lastChange, warmUpSeconds), to = min(time, end)
            if to > from { busyArea += Double(busy) * (to - from) }
            lastChange = max(lastChange, time)
        }
        func record(arrival: Double, wait: Double, answered: Bool) {
            guard arrival >= warmUpSeconds, arrival < end else { return }
            totalWait += wait
            if answered, wait <= answerTarget { withinTarget += 1 }
            if !answered { abandoned += 1 }
        }

        events.schedule(at: -meanGap * log1mUnit(&generator), kind: Kind.arrival)
        while let event = events.pop() {
            now = event.time
            switch event.kind {
            case Kind.arrival:
                let isMeasured = now >= warmUpSeconds && now < end
                if isMeasured { measured += 1 }
                if freeAgents > 0 {
                    accrueBusy(now, busy: queue.agents - freeAgents)
                    freeAgents -= 1
                    record(arrival: now, wait: 0, answered: true)
                    events.schedule(at: now - aht * log1mUnit(&generator), kind: Kind.departure)
                } else {
                    if isMeasured { waited += 1 }
                    let patience = patienceMean.map { -$0 * log1mUnit(&generator) } ?? .infinity
                    waitingArrival.append(now)
                    waitingDeadline.append(now + patience)
                }
                let next = now - meanGap * log1mUnit(&generator)
                if next < end { events.schedule(at: next, kind: Kind.arrival) }
            default:
                // An agent is free: serve the first caller still waiting; those whose patience ran out left unserved.
                var served = false
                while let arrival = waitingArrival.popFirst(), let deadline = waitingDeadline.popFirst() {
                    if deadline < now {
                        record(arrival: arrival, wait: deadline - arrival, answered: false)
                        continue
                    }
                    record(arrival: arrival, wait: now - arrival, answered: true)
                    events.schedule(at: now - aht * log1mUnit(&generator), kind: Kind.departure)
                    served = true
                    break
                }
                if !served {
                    accrueBusy(now, busy: queue.agents - freeAgents)
                    freeAgents += 1
                }
            }
        }
        // Callers left in the queue when the last agent went idle can only be ones who abandoned.
        while let arrival = waitingArrival.popFirst(), let deadline = waitingDeadline.popFirst() {
            record(arrival: arrival, wait: deadline - arrival, answered: false)
        }
        accrueBusy(end, busy: queue.agents - freeAgents)
        let count = Double(max(measured, 1))
        return InboundRunResult(
            calls: measured, probabilityOfWait: Double(waited) / count, meanWait: totalWait / count,
            serviceLevel: Double(withinTarget) / count, probabilityOfAbandon: Double(abandoned) / count,
            occupancy: busyArea / (Double(queue.agents) * measuredSeconds), events: events.processed)
    }

    /// Independent replications, each from its own stream split off the given generator.
    public func replicate(_ count: Int, generator: inout SeededGenerator) -> [InboundRunResult] {
        (0..<count).map { _ in
            var stream = generator.split()
            return run(generator: &stream)
        }
    }
}

/// Mean and Student-t confidence interval of independent replications.
public struct ConfidenceInterval: Sendable, Hashable, Codable, CustomStringConvertible {
    public var mean: Double
    public var halfWidth: Double
    public var lower: Double { mean - halfWidth }
    public var upper: Double { mean + halfWidth }

    public init(_ samples: [Double]) {
        let n = Double(samples.count)
        mean = samples.reduce(0, +) / max(n, 1)
        guard samples.count > 1 else { halfWidth = .infinity; return }
        let m = mean
        let variance = samples.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
        halfWidth = studentT975(degreesOfFreedom: samples.count - 1) * (variance / n).squareRoot()
    }

    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }
    public var description: String { "\(mean) ± \(halfWidth)" }
}

/// The 97.5% quantile of Student's t (two-sided 95%).
func studentT975(degreesOfFreedom df: Int) -> Double {
    let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                           2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                           2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
    if df >= 1, df <= table.count { return table[df - 1] }
    if df <= 40 { return 2.021 }
    if df <= 60 { return 2.000 }
    if df <= 120 { return 1.980 }
    return 1.960
}

/// A growable first-in first-out buffer without per-element allocation.
struct RingBuffer<Element>: Sendable where Element: Sendable {
    private var storage: ContiguousArray<Element?> = ContiguousArray(repeating: nil, count: 16)
    private var head = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }
    var first: Element? { count == 0 ? nil : storage[head] }

    mutating func append(_ element: Element) {
        if count == storage.count { grow() }
        storage[(head + count) & (storage.count - 1)] = element
        count += 1
    }

    mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head]
        storage[head] = nil
        head = (head + 1) & (storage.count - 1)
        count -= 1
        return element
    }

    private mutating func grow() {
        var bigger = ContiguousArray<Element?>(repeating: nil, count: storage.count * 2)
        for i in 0..<count { bigger[i] = storage[(head + i) & (storage.count - 1)] }
        storage = bigger
        head = 0
    }
}
