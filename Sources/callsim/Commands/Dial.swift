import ArgumentParser
import CallsimCore
import CallsimDialer
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Dial: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dialler campaign, or simulate it and report contact, abandonment, occupancy and compliance.",
        discussion: """
        Without --simulate, reads the campaign, its lead list and do-not-call lists and reports what it found.
        --compare runs the same campaign under several modes or dial levels, for example
        --compare progressive,ratio:3,predictive  or  --compare 1.0,1.5,2.0,3.0 (levels of ratio dialling).
        """)

    @Argument(help: "The campaign file (YAML).")
    var campaign: String

    @Flag(help: "Run the simulation.")
    var simulate = false

    @Option(help: "Days to simulate (default: the campaign's).")
    var days: Int?

    @Option(help: "Seed of the random source.")
    var seed: UInt64 = 1

    @Option(help: "Override the dialling mode (preview, progressive, ratio, predictive).")
    var mode: String?

    @Option(help: "Override the dial level.")
    var level: Double?

    @Option(help: "Compare modes or dial levels, comma-separated.")
    var compare: String?

    @Flag(help: "Refuse a lead list with any bad row (default: leave bad rows out and report them).")
    var strict = false

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: .hidden)
    var timing = false

    func run() throws {
        let loaded = try LoadedCampaign.load(path: campaign, strict: strict, days: days)
        var runs: [(DialingMode?, Double?)] = []
        if let compare {
            runs = try Self.parseComparison(compare, campaignMode: loaded.campaign.dialing.mode)
        } else {
            var chosenMode: DialingMode?
            if let mode {
                guard let parsed = DialingMode(rawValue: mode.lowercased()) else {
                    throw CLIError("--mode must be one of \(DialingMode.allCases.map(\.rawValue).joined(separator: ", ")), not '\(mode)'")
                }
                chosenMode = parsed
            }
            if let level, !(1...50).contains(level) { throw CLIError("--level must be between 1 and 50") }
            runs = [(chosenMode, level)]
        }
        guard simulate || compare != nil else {
            print(loaded.summary(), terminator: "")
            return
        }
        var reports: [CampaignReport] = []
        for (index, run) in runs.enumerated() {
            let label = runs.count > 1 ? " (\(index + 1)/\(runs.count))" : ""
            let bar = ProgressBar(label: "simulating\(label)")
            let started = DispatchTime.now().uptimeNanoseconds
            let startedCPU = clock()
            let report = DialerEngine.simulate(
                campaign: loaded.campaign, leads: loaded.leads, nationalDoNotCall: loaded.national, companyDoNotCall: loaded.company,
                seed: seed, mode: run.0, dialLevel: run.1, progress: bar.update)
            bar.finish()
            if timing {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                let cpu = Double(clock() - startedCPU) / Double(CLOCKS_PER_SEC)
                Console.error(String(format: "timing: %d events, simulation %.3f s wall, %.3f s CPU = %.0f events/s (CPU), %d dials",
                                     report.events, seconds, cpu, Double(report.events) / max(cpu, 1e-9), report.totals.dials))
            }
            reports.append(report)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = reports.count == 1 ? try encoder.encode(reports[0]) : try encoder.encode(reports)
            print(String(decoding: data, as: UTF8.self))
        } else if reports.count == 1 {
            print(reports[0].renderText(), terminator: "")
        } else {
            print("Campaign \(loaded.campaign.id): \(reports.count) runs, seed \(seed), \(loaded.campaign.days) day(s)\n")
            print(CampaignReport.renderComparison(reports), terminator: "")
        }
    }

    /// `progressive,ratio:3,predictive` or `1.0,2.0,3.0` (levels: ratio mode unless the campaign's mode takes a level).
    static func parseComparison(_ text: String, campaignMode: DialingMode) throws -> [(DialingMode?, Double?)] {
        var runs: [(DialingMode?, Double?)] = []
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            if let level = Double(item) {
                guard (1...50).contains(level) else { throw CLIError("--compare: dial level \(item) must be between 1 and 50") }
                runs.append((campaignMode == .predictive ? .predictive : .ratio, level))
                continue
            }
            let parts = item.split(separator: ":")
            guard let mode = DialingMode(rawValue: String(parts[0]).lowercased()) else {
                throw CLIError("--compare: '\(item)' is neither a mode (\(DialingMode.allCases.map(\.rawValue).joined(separator: ", "))) nor a dial level")
            }
            var level: Double?
            if parts.count == 2 {
                guard let value = Double(parts[1]), (1...50).contains(value) else {
                    throw CLIError("--compare: '\(item)': the level after ':' must be a number from 1 to 50")
                }
                level = value
            } else if parts.count > 2 {
                throw CLIError("--compare: '\(item)' has more than one ':'")
            }
            runs.append((mode, level))
        }
        guard !runs.isEmpty else { throw CLIError("--compare needs at least one mode or level") }
        return runs
    }
}

