import CallsimCore
import Foundation
import Yams

/// Reads a scenario file (format v1, YAML) and checks it, reporting every problem at once
/// as `file:line:col: message`.
public enum ScenarioLoader {
    /// The scenario, or every problem found. Warnings alone do not prevent loading.
    public static func load(yaml: String, file: String) throws(DiagnosticList) -> Scenario {
        let (scenario, diagnostics) = check(yaml: yaml, file: file)
        if let scenario, !diagnostics.contains(where: { $0.severity == .error }) { return scenario }
        throw DiagnosticList(diagnostics)
    }

    /// The scenario when it has no errors, and every diagnostic (errors and warnings), in file order.
    public static func check(yaml: String, file: String) -> (Scenario?, [Diagnostic]) {
        let root: Node
        do {
            guard let node = try compose(yaml) else {
                return (nil, [Diagnostic(file: file, line: 1, column: 1, message: "the scenario file is empty")])
            }
            root = node
        } catch {
            return (nil, [yamlDiagnostic(error, file: file)])
        }
        var builder = Builder(reader: NodeReader(file: file))
        let scenario = builder.build(root)
        let diagnostics = builder.reader.diagnostics.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        return (diagnostics.contains { $0.severity == .error } ? nil : scenario, diagnostics)
    }

    /// The reader never looks at resolved tags (every scalar is read as text), so parse with
    /// the basic resolver: the default one runs a handful of regular expressions on every
    /// scalar, which was most of the load time. Yams's duplicate-key check compares resolved
    /// tags, so the basic resolver can only see more duplicates (`1` and `"1"`); when it
    /// reports one, parse again with the default resolver for the exact verdict.
    static func compose(_ yaml: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: yaml, .basic)
        } catch YamlError.duplicatedKeysInMapping {
            return try Yams.compose(yaml: yaml, .default)
        }
    }

    static func yamlDiagnostic(_ error: any Error, file: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return Diagnostic(file: file, line: 1, column: 1, message: "not readable as YAML: \(error)")
        }
        func make(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text) at \(context.mark.line):\(context.mark.column))" }
            return Diagnostic(file: file, line: max(1, mark.line), column: max(1, mark.column), message: message)
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _): return make(mark, problem, context)
        case let .parser(context, problem, mark, _): return make(mark, problem, context)
        case let .composer(context, problem, mark, _): return make(mark, problem, context)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = Array(Set(duplicates)).sorted().map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(file: file, line: max(1, context.mark.line), column: max(1, context.mark.column),
                              message: "duplicate key \(names) in one mapping")
        case let .reader(problem, offset, _, yaml):
            var line = 1, column = 1
            if let offset {
                for character in yaml.utf8.prefix(offset) {
                    if character == 0x0A { line += 1; column = 1 } else if character & 0xC0 != 0x80 { column += 1 }
                }
            }
            return Diagnostic(file: file, line: line, column: column, message: "not readable as YAML: \(problem)")
        default:
            return Diagnostic(file: file, line: 1, column: 1, message: "not readable as YAML: \(yamlError)")
        }
    }
}

private enum Namespace: String {
    case beat, ending, intent, fact, objection, drill, line
}

private struct Builder {
    var reader: NodeReader
    private var references: [(Namespace, String, Node, String)] = []
    private var indicatorReferences: [(String, Node)] = []
    private var definitions: [Namespace: [String: Node]] = [:]
    private var flagsSet: Set<String> = []
    private var flagTests: [(String, Node)] = []

    init(reader: NodeReader) { self.reader = reader }

    mutating func define(_ namespace: Namespace, _ id: String, _ node: Node) {
        if let first = definitions[namespace]?[id], let mark = first.mark {
            reader.error(node, "duplicate \(namespace.rawValue) id '\(id)' (first defined at \(mark.line):\(mark.column))")
            return
        }
        definitions[namespace, default: [:]][id] = node
    }

    mutating func refer(_ namespace: Namespace, _ id: String, _ node: Node, _ context: String) {
        references.append((namespace, id, node, context))
    }

