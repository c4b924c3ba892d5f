import Foundation
import Testing
import CallsimCore
@testable import CallsimDialer

/// The Erlang C and Erlang A rows of the dialer documentation.
struct ErlangCRow: Sendable, CustomStringConvertible {
    var calls: Double, period: Double, aht: Double, agents: Int, target: Double
    var load: Double, occupancy: Double, pWait: Double, asa: Double, serviceLevelPercent: Double
    var description: String { "\(Int(calls)) calls / \(Int(period / 60)) min, AHT \(Int(aht)), N=\(agents)" }
    var queue: InboundQueue { InboundQueue(callsPerPeriod: calls, periodSeconds: period, averageHandlingTime: aht, agents: agents) }
}

struct ErlangARow: Sendable, CustomStringConvertible {
    var calls: Double, period: Double, aht: Double, agents: Int, patience: Double
    var pWait: Double, pAbandon: Double, meanWait: Double
    var description: String { "\(Int(calls)) calls / \(Int(period / 60)) min, AHT \(Int(aht)), N=\(agents), patience \(Int(patience))" }
    var queue: InboundQueue {
        InboundQueue(callsPerPeriod: calls, periodSeconds: period, averageHandlingTime: aht, agents: agents, meanPatience: patience)
    }
}

let erlangCRows: [ErlangCRow] = [
    ErlangCRow(calls: 360, period: 1800, aht: 240, agents: 55, target: 15, load: 48.000, occupancy: 0.873, pWait: 0.2387, asa: 8.18, serviceLevelPercent: 84.59),
    ErlangCRow(calls: 160, period: 3600, aht: 180, agents: 12, target: 30, load: 8.000, occupancy: 0.667, pWait: 0.1398, asa: 6.29, serviceLevelPercent: 92.82),
    ErlangCRow(calls: 185, period: 3600, aht: 180, agents: 12, target: 30, load: 9.250, occupancy: 0.771, pWait: 0.3063, asa: 20.05, serviceLevelPercent: 80.63),
    ErlangCRow(calls: 100, period: 3600, aht: 180, agents: 6, target: 20, load: 5.000, occupancy: 0.833, pWait: 0.5875, asa: 105.75, serviceLevelPercent: 47.43),
    ErlangCRow(calls: 1000, period: 3600, aht: 300, agents: 90, target: 20, load: 83.333, occupancy: 0.926, pWait: 0.3673, asa: 16.53, serviceLevelPercent: 76.45),
]

let erlangARows: [ErlangARow] = [
    ErlangARow(calls: 100, period: 3600, aht: 180, agents: 6, patience: 60, pWait: 0.3099, pAbandon: 0.1346, meanWait: 8.08),
    ErlangARow(calls: 360, period: 1800, aht: 240, agents: 55, patience: 120, pWait: 0.1501, pAbandon: 0.0170, meanWait: 2.04),
    ErlangARow(calls: 360, period: 1800, aht: 240, agents: 48, patience: 120, pWait: 0.4371, pAbandon: 0.0673, meanWait: 8.08),
]

/// Rounds to a number of decimals the way the table prints.
func rounded(_ value: Double, _ decimals: Int) -> Double {
    let scale = pow(10, Double(decimals))
    return (value * scale).rounded() / scale
}

@Suite struct AnalyticErlangTests {
    @Test(arguments: erlangCRows)
    func erlangCReproducesTheTable(_ row: ErlangCRow) {
        let m = row.queue.measures(answerTarget: row.target)
        #expect(rounded(m.load, 3) == row.load)
        #expect(rounded(m.occupancy, 3) == row.occupancy)
        #expect(rounded(m.probabilityOfWait, 4) == row.pWait)
        #expect(rounded(m.averageSpeedOfAnswer, 2) == row.asa)
        #expect(rounded(m.serviceLevel * 100, 2) == row.serviceLevelPercent)
    }

    @Test(arguments: erlangARows)
    func erlangAReproducesTheTable(_ row: ErlangARow) {
        let m = row.queue.measures(answerTarget: 20)
        #expect(rounded(m.probabilityOfWait, 4) == row.pWait)
        #expect(rounded(m.probabilityOfAbandon, 4) == row.pAbandon)
        #expect(rounded(m.averageSpeedOfAnswer, 2) == row.meanWait)
    }

