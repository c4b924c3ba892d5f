import ArgumentParser
import CallsimDialer
import Foundation

struct Staff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Agents needed for an inbound queue (Erlang C; Erlang A when callers' patience is given).")

    @Option(help: "Calls offered in the period.")
    var calls: Double

    @Option(help: "Length of the period in minutes.")
    var period: Double = 60

    @Option(help: "Average handling time (talk + wrap-up) in seconds.")
    var aht: Double

    @Option(name: .customLong("target-sl"), help: "Service-level target: percent of calls answered within the answer time.")
    var targetSL: Double = 80

    @Option(name: .customLong("answer-time"), help: "Answer-time target in seconds.")
    var answerTime: Double = 20

    @Option(help: "Mean patience of callers in seconds (Erlang A); omit for Erlang C.")
    var patience: Double?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard calls > 0, calls.isFinite else { throw ValidationError("--calls must be a positive number") }
        guard period > 0, period.isFinite else { throw ValidationError("--period must be a positive number of minutes") }
        guard aht > 0, aht.isFinite else { throw ValidationError("--aht must be a positive number of seconds") }
        guard targetSL > 0, targetSL < 100 else { throw ValidationError("--target-sl must be between 0 and 100 (exclusive)") }
        guard answerTime >= 0, answerTime.isFinite else { throw ValidationError("--answer-time must be 0 or more seconds") }
        if let patience { guard patience > 0, patience.isFinite else { throw ValidationError("--patience must be a positive number of seconds") } }
    }

    func run() throws {
        guard let plan = Staffing.plan(callsPerPeriod: calls, periodSeconds: period * 60, averageHandlingTime: aht,
                                       serviceLevelTarget: targetSL / 100, answerTarget: answerTime, meanPatience: patience) else {
            throw CLIError("no staffing up to 100000 agents meets the target")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(plan), as: UTF8.self))
            return
        }
        let load = plan.rows.first?.load ?? 0
        let model = patience == nil ? "Erlang C" : "Erlang A, mean patience \(fmt(patience ?? 0, 0)) s"
        print("\(fmt(calls, 0)) calls / \(fmt(period, 0)) min, AHT \(fmt(aht, 0)) s: offered load \(fmt(load, 3)) erlangs (\(model))")
        print("Target: \(fmt(targetSL, 0))% answered within \(fmt(answerTime, 0)) s → \(plan.recommended) agents\n")
        // Under Erlang A the mean wait counts callers who hung up too, so it is not an answer speed.
        var header = ["agents", "occupancy", "P(wait)", patience == nil ? "ASA (s)" : "wait (s)", "SL"]
        if patience != nil { header.append("P(abandon)") }
        print(header.map { $0.padding(toLength: 11, withPad: " ", startingAt: 0) }.joined())
        for row in plan.rows {
            var cells: [String]
            if row.isStable {
                cells = ["\(row.agents)", pct(row.occupancy), fmt(row.probabilityOfWait, 4), fmt(row.averageSpeedOfAnswer, 2), pct(row.serviceLevel)]
            } else {
                cells = ["\(row.agents)", "100%", "1", "∞", "0% (queue grows)"]
            }
            if patience != nil { cells.append(pct(row.probabilityOfAbandon)) }
            let marker = row.agents == plan.recommended ? "  ◀" : ""
            print(cells.map { $0.padding(toLength: 11, withPad: " ", startingAt: 0) }.joined() + marker)
        }
    }

    private func fmt(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
    private func pct(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }
}