    mutating func build(_ root: Node) -> Scenario? {
        guard let top = reader.fields(root, section: "", what: "the scenario") else { return nil }
        let id = reader.identifier(top["id"], what: "id")
        let title = reader.string(top["title"], what: "title")
        let language = top["lang"].flatMap { node -> Language? in
            guard let text = reader.string(node, what: "lang") else { return nil }
            if text == "zh-TW" || text == "en" { return Language(code: text) }
            reader.error(node, "lang must be zh-TW or en, found '\(text)'")
            return nil
        }
        let kind: ScenarioKind? = enumValue(top["kind"], what: "kind")
        let direction: CallDirection? = enumValue(top["direction"], what: "direction", allowed: ["outbound", "inbound"])
        let translationOf = top["translation_of"].flatMap { reader.identifier($0, what: "translation_of") }
        let lang = language ?? .zhTW

        let persona = top["persona"].flatMap { readPersona($0, language: lang) }
        let campaign = top["campaign"].flatMap { readCampaign($0, kind: kind) }

        var intents: [Intent] = []
        if let list = reader.sequence(top["intents"], what: "intents") {
            for item in list { if let intent = readIntent(item) { intents.append(intent) } }
        }
        let script = reader.sequence(top["script"], what: "script")?.compactMap { readStage($0) } ?? []

        var beats: [Beat] = []
        if let list = reader.sequence(top["beats"], what: "beats") {
            if list.isEmpty, let node = top["beats"] { reader.error(node, "beats must hold at least one beat") }
            for item in list { if let beat = readBeat(item) { beats.append(beat) } }
        }
        var endings: [Ending] = []
        if let list = reader.sequence(top["endings"], what: "endings") {
            if list.isEmpty, let node = top["endings"] { reader.error(node, "endings must hold at least one ending") }
            for item in list { if let ending = readEnding(item) { endings.append(ending) } }
        }
        let temperament = persona?.temperament ?? .friendly
        let fallback = readFallback(top["fallback"], temperament: temperament, language: lang)
        let thresholds = reader.sequence(top["thresholds"], what: "thresholds")?.compactMap { readThreshold($0) } ?? []
        let rubric = readRubric(top["rubric"])
        let drills = reader.sequence(top["drills"], what: "drills")?.compactMap { readDrill($0, base: persona?.mood ?? Mood()) } ?? []
        let tests = reader.sequence(top["tests"], what: "tests")?.compactMap { readTest($0) } ?? []

        // Built-in intents, then the scenario's own (which extend or replace built-ins of the same id).
        var allIntents = BuiltinIntents.intents(for: lang)
        if let persona, let campaign { allIntents += BuiltinIntents.derived(persona: persona, campaign: campaign) }
        for intent in allIntents where definitions[.intent]?[intent.id] == nil { definitions[.intent, default: [:]][intent.id] = root }
        for intent in intents {
            guard let index = allIntents.firstIndex(where: { $0.id == intent.id && $0.builtin }) else {
                allIntents.append(intent)
                continue
            }
            // `builtin` on a declared intent means `replace: true` (see readIntent).
            if intent.builtin {
                var replacement = intent
                replacement.behaviour = intent.behaviour ?? allIntents[index].behaviour
                replacement.builtin = false
                allIntents[index] = replacement
            } else {
                var merged = allIntents[index]
                merged.keywords += intent.keywords
                merged.examples += intent.examples
                merged.unless += intent.unless
                merged.effects = intent.effects
                merged.behaviour = intent.behaviour ?? merged.behaviour
                merged.builtin = false
                allIntents[index] = merged
            }
        }

        checkReferences()
        for (indicator, node) in indicatorReferences where !KnownIndicators.contains(indicator) {
            var message = "unknown indicator id '\(indicator)'"
            if let suggestion = NodeReader.suggestion(for: indicator, among: KnownIndicators.ids) { message += "; did you mean '\(suggestion)'?" }
            reader.error(node, message)
        }
        for beat in beats where beat.anytime && beat.trigger == .otherwise {
            reader.error(definitions[.beat]?[beat.id], "beat '\(beat.id)' is anytime but has no 'on' intents: it would answer every line")
        }
        for beat in beats where beat.lines.isEmpty && beat.end == nil && beat.raises == nil {
            reader.error(definitions[.beat]?[beat.id], "beat '\(beat.id)' has no 'say' (only a beat that ends the call or raises an objection may omit it)")
        }
        if let persona {
            for beat in beats where beat.lines.isEmpty && beat.end == nil {
                if let objection = beat.raises, let found = persona.objections.first(where: { $0.id == objection }), found.lines.isEmpty {
                    reader.error(definitions[.beat]?[beat.id], "beat '\(beat.id)' has no 'say' and objection '\(objection)' has none either")
                }
            }
        }

        warnAboutUnused(beats: beats, endings: endings, persona: persona, fallback: fallback, thresholds: thresholds,
                        drills: drills, intents: intents)

        guard let id, let title, let language, let kind, let direction, let persona, let campaign,
              !reader.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return Scenario(
            id: id, title: title, language: language, kind: kind, direction: direction, translationOf: translationOf,
            file: reader.file, persona: persona, campaign: campaign, script: script, intents: allIntents, beats: beats,
            endings: endings, fallback: fallback, thresholds: thresholds, rubric: rubric, drills: drills, tests: tests
        )
    }