/// A campaign with its lead list and do-not-call lists, read from files.
struct LoadedCampaign {
    var campaign: Campaign
    var leads: [Lead]
    var national: Set<UInt64>
    var company: Set<UInt64>
    var leftOut: Int

    /// Offsets at the campaign's first day (or mid-January, standard time, when it names none), so runs repeat.
    static func zoneResolver(startDate: String?) -> (String) -> Int? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        var components = DateComponents(year: 2026, month: 1, day: 15, hour: 12)
        if let startDate {
            let parts = startDate.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3 { components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12) }
        }
        let instant = calendar.date(from: components) ?? Date(timeIntervalSince1970: 1_768_478_400)
        return { identifier in
            guard identifier.contains("/") || identifier == "UTC", let zone = TimeZone(identifier: identifier) else { return nil }
            return zone.secondsFromGMT(for: instant) / 60
        }
    }

    static func readText(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("\(path): cannot read the \(what)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path): the \(what) is not UTF-8 text") }
        return text
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { Console.error(diagnostic.description) }
    }

    static func load(path: String, strict: Bool, days: Int?) throws -> LoadedCampaign {
        let yaml = try readText(path, what: "campaign file")
        // First pass with the start date unknown, to read the start date itself.
        let firstPass = CampaignParser.parse(yaml: yaml, file: path, zoneOffset: zoneResolver(startDate: nil))
        var campaign: Campaign
        switch firstPass {
        case .failure(let list):
            printDiagnostics(list.diagnostics)
            throw ExitCode(1)
        case .success(let (parsed, warnings)):
            campaign = parsed
            if let start = parsed.startDate,
               case .success(let (again, _)) = CampaignParser.parse(yaml: yaml, file: path, zoneOffset: zoneResolver(startDate: start)) {
                campaign = again
            }
            printDiagnostics(warnings)
        }
        if let days {
            guard (1...366).contains(days) else { throw CLIError("--days must be between 1 and 366") }
            campaign.days = days
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : base.appendingPathComponent(relative).path
        }
        guard let leadsPath = campaign.leadsPath else {
            throw CLIError("\(path): the campaign names no lead list (add 'leads: FILE.csv')")
        }
        let leadsFile = resolve(leadsPath)
        let loadedLeads = LeadListParser.load(csv: try readText(leadsFile, what: "lead list"), file: leadsFile,
                                              policy: strict ? .strict : .lenient,
                                              zoneOffset: zoneResolver(startDate: campaign.startDate))
        let parsed: LeadListParser.Parsed
        switch loadedLeads {
        case .failure(let list):
            printDiagnostics(list.diagnostics)
            Console.error("\(leadsFile): \(list.diagnostics.count) problem(s); nothing was run\(strict ? " (--strict)" : "")")
            throw ExitCode(1)
        case .success(let value):
            parsed = value
            if !value.problems.isEmpty {
                printDiagnostics(value.problems)
                Console.error("\(leadsFile): \(value.problems.count) bad row(s) left out, \(value.leads.count) leads loaded")
            }
        }
        func dncList(_ relative: String?) throws -> Set<UInt64> {
            guard let relative else { return [] }
            let file = resolve(relative)
            let list = DoNotCallList.parse(try readText(file, what: "do-not-call list"), file: file)
            if !list.problems.isEmpty {
                printDiagnostics(list.problems)
                throw ExitCode(1)
            }
            return list.numbers
        }
        return LoadedCampaign(campaign: campaign, leads: parsed.leads, national: try dncList(campaign.nationalDoNotCallPath),
                              company: try dncList(campaign.companyDoNotCallPath), leftOut: parsed.problems.count)
    }

    func summary() -> String {
        let c = campaign
        func hhmm(_ seconds: Int) -> String { String(format: "%02d:%02d", seconds / 3600, seconds / 60 % 60) }
        var lines: [String] = []
        lines.append("Campaign \(c.id) — \(c.name)")
        lines.append("  profile \(c.compliance.profile.rawValue), site time zone \(c.timeZone), \(c.days) day(s), shift \(hhmm(c.shiftStart))-\(hhmm(c.shiftEnd))")
        lines.append("  agents: " + c.agents.map { "\($0.name) \($0.count) [\($0.skills.joined(separator: ", "))]" }.joined(separator: "; "))
        lines.append("  dialling: \(c.dialing.mode.rawValue), level \(c.dialing.dialLevel) (max \(c.dialing.maxLevel)), drop target \(c.dialing.dropTargetPercent)%, drop time \(c.dialing.dropTime) s, ring timeout \(c.dialing.ringTimeout) s, adapt every \(c.dialing.adaptInterval) s, \(c.dialing.trunks) trunks")
        lines.append("  calling window \(hhmm(c.compliance.windowStart))-\(hhmm(c.compliance.windowEnd)) at the called person's local time\(c.enforceCallingWindow ? "" : " (NOT enforced)")")
        lines.append("  abandonment limit \(c.compliance.maxAbandonPercent)% per \(c.compliance.periodDays) days; no redial within \(Int(c.compliance.redialAfterDrop / 3600)) h of a drop")
        if c.compliance.stopOnRefusal { lines.append("  a refusal stops all marketing calls to that person (PDPA art. 20)") }
        if let days = c.compliance.coolingOffDays { lines.append("  sales may be cancelled within \(days) days (Consumer Protection Act art. 19)") }
        lines.append("  times: ring \(c.times.ring), talk \(c.times.talk), wrap-up \(c.times.wrapUp)")
        func duration(_ seconds: Double) -> String {
            if seconds >= 86400, seconds.truncatingRemainder(dividingBy: 86400) == 0 { return "\(Int(seconds / 86400)) d" }
            if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600)) h" }
            if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60)) min" }
            return "\(Int(seconds)) s"
        }
        lines.append("  recycling: " + c.recycle.keys.sorted().compactMap { status in
            c.recycle[status].map { "\(status.rawValue) after \(duration($0.delay)), up to \($0.maxAttempts) attempts" }
        }.joined(separator: "; "))
        let zones = Dictionary(grouping: leads, by: \.timeZone).map { "\($0.key) \($0.value.count)" }.sorted()
        lines.append("  leads: \(leads.count) loaded\(leftOut > 0 ? ", \(leftOut) bad rows left out" : "") (\(zones.joined(separator: ", ")))")
        let onList = leads.filter { national.contains($0.phone) || company.contains($0.phone) }.count
        lines.append("  do-not-call: national \(national.count), company \(company.count) numbers; \(onList) leads are on a list\(c.scrubDoNotCall ? " and will be scrubbed" : " and scrubbing is OFF")")
        lines.append("  run it: callsim dial \(c.file) --simulate")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A progress bar on standard error, drawn only when standard error is a terminal.
final class ProgressBar {
    private let label: String
    private let enabled = isatty(2) == 1
    private var lastDrawn = -1

    init(label: String) { self.label = label }

    func update(_ fraction: Double) {
        guard enabled else { return }
        let percent = Int((fraction * 100).rounded())
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)%".utf8))
    }

    func finish() {
        guard enabled, lastDrawn >= 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
