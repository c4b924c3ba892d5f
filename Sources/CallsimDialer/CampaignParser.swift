import CallsimCore
import Yams

/// Reads a campaign file. Every problem is reported at once with its `file:line:col`.
public enum CampaignParser {
    static let topKeys = ["campaign", "name", "profile", "timezone", "start", "days", "shift", "leads", "agents", "routing",
                          "dialing", "outcomes", "times", "dispositions", "calling_window", "do_not_call", "recycle",
                          "compliance", "safe_harbour", "pauses"]
    static let dialingKeys = ["mode", "dial_level", "max_level", "drop_target", "drop_time", "ring_timeout", "adapt_interval",
                              "trunks", "tally", "drop_control", "machine_detection"]
    static let timeKeys = ["ring", "talk", "wrap_up", "preview", "signal", "machine_detection", "machine_talk"]
    static let outcomeKeys = ["person", "machine", "busy", "no_answer", "disconnected"]
    static let complianceKeys = ["max_abandon", "period_days", "redial_after_drop", "enforce_window", "stop_on_refusal", "minimum_ring"]

    /// - Parameter zoneOffset: minutes east of UTC for an IANA zone name, nil when unknown.
    /// - Returns: the campaign and any warnings, or every error found.
    public static func parse(yaml: String, file: String, zoneOffset: (String) -> Int?) -> Result<(Campaign, [Diagnostic]), DiagnosticList> {
        var reader = YAMLReader(file: file)
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                return .failure(DiagnosticList([Diagnostic(file: file, line: 1, column: 1, message: "the campaign file is empty")]))
            }
            root = composed
        } catch let error as YamlError {
            return .failure(DiagnosticList([yamlDiagnostic(error, file: file)]))
        } catch {
            return .failure(DiagnosticList([Diagnostic(file: file, line: 1, message: "cannot read YAML: \(error)")]))
        }
        guard let pairs = reader.mapping(root, "the campaign file", allowed: topKeys) else {
            return .failure(DiagnosticList(reader.diagnostics))
        }
        var values: [String: Node] = [:]
        for pair in pairs { values[pair.key] = pair.value }

        var id = ""
        if let node = values["campaign"] { id = reader.string(node, "campaign") ?? "" } else {
            reader.error(root, "missing key 'campaign' (the campaign's id)")
        }
        let name = values["name"].flatMap { reader.string($0, "name") } ?? id
        let profile = values["profile"].flatMap { reader.choice($0, "profile", ComplianceProfile.self) } ?? .us
        var rules = profile.defaultRules

        var timeZone = profile == .tw ? "Asia/Taipei" : "America/New_York"
        var siteOffset = zoneOffset(timeZone) ?? 0
        if let node = values["timezone"], let text = reader.string(node, "timezone") {
            if let offset = zoneOffset(text) { timeZone = text; siteOffset = offset } else {
                reader.error(node, "unknown time zone '\(text)' (use an IANA name such as Asia/Taipei or America/New_York)")
            }
        }
        var startDate: String?
        if let node = values["start"], let text = reader.string(node, "start") {
            if isISODate(text) { startDate = text } else { reader.error(node, "start must be a date YYYY-MM-DD, found '\(text)'") }
        }
        let days = values["days"].flatMap { reader.int($0, "days", in: 1...366) } ?? 1
        var shift = (start: 9 * 3600, end: 18 * 3600)
        if let node = values["shift"], let range = reader.clockRange(node, "shift") { shift = range }
        let leadsPath = values["leads"].flatMap { reader.string($0, "leads") }
        let safeHarbour = values["safe_harbour"].flatMap { reader.string($0, "safe_harbour") }
            ?? "This call was placed by \(name). We are sorry we could not connect you. To be removed from our list, call us back."

        // Agents.
        var agents: [AgentGroup] = []
        if let node = values["agents"], let list = reader.sequence(node, "agents") {
            for (index, item) in list.enumerated() {
                guard let fields = reader.mapping(item, "agents[\(index)]", allowed: ["group", "count", "skills"]) else { continue }
                var group = AgentGroup(name: "group\(index + 1)", count: 0, skills: [])
                var hasCount = false
                for field in fields {
                    switch field.key {
                    case "group": group.name = reader.string(field.value, "group") ?? group.name
                    case "count":
                        if let count = reader.int(field.value, "count", in: 0...100_000) { group.count = count; hasCount = true }
                    default:
                        if let skills = reader.sequence(field.value, "skills") {
                            group.skills = skills.compactMap { reader.string($0, "a skill") }
                        }
                    }
                }
                if !hasCount { reader.error(item, "agents[\(index)] needs a count") }
                agents.append(group)
            }
            if agents.reduce(0, { $0 + $1.count }) == 0 { reader.error(node, "the campaign needs at least one agent") }
        } else if values["agents"] == nil {
            reader.error(root, "missing key 'agents' (a list of groups with a count and skills)")
        }
        var routing: [String: String] = [:]
        if let node = values["routing"], let fields = reader.mapping(node, "routing") {
            let skills = Set(agents.flatMap(\.skills))
            for field in fields {
                guard let skill = reader.string(field.value, "routing.\(field.key)") else { continue }
                if !skills.contains(skill) {
                    reader.error(field.value, "no agent has the skill '\(skill)' that segment '\(field.key)' needs")
                }
                routing[field.key] = skill
            }
        }

        // Compliance first: dialing checks refer to it.
        var enforceWindow = true
        if let node = values["compliance"], let fields = reader.mapping(node, "compliance", allowed: complianceKeys) {
            for field in fields {
                switch field.key {
                case "max_abandon": rules.maxAbandonPercent = reader.double(field.value, "max_abandon", in: 0...100) ?? rules.maxAbandonPercent
                case "period_days": rules.periodDays = reader.int(field.value, "period_days", in: 1...366) ?? rules.periodDays
                case "redial_after_drop": rules.redialAfterDrop = reader.seconds(field.value, "redial_after_drop") ?? rules.redialAfterDrop
                case "enforce_window": enforceWindow = reader.bool(field.value, "enforce_window") ?? enforceWindow
                case "stop_on_refusal": rules.stopOnRefusal = reader.bool(field.value, "stop_on_refusal") ?? rules.stopOnRefusal
                default: rules.minimumRing = reader.seconds(field.value, "minimum_ring") ?? rules.minimumRing
                }
            }
        }
        if let node = values["calling_window"], let range = reader.clockRange(node, "calling_window") {
            rules.windowStart = range.start
            rules.windowEnd = range.end
        }

        // Dialing.
        var dialing = DialingSettings(mode: .predictive, dialLevel: 1.0, maxLevel: 3.0,
                                      dropTargetPercent: rules.maxAbandonPercent * 0.8, dropTime: rules.maxDropTime,
                                      ringTimeout: max(rules.minimumRing, 20), adaptInterval: 15, trunks: 0,
                                      tally: .ready, dropControl: .hard, machineDetection: true)
        var levelNode: Node?, maxNode: Node?
        if let node = values["dialing"], let fields = reader.mapping(node, "dialing", allowed: dialingKeys) {
            for field in fields {
                let v = field.value
                switch field.key {
                case "mode": dialing.mode = reader.choice(v, "mode", DialingMode.self) ?? dialing.mode
                case "dial_level": levelNode = v; dialing.dialLevel = reader.double(v, "dial_level", in: 1...50) ?? dialing.dialLevel
                case "max_level": maxNode = v; dialing.maxLevel = reader.double(v, "max_level", in: 1...50) ?? dialing.maxLevel
                case "drop_target":
                    if let value = reader.double(v, "drop_target", in: 0...100) {
                        dialing.dropTargetPercent = value
                        if value > rules.maxAbandonPercent {
                            reader.warning(v, "drop_target \(formatNumber(value))% is above the \(formatNumber(rules.maxAbandonPercent))% abandonment limit of the \(profile.rawValue) profile")
                        }
                    }
                case "drop_time":
                    if let value = reader.seconds(v, "drop_time", minimum: 0.1) {
                        dialing.dropTime = value
                        if value > rules.maxDropTime {
                            reader.warning(v, "drop_time \(formatNumber(value)) s: callers must reach an agent within \(formatNumber(rules.maxDropTime)) s under the \(profile.rawValue) profile")
                        }
                    }
                case "ring_timeout":
                    if let value = reader.seconds(v, "ring_timeout") {
                        if value < rules.minimumRing {
                            reader.error(v, "ring_timeout \(formatNumber(value)) s is below the \(formatNumber(rules.minimumRing)) s minimum ring of the \(profile.rawValue) profile")
                        } else { dialing.ringTimeout = value }
                    }
                case "adapt_interval": dialing.adaptInterval = reader.seconds(v, "adapt_interval", minimum: 1) ?? dialing.adaptInterval
                case "trunks": dialing.trunks = reader.int(v, "trunks", in: 1...1_000_000) ?? dialing.trunks
                case "tally": dialing.tally = reader.choice(v, "tally", AgentTally.self) ?? dialing.tally
                case "drop_control": dialing.dropControl = reader.choice(v, "drop_control", DropControl.self) ?? dialing.dropControl
                default: dialing.machineDetection = reader.bool(v, "machine_detection") ?? dialing.machineDetection
                }
            }
        }
        if dialing.dialLevel > dialing.maxLevel {
            reader.error(levelNode ?? maxNode, "dial_level \(formatNumber(dialing.dialLevel)) is above max_level \(formatNumber(dialing.maxLevel))")
        }
        let totalAgents = agents.reduce(0) { $0 + $1.count }
        if dialing.trunks == 0 { dialing.trunks = max(1, Int((Double(totalAgents) * dialing.maxLevel * 1.5).rounded(.up))) }

        // Outcomes by hour of the called person's day.
        var outcomes = [OutcomeMix?](repeating: nil, count: 24)
        if let node = values["outcomes"], let fields = reader.mapping(node, "outcomes") {
            var defaultMix: OutcomeMix?
            var anyInvalid = false
            for field in fields {
                guard let mix = outcomeMix(field.value, "outcomes.\(field.key)", &reader) else { anyInvalid = true; continue }
                if field.key == "default" { defaultMix = mix; continue }
                guard let hours = hourRange(field.key) else {
                    reader.error(field.keyNode, "outcomes key '\(field.key)' must be 'default' or an hour range such as 09-12 (local time of the called person)")
                    continue
                }
                for hour in hours {
                    if outcomes[hour] != nil {
                        reader.error(field.keyNode, "hour \(hour) is covered twice in outcomes"); break
                    }
                    outcomes[hour] = mix
                }
            }
            for hour in 0..<24 where outcomes[hour] == nil && !anyInvalid {
                guard let defaultMix else {
                    reader.error(node, "outcomes leave hour \(hour) uncovered: add a 'default' mix"); break
                }
                outcomes[hour] = defaultMix
            }
        } else if values["outcomes"] == nil {
            reader.error(root, "missing key 'outcomes' (person, machine, busy, no_answer, disconnected probabilities)")
        }

        // Times.
        var times = CallTimes(ring: .lognormal(mean: 9, sd: 4), talk: .lognormal(mean: 180, sd: 120), wrapUp: .uniform(min: 10, max: 40),
                              preview: .fixed(8), signal: .uniform(min: 2, max: 5), machineDetection: .fixed(3), machineTalk: .fixed(12))
        if let node = values["times"], let fields = reader.mapping(node, "times", allowed: timeKeys) {
            for field in fields {
                guard let d = reader.distribution(field.value, "times.\(field.key)") else { continue }
                switch field.key {
                case "ring": times.ring = d
                case "talk": times.talk = d
                case "wrap_up": times.wrapUp = d
                case "preview": times.preview = d
                case "signal": times.signal = d
                case "machine_detection": times.machineDetection = d
                default: times.machineTalk = d
                }
            }
        }

        // Dispositions.
        var dispositions: [LeadStatus: Double] = [:]
        if let node = values["dispositions"], let fields = reader.mapping(node, "dispositions") {
            let allowed = LeadStatus.agentDispositions
            var total = 0.0
            for field in fields {
                guard let status = LeadStatus(rawValue: field.key.uppercased()), allowed.contains(status) else {
                    let names = allowed.map(\.rawValue)
                    let hint = closestMatch(field.key, in: names).map { "; did you mean '\($0)'?" } ?? ""
                    reader.error(field.keyNode, "'\(field.key)' is not an agent disposition\(hint) (use \(names.joined(separator: ", ")))")
                    continue
                }
                if let p = reader.double(field.value, "dispositions.\(field.key)", in: 0...1) { dispositions[status] = p; total += p }
            }
            if !dispositions.isEmpty, abs(total - 1) > 1e-6 {
                reader.error(node, "disposition probabilities add up to \(formatNumber((total * 10000).rounded() / 10000)), not 1")
            }
        } else if values["dispositions"] == nil {
            dispositions = [.sale: 0.08, .notInterested: 0.6, .callback: 0.12, .doNotCall: 0.05, .notProspect: 0.15]
        }

        // Do-not-call lists.
        var nationalPath: String?, companyPath: String?
        var scrub = true
        if let node = values["do_not_call"], let fields = reader.mapping(node, "do_not_call", allowed: ["national", "company", "scrub"]) {
            for field in fields {
                switch field.key {
                case "national": nationalPath = reader.string(field.value, "do_not_call.national")
                case "company": companyPath = reader.string(field.value, "do_not_call.company")
                default: scrub = reader.bool(field.value, "do_not_call.scrub") ?? scrub
                }
            }
        }

        // Recycling.
        var recycle: [LeadStatus: RecycleRule] = [
            .busy: RecycleRule(delay: 600, maxAttempts: 5), .noAnswer: RecycleRule(delay: 7200, maxAttempts: 5),
            .answeringMachineAuto: RecycleRule(delay: 14400, maxAttempts: 4), .answeringMachine: RecycleRule(delay: 14400, maxAttempts: 4),
            .drop: RecycleRule(delay: rules.redialAfterDrop, maxAttempts: 3), .callback: RecycleRule(delay: 86400, maxAttempts: 6),
        ]
        if let node = values["recycle"], let fields = reader.mapping(node, "recycle") {
            for field in fields {
                let names = LeadStatus.allCases.map(\.rawValue)
                guard let status = LeadStatus(rawValue: field.key.uppercased()), status != .new else {
                    let hint = closestMatch(field.key, in: names).map { "; did you mean '\($0)'?" } ?? ""
                    reader.error(field.keyNode, "'\(field.key)' is not a status that can be recycled\(hint)")
                    continue
                }
                if status.flags.contains(.doNotCall) || status == .sale {
                    reader.error(field.keyNode, "\(status.rawValue) leads are never dialled again")
                    continue
                }
                guard let rule = reader.mapping(field.value, "recycle.\(field.key)", allowed: ["delay", "max_attempts"]) else { continue }
                var parsed = recycle[status] ?? RecycleRule(delay: 3600, maxAttempts: 3)
                for item in rule {
                    if item.key == "delay" { parsed.delay = reader.seconds(item.value, "delay") ?? parsed.delay }
                    else { parsed.maxAttempts = reader.int(item.value, "max_attempts", in: 1...1000) ?? parsed.maxAttempts }
                }
                if status == .notInterested, rules.stopOnRefusal {
                    reader.warning(field.keyNode, "recycling NI leads calls people who refused; the \(profile.rawValue) profile stops marketing on refusal (PDPA art. 20), so each such call is a breach")
                }
                recycle[status] = parsed
            }
        }

        var pauseProbability = 0.0
        var pause = Distribution.uniform(min: 60, max: 300)
        if let node = values["pauses"], let fields = reader.mapping(node, "pauses", allowed: ["probability", "duration"]) {
            for field in fields {
                if field.key == "probability" { pauseProbability = reader.double(field.value, "pauses.probability", in: 0...1) ?? 0 }
                else { pause = reader.distribution(field.value, "pauses.duration") ?? pause }
            }
        }

        if reader.diagnostics.contains(where: { $0.severity == .error }) { return .failure(DiagnosticList(reader.diagnostics)) }
        let campaign = Campaign(
            id: id, name: name, file: file, timeZone: timeZone, siteOffsetMinutes: siteOffset, startDate: startDate, days: days,
            shiftStart: shift.start, shiftEnd: shift.end, agents: agents, routing: routing, dialing: dialing,
            outcomesByHour: outcomes.map { $0 ?? OutcomeMix(person: 0, machine: 0, busy: 0, noAnswer: 1, disconnected: 0) },
            times: times, dispositions: dispositions, recycle: recycle, compliance: rules, scrubDoNotCall: scrub,
            enforceCallingWindow: enforceWindow, leadsPath: leadsPath, nationalDoNotCallPath: nationalPath,
            companyDoNotCallPath: companyPath, safeHarbourMessage: safeHarbour, pauseProbability: pauseProbability, pause: pause)
        return .success((campaign, reader.diagnostics))
    }

    private static func outcomeMix(_ node: Node, _ context: String, _ reader: inout YAMLReader) -> OutcomeMix? {
        guard let fields = reader.mapping(node, context, allowed: outcomeKeys) else { return nil }
        var mix = OutcomeMix(person: 0, machine: 0, busy: 0, noAnswer: 0, disconnected: 0)
        var failed = false
        for field in fields {
            guard let p = reader.double(field.value, "\(context).\(field.key)", in: 0...1) else { failed = true; continue }
            switch field.key {
            case "person": mix.person = p
            case "machine": mix.machine = p
            case "busy": mix.busy = p
            case "no_answer": mix.noAnswer = p
            default: mix.disconnected = p
            }
        }
        if failed { return nil }
        if abs(mix.total - 1) > 1e-6 {
            reader.error(node, "\(context): probabilities add up to \(formatNumber((mix.total * 10000).rounded() / 10000)), not 1")
            return nil
        }
        return mix
    }

    /// `09-12` covers hours 9, 10 and 11; `21-24` the last three.
    private static func hourRange(_ key: String) -> Range<Int>? {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let start = Int(parts[0].trimmingSpaces), let end = Int(parts[1].trimmingSpaces),
              start >= 0, end <= 24, start < end else { return nil }
        return start..<end
    }

    private static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { $0.text + ": " } ?? ""
            return Diagnostic(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(prefix)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column,
                              message: "duplicate keys \(duplicates.joined(separator: ", "))")
        default:
            return Diagnostic(file: file, line: 1, message: "invalid YAML: \(error)")
        }
    }
}