    /// Warnings for parts of the file that can never take effect (usually a typo elsewhere).
    private mutating func warnAboutUnused(
        beats: [Beat], endings: [Ending], persona: Persona?, fallback: Fallback, thresholds: [Threshold],
        drills: [Drill], intents: [Intent]
    ) {
        for (flag, node) in flagTests where !flagsSet.contains(flag) {
            var message = "flag '\(flag)' is tested but nothing sets it"
            if let suggestion = NodeReader.suggestion(for: flag, among: flagsSet.sorted()) { message += "; did you mean '\(suggestion)'?" }
            reader.warning(node, message)
        }
        var reachable = Set<String>(beats.prefix(1).map(\.id))
        for beat in beats {
            if beat.anytime { reachable.insert(beat.id) }
            reachable.formUnion(beat.next ?? [])
        }
        reachable.formUnion(drills.map(\.from))
        for beat in beats where !reachable.contains(beat.id) {
            reader.warning(definitions[.beat]?[beat.id], "beat '\(beat.id)' is never reached: no beat's 'next' names it, it is not anytime and no drill starts there")
        }
        var endingsUsed = Set(beats.compactMap(\.end) + beats.compactMap(\.outcome) + thresholds.map(\.end))
        endingsUsed.formUnion([fallback.ending, persona?.deadAir.ending].compactMap { $0 })
        if let defaultHangup = endings.first(where: { $0.kind == .hangup }) { endingsUsed.insert(defaultHangup.id) }
        for ending in endings where !endingsUsed.contains(ending.id) {
            reader.warning(definitions[.ending]?[ending.id], "ending '\(ending.id)' is never reached: no beat, threshold, fallback or dead air ends there")
        }
        let raised = Set(beats.compactMap(\.raises) + drills.flatMap(\.objections))
        for objection in persona?.objections ?? [] where !raised.contains(objection.id) {
            reader.warning(definitions[.objection]?[objection.id], "objection '\(objection.id)' is never raised: no beat has 'raises: \(objection.id)'")
        }
        var triggers = Set<String>()
        for beat in beats { if case .intents(let list) = beat.trigger { triggers.formUnion(list) } }
        for fact in persona?.facts ?? [] { triggers.formUnion(fact.trigger) }
        for objection in persona?.objections ?? [] { triggers.formUnion(objection.resolvedBy) }
        for intent in intents where !triggers.contains(intent.id) && intent.effects.isEmpty && !intent.builtin
            && !BuiltinIntents.derivedIDs.contains(intent.id) && !BuiltinIntents.all.contains(where: { $0.id == intent.id }) {
            reader.warning(definitions[.intent]?[intent.id], "intent '\(intent.id)' is never used: no beat, fact or objection names it and it changes nothing")
        }
    }

    private mutating func checkReferences() {
        for (namespace, id, node, context) in references {
            if namespace == .drill {
                if definitions[.drill]?[id] != nil || definitions[.beat]?[id] != nil { continue }
                let candidates = Array((definitions[.drill] ?? [:]).keys) + Array((definitions[.beat] ?? [:]).keys)
                var message = "\(context) '\(id)' is neither a drill nor a beat"
                if let suggestion = NodeReader.suggestion(for: id, among: candidates.sorted()) { message += "; did you mean '\(suggestion)'?" }
                reader.error(node, message)
                continue
            }
            guard definitions[namespace]?[id] == nil else { continue }
            if namespace == .line {
                // A beat, fact, objection or ending id stands for any of its lines; default lines have fixed ids.
                let owners: [Namespace] = [.beat, .fact, .objection, .ending]
                if owners.contains(where: { definitions[$0]?[id] != nil }) || id.hasPrefix("fallback.") || id.hasPrefix("dead_air") { continue }
            }
            let candidates = (definitions[namespace] ?? [:]).keys.sorted()
            var message = "\(context) refers to unknown \(namespace.rawValue) '\(id)'"
            if let suggestion = NodeReader.suggestion(for: id, among: candidates) { message += "; did you mean '\(suggestion)'?" }
            reader.error(node, message)
        }
    }

    // MARK: - Values

    private mutating func enumValue<T: RawRepresentable & CaseIterable>(_ node: Node?, what: String) -> T? where T.RawValue == String {
        enumValue(node, what: what, allowed: T.allCases.map(\.rawValue))
    }

    private mutating func enumValue<T: RawRepresentable>(_ node: Node?, what: String, allowed: [String]) -> T? where T.RawValue == String {
        guard let node, let text = reader.string(node, what: what) else { return nil }
        if let value = T(rawValue: text) { return value }
        var message = "\(what) must be one of \(allowed.joined(separator: ", ")), found '\(text)'"
        if let suggestion = NodeReader.suggestion(for: text, among: allowed) { message += "; did you mean '\(suggestion)'?" }
        reader.error(node, message)
        return nil
    }

