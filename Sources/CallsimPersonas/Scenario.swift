import CallsimCore
import Synchronization

/// What a scenario trains.
public enum ScenarioKind: String, Sendable, Hashable, Codable, CaseIterable {
    case sales, complaint, service
}

/// How a persona behaves by default (fallback patience, silences tolerated).
public enum Temperament: String, Sendable, Hashable, Codable, CaseIterable {
    case friendly, hostile, hesitant, busy, complaining, skeptical, talkative

    /// Patience lost each time the agent's line means nothing to the customer.
    var fallbackPatienceDrop: Int {
        switch self {
        case .friendly, .talkative: 10
        case .hesitant, .skeptical: 15
        case .busy, .complaining: 20
        case .hostile: 25
        }
    }

    /// Consecutive unmatched agent lines before the customer hangs up.
    var fallbackHangupAfter: Int {
        switch self {
        case .friendly, .talkative, .hesitant: 4
        case .skeptical, .complaining: 3
        case .busy, .hostile: 2
        }
    }

    /// Consecutive dead-air silences before the customer hangs up.
    var silenceHangupAfter: Int {
        switch self {
        case .friendly, .talkative, .hesitant, .skeptical: 3
        case .busy, .hostile, .complaining: 2
        }
    }
}

/// The persona's mood; each value is kept within 0...100.
public struct Mood: Sendable, Hashable, Codable {
    public var patience: Int
    public var trust: Int
    public var interest: Int

    public init(patience: Int = 70, trust: Int = 40, interest: Int = 30) {
        self.patience = patience
        self.trust = trust
        self.interest = interest
    }

    public subscript(key: MoodKey) -> Int {
        get {
            switch key {
            case .patience: patience
            case .trust: trust
            case .interest: interest
            }
        }
        set {
            let clamped = min(100, max(0, newValue))
            switch key {
            case .patience: patience = clamped
            case .trust: trust = clamped
            case .interest: interest = clamped
            }
        }
    }
}

public enum MoodKey: String, Sendable, Hashable, Codable, CaseIterable {
    case patience, trust, interest
}

/// One way of saying a customer line; its id is stable across translations.
public struct LineVariant: Sendable, Hashable, Codable {
    public var id: String
    public var text: String
    public init(id: String, text: String) { self.id = id; self.text = text }
}

/// Changes to mood and flags.
public struct Effects: Sendable, Hashable, Codable {
    /// Mood deltas, in `MoodKey` order.
    public var mood: [MoodKey: Int]
    public var set: [String]
    public var clear: [String]

    public init(mood: [MoodKey: Int] = [:], set: [String] = [], clear: [String] = []) {
        self.mood = mood
        self.set = set
        self.clear = clear
    }

    public var isEmpty: Bool { mood.isEmpty && set.isEmpty && clear.isEmpty }
}

/// A test on the persona's state, written like `trust >= 40` or `not flag asked_source`.
public struct Condition: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
        case lessOrEqual = "<=", greaterOrEqual = ">=", equal = "==", notEqual = "!=", less = "<", greater = ">"
    }

    public enum Test: Sendable, Hashable, Codable {
        case mood(MoodKey, Comparison, Int)
        case flag(String)
        case fact(String)
        /// Raised and not yet resolved.
        case objection(String)
        case resolved(String)
    }

    public var test: Test
    public var negated: Bool
    public var text: String

    public init(test: Test, negated: Bool = false, text: String) {
        self.test = test
        self.negated = negated
        self.text = text
    }

    public var description: String { text }
}

/// What makes a beat, a fact or a resolution happen.
public enum Trigger: Sendable, Hashable, Codable {
    /// Any agent line.
    case otherwise
    /// The agent's line matches one of these intents.
    case intents([String])
}

/// A customer line with the conditions under which the customer says it.
public struct Beat: Sendable, Hashable, Codable {
    public var id: String
    public var lines: [LineVariant]
    public var trigger: Trigger
    public var conditions: [Condition]
    public var effects: Effects
    /// Objection id the customer raises with this beat.
    public var raises: String?
    /// Beats considered after this one, in order; nil keeps the current ones.
    public var next: [String]?
    /// The call ends after this beat with this ending.
    public var end: String?
    /// The ending the call will have when it ends later (for example a sale agreed before the close).
    public var outcome: String?
    /// Considered at every turn, before the current beats (interruptions).
    public var anytime: Bool
    /// Fires at most once per call.
    public var once: Bool
    public var line: Int