    @Test func erlangAWithEndlessPatienceTendsToErlangC() {
        let c = InboundQueue(callsPerPeriod: 160, periodSeconds: 3600, averageHandlingTime: 180, agents: 12).measures(answerTarget: 30)
        let a = InboundQueue(callsPerPeriod: 160, periodSeconds: 3600, averageHandlingTime: 180, agents: 12, meanPatience: 1e9)
            .measures(answerTarget: 30)
        #expect(abs(a.probabilityOfWait - c.probabilityOfWait) < 1e-6)
        #expect(abs(a.averageSpeedOfAnswer - c.averageSpeedOfAnswer) < 1e-3)
        #expect(abs(a.serviceLevel - c.serviceLevel) < 1e-5)
    }

    @Test func staffingFindsTheSmallestTeamMeetingTheTarget() throws {
        let plan = try #require(Staffing.plan(callsPerPeriod: 360, periodSeconds: 1800, averageHandlingTime: 240,
                                              serviceLevelTarget: 0.80, answerTarget: 15, meanPatience: nil))
        let chosen = try #require(plan.rows.first { $0.agents == plan.recommended })
        #expect(chosen.serviceLevel >= 0.80)
        let fewer = try #require(plan.rows.first { $0.agents == plan.recommended - 1 })
        #expect(!(fewer.isStable && fewer.serviceLevel >= 0.80))
        #expect(plan.rows.map(\.agents) == Array((plan.recommended - 2)...(plan.recommended + 3)))
    }
}

/// Each replication simulates `hours` of traffic after a warm-up; ten replications give a t-based 95% interval.
@Suite struct SimulatedQueueValidationTests {
    static let replications = 10

    static func results(_ queue: InboundQueue, target: Double, hours: Double, seed: UInt64) -> [InboundRunResult] {
        let simulation = InboundSimulation(queue: queue, answerTarget: target, warmUpSeconds: 3600, measuredSeconds: hours * 3600)
        var generator = SeededGenerator(seed: seed)
        return simulation.replicate(replications, generator: &generator)
    }

    @Test(arguments: erlangCRows)
    func simulationReproducesErlangC(_ row: ErlangCRow) {
        let runs = Self.results(row.queue, target: row.target, hours: 80_000 / row.calls * row.period / 3600, seed: 20_261_129)
        let pWait = ConfidenceInterval(runs.map(\.probabilityOfWait))
        let asa = ConfidenceInterval(runs.map(\.meanWait))
        let sl = ConfidenceInterval(runs.map { $0.serviceLevel * 100 })
        let occupancy = ConfidenceInterval(runs.map(\.occupancy))
        #expect(pWait.contains(row.pWait), "P(wait) \(pWait) vs \(row.pWait)")
        #expect(asa.contains(row.asa), "ASA \(asa) vs \(row.asa)")
        #expect(sl.contains(row.serviceLevelPercent), "SL \(sl) vs \(row.serviceLevelPercent)")
        #expect(occupancy.contains(row.occupancy), "occupancy \(occupancy) vs \(row.occupancy)")
        // The intervals must be tight enough to mean something.
        #expect(pWait.halfWidth < 0.1 * row.pWait)
        #expect(asa.halfWidth < 0.25 * row.asa)
    }

    @Test(arguments: erlangARows)
    func simulationReproducesErlangA(_ row: ErlangARow) {
        let runs = Self.results(row.queue, target: 20, hours: 80_000 / row.calls * row.period / 3600, seed: 20_261_130)
        let pWait = ConfidenceInterval(runs.map(\.probabilityOfWait))
        let pAbandon = ConfidenceInterval(runs.map(\.probabilityOfAbandon))
        let wait = ConfidenceInterval(runs.map(\.meanWait))
        #expect(pWait.contains(row.pWait), "P(wait) \(pWait) vs \(row.pWait)")
        #expect(pAbandon.contains(row.pAbandon), "P(abandon) \(pAbandon) vs \(row.pAbandon)")
        #expect(wait.contains(row.meanWait), "mean wait \(wait) vs \(row.meanWait)")
        // The service level of the Palm model (not in the table) must agree with the simulation too.
        let sl = ConfidenceInterval(runs.map(\.serviceLevel))
        let analyticSL = row.queue.measures(answerTarget: 20).serviceLevel
        #expect(sl.contains(analyticSL), "SL(20 s) \(sl) vs \(analyticSL)")
        #expect(pAbandon.halfWidth < 0.25 * row.pAbandon)
    }
}