    /// A `say` value: one string (id = base), or a list of strings (ids base.1, base.2...) or `{id, text}`.
    private mutating func lines(_ node: Node?, base: String, what: String) -> [LineVariant] {
        guard let node else { return [] }
        var result: [LineVariant] = []
        func add(_ variant: LineVariant, _ at: Node) {
            define(.line, variant.id, at)
            result.append(variant)
        }
        switch node {
        case .scalar:
            if let text = reader.string(node, what: what) { add(LineVariant(id: base, text: text), node) }
        case .sequence(let sequence):
            if sequence.isEmpty { reader.error(node, "\(what) must hold at least one line") }
            for (index, item) in sequence.enumerated() {
                if case .mapping = item {
                    guard let fields = reader.fields(item, section: "variant", what: "a variant of \(what)") else { continue }
                    if let id = reader.identifier(fields["id"], what: "variant id"), let text = reader.string(fields["text"], what: "variant text") {
                        add(LineVariant(id: id, text: text), fields["id"] ?? item)
                    }
                } else if let text = reader.string(item, what: "a variant of \(what)") {
                    add(LineVariant(id: "\(base).\(index + 1)", text: text), item)
                }
            }
        default:
            reader.error(node, "\(what) must be text or a list of variants, found \(NodeReader.kindName(node))")
        }
        return result
    }

    private mutating func moodDeltas(_ node: Node?, what: String) -> [MoodKey: Int] {
        guard let node, let fields = reader.fields(node, section: "mood", what: what) else { return [:] }
        var result: [MoodKey: Int] = [:]
        for entry in fields.entries {
            guard let key = MoodKey(rawValue: entry.key), let value = reader.int(entry.value, what: "\(entry.key) in \(what)") else { continue }
            if abs(value) > 100 { reader.error(entry.value, "\(entry.key) change \(value) is outside -100...+100"); continue }
            result[key] = value
        }
        return result
    }

    private mutating func mood(_ node: Node?, base: Mood, what: String) -> Mood {
        guard let node, let fields = reader.fields(node, section: "mood", what: what) else { return base }
        var result = base
        for entry in fields.entries {
            guard let key = MoodKey(rawValue: entry.key), let value = reader.int(entry.value, what: "\(entry.key) in \(what)") else { continue }
            if !(0...100).contains(value) { reader.error(entry.value, "\(entry.key) must be between 0 and 100, found \(value)"); continue }
            result[key] = value
        }
        return result
    }

    private mutating func flags(_ node: Node?, what: String, setting: Bool = true) -> [String] {
        let names = reader.identifiers(node, what: what)?.map(\.0) ?? []
        if setting { flagsSet.formUnion(names) }
        return names
    }

    private mutating func effects(_ fields: Fields, what: String) -> Effects {
        Effects(
            mood: moodDeltas(fields["mood"], what: "mood of \(what)"),
            set: flags(fields["set"], what: "set"),
            clear: flags(fields["clear"], what: "clear", setting: false)
        )
    }

    private mutating func trigger(_ node: Node?, what: String) -> Trigger {
        guard let node, let ids = reader.identifiers(node, what: what) else { return .otherwise }
        if ids.count == 1, ids[0].0 == "otherwise" { return .otherwise }
        for (id, at) in ids {
            if id == "otherwise" { reader.error(at, "'otherwise' cannot be combined with intents"); continue }
            // An indicator id stands for every intent whose `behaviour` is that indicator.
            if id.contains(".") { indicatorReferences.append((id, at)) } else { refer(.intent, id, at, what) }
        }
        return .intents(ids.map(\.0).filter { $0 != "otherwise" })
    }

    private mutating func conditions(_ node: Node?, what: String, moodOnly: Bool = false) -> [Condition] {
        guard let node else { return [] }
        var items: [Node] = []
        if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
        var result: [Condition] = []
        for item in items {
            guard let text = reader.string(item, what: "a condition of \(what)") else { continue }
            guard let condition = parseCondition(text, at: item) else { continue }
            if moodOnly, case .mood = condition.test {} else if moodOnly {
                reader.error(item, "thresholds test mood only (patience, trust, interest), found '\(text)'")
                continue
            }
            result.append(condition)
        }
        return result
    }

    private mutating func parseCondition(_ text: String, at node: Node) -> Condition? {
        var words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var negated = false
        if words.first == "not" || words.first == "!" { negated = true; words.removeFirst() }
        if let first = words.first, first.hasPrefix("!"), first.count > 1 { negated = true; words[0].removeFirst() }
        // Allow `trust>=40` without spaces.
        if words.count == 1, let op = Condition.Comparison.allCases.first(where: { words[0].contains($0.rawValue) }) {
            let parts = words[0].components(separatedBy: op.rawValue)
            if parts.count == 2 { words = [parts[0], op.rawValue, parts[1]] }
        }
        if words.count == 3, let key = MoodKey(rawValue: words[0]) {
            guard let op = Condition.Comparison(rawValue: words[1]) else {
                reader.error(node, "unknown comparison '\(words[1])' in condition '\(text)'; use <, <=, >, >=, == or !=")
                return nil
            }
            guard let value = NodeReader.parseInt(words[2]) else {
                reader.error(node, "condition '\(text)' must compare with a whole number")
                return nil
            }
            return Condition(test: .mood(key, op, value), negated: negated, text: text)
        }
        if words.count == 2 {
            let id = words[1]
            switch words[0] {
            case "flag":
                flagTests.append((id, node))
                return Condition(test: .flag(id), negated: negated, text: text)
            case "fact": refer(.fact, id, node, "condition '\(text)'"); return Condition(test: .fact(id), negated: negated, text: text)
            case "objection": refer(.objection, id, node, "condition '\(text)'"); return Condition(test: .objection(id), negated: negated, text: text)
            case "resolved": refer(.objection, id, node, "condition '\(text)'"); return Condition(test: .resolved(id), negated: negated, text: text)
            default: break
            }
        }
        var message = "cannot read condition '\(text)'; write 'trust >= 40', 'flag NAME', 'fact ID', 'objection ID' or 'resolved ID', optionally after 'not'"
        if let first = words.first, MoodKey(rawValue: first) == nil, words.count == 3,
           let suggestion = NodeReader.suggestion(for: first, among: MoodKey.allCases.map(\.rawValue)) {
            message = "unknown mood '\(first)' in condition '\(text)'; did you mean '\(suggestion)'?"
        }
        reader.error(node, message)
        return nil
    }