    public init(
        id: String, lines: [LineVariant], trigger: Trigger = .otherwise, conditions: [Condition] = [],
        effects: Effects = Effects(), raises: String? = nil, next: [String]? = nil, end: String? = nil,
        outcome: String? = nil, anytime: Bool = false, once: Bool = false, line: Int = 0
    ) {
        self.id = id
        self.lines = lines
        self.trigger = trigger
        self.conditions = conditions
        self.effects = effects
        self.raises = raises
        self.next = next
        self.end = end
        self.outcome = outcome
        self.anytime = anytime
        self.once = once
        self.line = line
    }
}

/// How a call ends, and what the customer says last when no beat says it.
public struct Ending: Sendable, Hashable, Codable {
    public var id: String
    public var kind: CallOutcome
    public var lines: [LineVariant]

    public init(id: String, kind: CallOutcome, lines: [LineVariant] = []) {
        self.id = id
        self.kind = kind
        self.lines = lines
    }
}

/// Something the customer tells only when asked the right question.
public struct Fact: Sendable, Hashable, Codable {
    public var id: String
    public var trigger: [String]
    public var lines: [LineVariant]
    public var effects: Effects
}

/// An objection a beat raises, and what resolves it.
public struct Objection: Sendable, Hashable, Codable {
    public var id: String
    public var lines: [LineVariant]
    public var resolvedBy: [String]
    /// Applied when resolved.
    public var effects: Effects
    /// What the customer says when the objection is resolved and no beat answers.
    public var reply: [LineVariant]
}

public struct DeadAir: Sendable, Hashable, Codable {
    /// Seconds of silence before the customer reacts; nil never.
    public var limit: Double?
    public var lines: [LineVariant]
    public var hangupAfter: Int
    public var ending: String?
    public var effects: Effects
}

public struct Persona: Sendable, Hashable, Codable {
    public var name: String
    /// How the agent should address the customer (林太太, Mrs Lin).
    public var address: String
    public var addressVariants: [String]
    public var temperament: Temperament
    public var background: String
    public var mood: Mood
    public var deadAir: DeadAir
    public var facts: [Fact]
    public var objections: [Objection]
}

/// A stage of the call script with its model line.
public struct ScriptStage: Sendable, Hashable, Codable {
    public var stage: String
    public var line: String
    /// Indicator ids the model line demonstrates.
    public var shows: [String]
    /// Beats after which this stage's line is the hint.
    public var after: [String]
}

/// A scenario-specific or built-in meaning of an agent line.
public struct Intent: Sendable, Hashable, Codable {
    public var id: String
    public var keywords: [String]
    public var examples: [String]
    /// Keywords that veto a match (不方便 against 方便).
    public var unless: [String]
    /// Applied every time the agent's line matches.
    public var effects: Effects
    /// Catalog indicator behaviour this intent detects.
    public var behaviour: String?
    public var builtin: Bool

    public init(
        id: String, keywords: [String] = [], examples: [String] = [], unless: [String] = [],
        effects: Effects = Effects(), behaviour: String? = nil, builtin: Bool = false
    ) {
        self.id = id
        self.keywords = keywords
        self.examples = examples
        self.unless = unless
        self.effects = effects
        self.behaviour = behaviour
        self.builtin = builtin
    }
}

public struct Fallback: Sendable, Hashable, Codable {
    public var confused: [LineVariant]
    public var impatient: [LineVariant]
    public var effects: Effects
    public var hangupAfter: Int
    public var ending: String?
}

public struct Threshold: Sendable, Hashable, Codable {
    public var conditions: [Condition]
    public var end: String
}

/// A named starting point for practising one part of a call.
public struct Drill: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var from: String
    public var mood: Mood
    public var flags: [String]
    public var facts: [String]
    public var objections: [String]
}