    // MARK: - Sections

    private mutating func readPersona(_ node: Node, language: Language) -> Persona? {
        guard let fields = reader.fields(node, section: "persona", what: "persona") else { return nil }
        let name = reader.string(fields["name"], what: "persona.name")
        let address = reader.string(fields["address"], what: "persona.address")
        let variants = reader.strings(fields["address_variants"], what: "persona.address_variants") ?? []
        let temperament: Temperament? = enumValue(fields["temperament"], what: "persona.temperament")
        let background = fields["background"].flatMap { reader.string($0, what: "persona.background") } ?? ""
        let mood = mood(fields["mood"], base: Mood(), what: "persona.mood")
        let deadAir = readDeadAir(fields["dead_air"], temperament: temperament ?? .friendly, language: language)

        var facts: [Fact] = []
        for item in reader.sequence(fields["facts"], what: "persona.facts") ?? [] {
            guard let fact = reader.fields(item, section: "facts", what: "a fact"),
                  let id = reader.identifier(fact["id"], what: "fact id") else { continue }
            define(.fact, id, fact["id"] ?? item)
            let on = trigger(fact["on"], what: "fact '\(id)' on")
            var intents: [String] = []
            if case .intents(let list) = on { intents = list } else if fact.has("on") {
                reader.error(fact["on"], "fact '\(id)' needs intents in 'on', not 'otherwise'")
            }
            let said = lines(fact["say"], base: id, what: "fact '\(id)' say")
            let mood = moodDeltas(fact["mood"], what: "mood of fact '\(id)'")
            let set = flags(fact["set"], what: "set")
            facts.append(Fact(id: id, trigger: intents, lines: said, effects: Effects(mood: mood, set: set)))
        }
        var objections: [Objection] = []
        for item in reader.sequence(fields["objections"], what: "persona.objections") ?? [] {
            guard let objection = reader.fields(item, section: "objections", what: "an objection"),
                  let id = reader.identifier(objection["id"], what: "objection id") else { continue }
            define(.objection, id, objection["id"] ?? item)
            let said = lines(objection["say"], base: id, what: "objection '\(id)' say")
            var resolvers: [String] = []
            if case .intents(let list) = trigger(objection["resolved_by"], what: "objection '\(id)' resolved_by") { resolvers = list }
            var mood = moodDeltas(objection["mood"], what: "mood of objection '\(id)'")
            if !objection.has("mood") { mood = [.trust: 10] }
            let reply = lines(objection["reply"], base: "\(id).reply", what: "objection '\(id)' reply")
            objections.append(Objection(id: id, lines: said, resolvedBy: resolvers, effects: Effects(mood: mood), reply: reply))
        }
        guard let name, let address, let temperament else { return nil }
        return Persona(name: name, address: address, addressVariants: variants, temperament: temperament, background: background,
                       mood: mood, deadAir: deadAir, facts: facts, objections: objections)
    }

    private mutating func readDeadAir(_ node: Node?, temperament: Temperament, language: Language) -> DeadAir {
        let defaultLines = language == .zhTW
            ? [LineVariant(id: "dead_air.1", text: "喂？還在嗎？"), LineVariant(id: "dead_air.2", text: "喂？請問還在線上嗎？")]
            : [LineVariant(id: "dead_air.1", text: "Hello? Are you still there?"), LineVariant(id: "dead_air.2", text: "Hello? Anyone there?")]
        var deadAir = DeadAir(limit: 15, lines: defaultLines, hangupAfter: temperament.silenceHangupAfter, ending: nil,
                              effects: Effects(mood: [.patience: -10]))
        guard let node, let fields = reader.fields(node, section: "dead_air", what: "persona.dead_air") else { return deadAir }
        if let limit = fields["limit"] {
            if case .scalar(let scalar) = limit, scalar.string == "never" {
                deadAir.limit = nil
            } else if let value = reader.double(limit, what: "dead_air.limit") {
                if value <= 0 { reader.error(limit, "dead_air.limit must be more than 0 seconds (or 'never')") } else { deadAir.limit = value }
            }
        }
        if fields.has("say") { deadAir.lines = lines(fields["say"], base: "dead_air", what: "dead_air.say") }
        if let count = reader.int(fields["hangup_after"], what: "dead_air.hangup_after") {
            if count < 1 { reader.error(fields["hangup_after"], "dead_air.hangup_after must be at least 1") } else { deadAir.hangupAfter = count }
        }
        if let end = fields["end"], let id = reader.identifier(end, what: "dead_air.end") {
            refer(.ending, id, end, "dead_air.end")
            deadAir.ending = id
        }
        if fields.has("mood") { deadAir.effects = Effects(mood: moodDeltas(fields["mood"], what: "dead_air.mood")) }
        return deadAir
    }