/// A golden conversation kept inside the scenario file.
public struct GoldenTest: Sendable, Hashable, Codable {
    public var name: String
    public var seed: UInt64
    public var from: String?
    /// The agent's lines; `/silence [SECONDS]` and `/hangup` stand for dead air and the agent hanging up.
    public var agent: [String]
    /// Expected customer line ids (a beat id matches any of its variants).
    public var customer: [String]?
    public var ending: String?
    public var indicators: [IndicatorExpectation]
    public var minScore: Int?
    public var maxScore: Int?
    public var line: Int

    public struct IndicatorExpectation: Sendable, Hashable, Codable {
        public var id: String
        public var status: String
    }
}

/// A loaded, checked scenario.
public struct Scenario: Sendable {
    public var id: String
    public var title: String
    public var language: Language
    public var kind: ScenarioKind
    public var direction: CallDirection
    public var translationOf: String?
    /// The file it came from (for messages).
    public var file: String
    public var persona: Persona
    public var campaign: Campaign
    public var script: [ScriptStage]
    /// Declared and built-in intents, as used by the engine; fixed at load time because the
    /// compiled matcher indexes them.
    public internal(set) var intents: [Intent]
    public var beats: [Beat]
    public var endings: [Ending]
    public var fallback: Fallback
    public var thresholds: [Threshold]
    public var rubric: Rubric
    public var drills: [Drill]
    public var tests: [GoldenTest]

    /// Compiled on the first match: listing scenarios never matches a line, so loading them
    /// all does not pay for indexing every keyword of every one.
    private let lazyMatcher: LazyIntentMatcher
    var matcher: IntentMatcher { lazyMatcher.matcher }

    init(
        id: String, title: String, language: Language, kind: ScenarioKind, direction: CallDirection,
        translationOf: String?, file: String, persona: Persona, campaign: Campaign, script: [ScriptStage],
        intents: [Intent], beats: [Beat], endings: [Ending], fallback: Fallback, thresholds: [Threshold],
        rubric: Rubric, drills: [Drill], tests: [GoldenTest]
    ) {
        self.id = id
        self.title = title
        self.language = language
        self.kind = kind
        self.direction = direction
        self.translationOf = translationOf
        self.file = file
        self.persona = persona
        self.campaign = campaign
        self.script = script
        self.intents = intents
        self.beats = beats
        self.endings = endings
        self.fallback = fallback
        self.thresholds = thresholds
        self.rubric = rubric
        self.drills = drills
        self.tests = tests
        self.lazyMatcher = LazyIntentMatcher(intents: intents)
    }

    public func beat(_ id: String) -> Beat? { beats.first { $0.id == id } }
    public func ending(_ id: String) -> Ending? { endings.first { $0.id == id } }

    /// The intent ids an agent line matches, sorted.
    public func intents(matching line: String) -> [String] {
        matcher.match(line).map { intents[$0].id }.sorted()
    }
}

extension Scenario {
    /// Which indicators apply to the scenario, their weights and the pass mark.
    /// (Nested: the scorer and the store have rubric types of their own.)
    public struct Rubric: Sendable, Hashable, Codable {
        public struct Weight: Sendable, Hashable, Codable {
            public var indicator: String
            public var weight: Double
        }
        /// Indicators that apply, in file order; empty means the whole catalog.
        public var indicators: [Weight]
        public var pass: Int?
    }
}

extension Scenario {
    /// The campaign the agent works for: the brief and the scorer's context.
    /// (Nested: the dialer has a campaign type of its own.)
    public struct Campaign: Sendable, Hashable, Codable {
        public var company: String
        public var agent: String?
        public var product: String?
        public var price: String?
        public var offers: [String]
        public var allowedRemedies: [String]
        public var policy: [String]
        public var leadSource: String?
        public var recording: Bool
        public var costsMoney: Bool
        /// The customer record the agent sees before the call, as label and value, in file order.
        public var customerRecord: [RecordField]

        public struct RecordField: Sendable, Hashable, Codable {
            public var label: String
            public var value: String
        }
    }
}

/// The matcher for a fixed list of intents, built once on first use and shared by copies.
final class LazyIntentMatcher: Sendable {
    private let intents: [Intent]
    private let built = Mutex<IntentMatcher?>(nil)

    init(intents: [Intent]) { self.intents = intents }

    var matcher: IntentMatcher {
        built.withLock { built in
            if let built { return built }
            let matcher = IntentMatcher(intents: intents)
            built = matcher
            return matcher
        }
    }
}

/// Lets the executable keep loaded scenarios in a cache; the matcher is rebuilt from the intents.
/// An intent equal to a built-in one is stored as its index among the built-ins (most of a
/// scenario's intents are), which keeps the cache small and quick to decode.
extension Scenario: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, title, language, kind, direction, translationOf, file, persona, campaign, script
        case intents, builtinIntentIndices, beats, endings, fallback, thresholds, rubric, drills, tests
    }

    private static func builtinCandidates(_ language: Language, _ persona: Persona, _ campaign: Campaign) -> [Intent] {
        BuiltinIntents.intents(for: language) + BuiltinIntents.derived(persona: persona, campaign: campaign)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let language = try c.decode(Language.self, forKey: .language)
        let persona = try c.decode(Persona.self, forKey: .persona)
        let campaign = try c.decode(Campaign.self, forKey: .campaign)
        // -1 takes the next of the scenario's own intents; any other value is a built-in's index.
        let indices = try c.decode([Int].self, forKey: .builtinIntentIndices)
        var own = try c.decode([Intent].self, forKey: .intents).makeIterator()
        let candidates = Self.builtinCandidates(language, persona, campaign)
        var intents: [Intent] = []
        intents.reserveCapacity(indices.count)
        for index in indices {
            if index == -1, let intent = own.next() {
                intents.append(intent)
            } else if candidates.indices.contains(index) {
                intents.append(candidates[index])
            } else {
                throw DecodingError.dataCorruptedError(forKey: .builtinIntentIndices, in: c, debugDescription: "no built-in intent \(index)")
            }
        }
        guard own.next() == nil else {
            throw DecodingError.dataCorruptedError(forKey: .intents, in: c, debugDescription: "more intents than indices")
        }
        self.init(
            id: try c.decode(String.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
            language: language, kind: try c.decode(ScenarioKind.self, forKey: .kind),
            direction: try c.decode(CallDirection.self, forKey: .direction),
            translationOf: try c.decodeIfPresent(String.self, forKey: .translationOf),
            file: try c.decode(String.self, forKey: .file), persona: persona,
            campaign: campaign, script: try c.decode([ScriptStage].self, forKey: .script),
            intents: intents, beats: try c.decode([Beat].self, forKey: .beats),
            endings: try c.decode([Ending].self, forKey: .endings), fallback: try c.decode(Fallback.self, forKey: .fallback),
            thresholds: try c.decode([Threshold].self, forKey: .thresholds), rubric: try c.decode(Rubric.self, forKey: .rubric),
            drills: try c.decode([Drill].self, forKey: .drills), tests: try c.decode([GoldenTest].self, forKey: .tests))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(language, forKey: .language)
        try c.encode(kind, forKey: .kind)
        try c.encode(direction, forKey: .direction)
        try c.encodeIfPresent(translationOf, forKey: .translationOf)
        try c.encode(file, forKey: .file)
        try c.encode(persona, forKey: .persona)
        try c.encode(campaign, forKey: .campaign)
        try c.encode(script, forKey: .script)
        let candidates = Self.builtinCandidates(language, persona, campaign)
        var indices: [Int] = []
        var own: [Intent] = []
        for intent in intents {
            if let index = candidates.firstIndex(of: intent) {
                indices.append(index)
            } else {
                indices.append(-1)
                own.append(intent)
            }
        }
        try c.encode(indices, forKey: .builtinIntentIndices)
        try c.encode(own, forKey: .intents)
        try c.encode(beats, forKey: .beats)
        try c.encode(endings, forKey: .endings)
        try c.encode(fallback, forKey: .fallback)
        try c.encode(thresholds, forKey: .thresholds)
        try c.encode(rubric, forKey: .rubric)
        try c.encode(drills, forKey: .drills)
        try c.encode(tests, forKey: .tests)
    }
}