    private mutating func readCampaign(_ node: Node, kind: ScenarioKind?) -> Scenario.Campaign? {
        guard let fields = reader.fields(node, section: "campaign", what: "campaign") else { return nil }
        let company = reader.string(fields["company"], what: "campaign.company")
        var record: [Scenario.Campaign.RecordField] = []
        if let node = fields["customer_record"], let entries = reader.freeMapping(node, what: "campaign.customer_record") {
            for entry in entries {
                if let value = reader.string(entry.value, what: "customer_record '\(entry.key)'") {
                    record.append(Scenario.Campaign.RecordField(label: entry.key, value: value))
                }
            }
        }
        let campaign = Scenario.Campaign(
            company: company ?? "",
            agent: fields["agent"].flatMap { reader.string($0, what: "campaign.agent") },
            product: fields["product"].flatMap { reader.string($0, what: "campaign.product") },
            price: fields["price"].flatMap { reader.string($0, what: "campaign.price") },
            offers: reader.strings(fields["offers"], what: "campaign.offers") ?? [],
            allowedRemedies: reader.strings(fields["allowed_remedies"], what: "campaign.allowed_remedies") ?? [],
            policy: reader.strings(fields["policy"], what: "campaign.policy") ?? [],
            leadSource: fields["lead_source"].flatMap { reader.string($0, what: "campaign.lead_source") },
            recording: reader.bool(fields["recording"], what: "campaign.recording") ?? false,
            costsMoney: reader.bool(fields["costs_money"], what: "campaign.costs_money") ?? (kind == .sales),
            customerRecord: record
        )
        return company == nil ? nil : campaign
    }

    private mutating func readStage(_ node: Node) -> ScriptStage? {
        guard let fields = reader.fields(node, section: "script", what: "a script stage") else { return nil }
        let stage = reader.string(fields["stage"], what: "script stage")
        let line = reader.string(fields["say"], what: "script say")
        let shows = reader.identifiers(fields["shows"], what: "script shows") ?? []
        for (id, at) in shows { indicatorReferences.append((id, at)) }
        let after = reader.identifiers(fields["after"], what: "script after") ?? []
        for (id, at) in after { refer(.beat, id, at, "script after") }
        guard let stage, let line else { return nil }
        return ScriptStage(stage: stage, line: line, shows: shows.map(\.0), after: after.map(\.0))
    }

    private mutating func readIntent(_ node: Node) -> Intent? {
        guard let fields = reader.fields(node, section: "intents", what: "an intent"),
              let id = reader.identifier(fields["id"], what: "intent id") else { return nil }
        let isBuiltin = BuiltinIntents.all.contains { $0.id == id } || BuiltinIntents.derivedIDs.contains(id)
        define(.intent, id, fields["id"] ?? node)
        if id == "otherwise" { reader.error(fields["id"], "'otherwise' is reserved and cannot be an intent id") }
        let keywords = reader.strings(fields["keywords"], what: "intent '\(id)' keywords") ?? []
        let examples = reader.strings(fields["examples"], what: "intent '\(id)' examples") ?? []
        let unless = reader.strings(fields["unless"], what: "intent '\(id)' unless") ?? []
        let replace = reader.bool(fields["replace"], what: "intent '\(id)' replace") ?? false
        if replace, !isBuiltin { reader.error(fields["replace"], "intent '\(id)' is not built in, so there is nothing to replace") }
        var behaviour: String?
        if let node = fields["behaviour"], let value = reader.identifier(node, what: "intent behaviour") {
            indicatorReferences.append((value, node))
            behaviour = value
        }
        if keywords.isEmpty, examples.isEmpty, !isBuiltin {
            reader.error(fields.node, "intent '\(id)' needs keywords or examples")
        }
        let effects = Effects(mood: moodDeltas(fields["mood"], what: "mood of intent '\(id)'"), set: flags(fields["set"], what: "set"))
        // `builtin` marks a replacement here; the merge in `build` reads it.
        return Intent(id: id, keywords: keywords, examples: examples, unless: unless, effects: effects, behaviour: behaviour, builtin: replace)
    }

    private mutating func readBeat(_ node: Node) -> Beat? {
        guard let fields = reader.fields(node, section: "beats", what: "a beat"),
              let id = reader.identifier(fields["id"], what: "beat id") else { return nil }
        define(.beat, id, fields["id"] ?? node)
        let lines = lines(fields["say"], base: id, what: "beat '\(id)' say")
        let on = trigger(fields["on"], what: "beat '\(id)' on")
        let conditions = conditions(fields["if"], what: "beat '\(id)'")
        let effects = effects(fields, what: "beat '\(id)'")
        var raises: String?
        if let node = fields["raises"], let value = reader.identifier(node, what: "raises") {
            refer(.objection, value, node, "beat '\(id)' raises")
            raises = value
        }
        var next: [String]?
        if let node = fields["next"], let ids = reader.identifiers(node, what: "next") {
            for (target, at) in ids { refer(.beat, target, at, "beat '\(id)' next") }
            next = ids.map(\.0)
        }
        var end: String?
        if let node = fields["end"], let value = reader.identifier(node, what: "end") {
            refer(.ending, value, node, "beat '\(id)' end")
            end = value
        }
        var outcome: String?
        if let node = fields["outcome"], let value = reader.identifier(node, what: "outcome") {
            refer(.ending, value, node, "beat '\(id)' outcome")
            outcome = value
        }
        if end != nil, next != nil { reader.error(fields["next"], "beat '\(id)' has both 'end' and 'next'") }
        let anytime = reader.bool(fields["anytime"], what: "anytime") ?? false
        let once = reader.bool(fields["once"], what: "once") ?? false
        return Beat(id: id, lines: lines, trigger: on, conditions: conditions, effects: effects, raises: raises, next: next,
                    end: end, outcome: outcome, anytime: anytime, once: once, line: node.mark?.line ?? 0)
    }

    private mutating func readEnding(_ node: Node) -> Ending? {
        guard let fields = reader.fields(node, section: "endings", what: "an ending"),
              let id = reader.identifier(fields["id"], what: "ending id") else { return nil }
        define(.ending, id, fields["id"] ?? node)
        let kind: CallOutcome? = enumValue(fields["kind"], what: "ending kind")
        let lines = lines(fields["say"], base: id, what: "ending '\(id)' say")
        guard let kind else { return nil }
        return Ending(id: id, kind: kind, lines: lines)
    }

    private mutating func readFallback(_ node: Node?, temperament: Temperament, language: Language) -> Fallback {
        let zh = language == .zhTW
        var fallback = Fallback(
            confused: zh
                ? [LineVariant(id: "fallback.confused.1", text: "蛤？不好意思，你是說什麼？"), LineVariant(id: "fallback.confused.2", text: "嗯？我聽不太懂欸。")]
                : [LineVariant(id: "fallback.confused.1", text: "Sorry, what do you mean?"), LineVariant(id: "fallback.confused.2", text: "I'm not sure I follow.")],
            impatient: zh
                ? [LineVariant(id: "fallback.impatient.1", text: "欸，你到底要講什麼？"), LineVariant(id: "fallback.impatient.2", text: "我有點忙，你可以講重點嗎？")]
                : [LineVariant(id: "fallback.impatient.1", text: "Look, what is this about?"), LineVariant(id: "fallback.impatient.2", text: "I'm busy. Can you get to the point?")],
            effects: Effects(mood: [.patience: -temperament.fallbackPatienceDrop]),
            hangupAfter: temperament.fallbackHangupAfter,
            ending: nil
        )
        guard let node, let fields = reader.fields(node, section: "fallback", what: "fallback") else { return fallback }
        if fields.has("confused") { fallback.confused = lines(fields["confused"], base: "fallback.confused", what: "fallback.confused") }
        if fields.has("impatient") { fallback.impatient = lines(fields["impatient"], base: "fallback.impatient", what: "fallback.impatient") }
        if fields.has("mood") { fallback.effects = Effects(mood: moodDeltas(fields["mood"], what: "fallback.mood")) }
        if let count = reader.int(fields["hangup_after"], what: "fallback.hangup_after") {
            if count < 1 { reader.error(fields["hangup_after"], "fallback.hangup_after must be at least 1") } else { fallback.hangupAfter = count }
        }
        if let end = fields["end"], let id = reader.identifier(end, what: "fallback.end") {
            refer(.ending, id, end, "fallback.end")
            fallback.ending = id
        }
        return fallback
    }

    private mutating func readThreshold(_ node: Node) -> Threshold? {
        guard let fields = reader.fields(node, section: "thresholds", what: "a threshold") else { return nil }
        let conditions = conditions(fields["if"], what: "a threshold", moodOnly: true)
        guard let endNode = fields["end"], let end = reader.identifier(endNode, what: "threshold end") else { return nil }
        refer(.ending, end, endNode, "threshold end")
        guard !conditions.isEmpty else { return nil }
        return Threshold(conditions: conditions, end: end)
    }

    private mutating func readRubric(_ node: Node?) -> Scenario.Rubric {
        var rubric = Scenario.Rubric(indicators: [], pass: nil)
        guard let node, let fields = reader.fields(node, section: "rubric", what: "rubric") else { return rubric }
        if let indicators = fields["indicators"] {
            if case .sequence = indicators {
                for (id, at) in reader.identifiers(indicators, what: "rubric.indicators") ?? [] {
                    indicatorReferences.append((id, at))
                    rubric.indicators.append(.init(indicator: id, weight: 1))
                }
            } else if let entries = reader.freeMapping(indicators, what: "rubric.indicators") {
                for entry in entries {
                    indicatorReferences.append((entry.key, entry.keyNode))
                    guard let weight = reader.double(entry.value, what: "weight of '\(entry.key)'") else { continue }
                    if weight < 0 { reader.error(entry.value, "weight of '\(entry.key)' must not be negative"); continue }
                    rubric.indicators.append(.init(indicator: entry.key, weight: weight))
                }
            }
        }
        if let pass = reader.int(fields["pass"], what: "rubric.pass") {
            if (0...100).contains(pass) { rubric.pass = pass } else { reader.error(fields["pass"], "rubric.pass must be between 0 and 100") }
        }
        return rubric
    }

    private mutating func readDrill(_ node: Node, base: Mood) -> Drill? {
        guard let fields = reader.fields(node, section: "drills", what: "a drill"),
              let id = reader.identifier(fields["id"], what: "drill id") else { return nil }
        define(.drill, id, fields["id"] ?? node)
        let title = fields["title"].flatMap { reader.string($0, what: "drill title") } ?? id
        guard let fromNode = fields["from"], let from = reader.identifier(fromNode, what: "drill from") else { return nil }
        refer(.beat, from, fromNode, "drill '\(id)' from")
        let mood = mood(fields["mood"], base: base, what: "drill '\(id)' mood")
        let flags = flags(fields["flags"], what: "drill flags")
        let facts = reader.identifiers(fields["facts"], what: "drill facts") ?? []
        for (fact, at) in facts { refer(.fact, fact, at, "drill '\(id)' facts") }
        let objections = reader.identifiers(fields["objections"], what: "drill objections") ?? []
        for (objection, at) in objections { refer(.objection, objection, at, "drill '\(id)' objections") }
        return Drill(id: id, title: title, from: from, mood: mood, flags: flags, facts: facts.map(\.0), objections: objections.map(\.0))
    }

    private mutating func readTest(_ node: Node) -> GoldenTest? {
        guard let fields = reader.fields(node, section: "tests", what: "a test"),
              let name = reader.string(fields["name"], what: "test name") else { return nil }
        var seed: UInt64 = 1
        if let node = fields["seed"] {
            if case .scalar(let scalar) = node, let value = UInt64(scalar.string) { seed = value } else {
                reader.error(node, "test seed must be a whole number from 0, found \(NodeReader.describe(node))")
            }
        }
        var from: String?
        if let node = fields["from"], let value = reader.identifier(node, what: "test from") {
            refer(.drill, value, node, "test '\(name)' from")
            from = value
        }
        let agent = reader.strings(fields["agent"], what: "test agent") ?? []
        if agent.isEmpty, fields.has("agent") { reader.error(fields["agent"], "test '\(name)' has no agent lines") }
        var customer: [String]?
        if let node = fields["customer"] {
            let ids = reader.identifiers(node, what: "test customer") ?? []
            for (id, at) in ids { references.append((.line, id, at, "test '\(name)' customer")) }
            customer = ids.map(\.0)
        }
        var ending: String?
        if let node = fields["ending"], let value = reader.identifier(node, what: "test ending") {
            refer(.ending, value, node, "test '\(name)' ending")
            ending = value
        }
        var indicators: [GoldenTest.IndicatorExpectation] = []
        if let node = fields["indicators"], let entries = reader.freeMapping(node, what: "test indicators") {
            for entry in entries {
                indicatorReferences.append((entry.key, entry.keyNode))
                guard let status = reader.string(entry.value, what: "status of '\(entry.key)'") else { continue }
                let allowed = ["hit", "missed", "violated", "na"]
                if !allowed.contains(status) {
                    reader.error(entry.value, "status of '\(entry.key)' must be one of \(allowed.joined(separator: ", ")), found '\(status)'")
                    continue
                }
                indicators.append(.init(id: entry.key, status: status))
            }
        }
        let minScore = reader.int(fields["min_score"], what: "min_score")
        let maxScore = reader.int(fields["max_score"], what: "max_score")
        if let minScore, let maxScore, minScore > maxScore { reader.error(fields["min_score"], "min_score \(minScore) is above max_score \(maxScore)") }
        return GoldenTest(name: name, seed: seed, from: from, agent: agent, customer: customer, ending: ending, indicators: indicators,
                          minScore: minScore, maxScore: maxScore, line: node.mark?.line ?? 0)
    }
}
