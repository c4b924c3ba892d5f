import CallsimCore

/// What a lint rule looks at: one loaded scenario, where its parts sit in the file, and
/// the other scenarios of the same run (for translation pairs).
public struct LintContext: Sendable {
    public var scenario: Scenario
    public var source: SourceMap
    /// Other scenarios linted together or found beside this one.
    public var others: [Scenario]
    /// Scores model lines and lists the indicator catalog; nil when no scorer is at hand.
    public var scoring: (any ScenarioScoring)?
    public let flow: ScenarioFlow

    public init(scenario: Scenario, source: SourceMap, others: [Scenario] = [], scoring: (any ScenarioScoring)? = nil) {
        self.scenario = scenario
        self.source = source
        self.others = others
        self.scoring = scoring
        flow = ScenarioFlow(scenario)
    }
}

/// One check of a scenario. Each rule carries snippets that trigger it and snippets that
/// do not; a test runs them, so the examples in the guide are known to be true.
public protocol LintRule: Sendable {
    var id: String { get }
    var summary: String { get }
    var severity: Diagnostic.Severity { get }
    /// Scenario bodies (see `LintExample`) on which the rule reports at least one finding.
    var triggering: [LintExample] { get }
    /// Scenario bodies on which the rule reports nothing.
    var nonTriggering: [LintExample] { get }
    func check(_ context: LintContext) -> [LintFinding]
}

/// A finding before it is given the file name and the rule's severity.
public struct LintFinding: Sendable, Hashable {
    public var location: SourceMap.Location?
    public var message: String

    public init(_ location: SourceMap.Location?, _ message: String) {
        self.location = location
        self.message = message
    }
}

/// A snippet of scenario for a rule's examples: the sections after the common header
/// (`beats`, `endings`, `intents`...), and optionally a second scenario beside it.
public struct LintExample: Sendable {
    public var body: String
    public var lang: Language
    /// A scenario linted in the same run (a translation pair), as a whole file.
    public var companion: String?

    public init(_ body: String, lang: Language = .en, companion: String? = nil) {
        self.body = body
        self.lang = lang
        self.companion = companion
    }

    /// The whole scenario file: a fixed header, then the body.
    public var yaml: String { Self.header(id: "example", lang: lang) + body }

    public static func header(id: String, lang: Language, translationOf: String? = nil) -> String {
        var text = "id: \(id)\ntitle: Example\nlang: \(lang.rawValue)\nkind: sales\ndirection: outbound\n"
        if let translationOf { text += "translation_of: \(translationOf)\n" }
        if lang == .zhTW {
            text += """
            persona: {name: 林美華, address: 林太太, temperament: friendly}
            campaign: {company: 遠星電信, product: 光纖 500M 升級方案, price: 月租 NT$899}

            """
        } else {
            text += """
            persona: {name: Mary Lin, address: Mrs Lin, temperament: friendly}
            campaign: {company: Farstar Telecom, product: Fibre 500, price: NT$899 a month}

            """
        }
        return text
    }
}

/// Runs the rules over scenarios and turns findings into `file:line:col: severity: message [rule]`.
public struct Linter: Sendable {
    public var rules: [any LintRule]
    public var scoring: (any ScenarioScoring)?

    public init(rules: [any LintRule] = LintRules.all, scoring: (any ScenarioScoring)? = nil) {
        self.rules = rules
        self.scoring = scoring
    }

    /// Every finding for one loaded scenario, sorted by position.
    public func lint(_ scenario: Scenario, yaml: String, others: [Scenario] = []) -> [Diagnostic] {
        let context = LintContext(scenario: scenario, source: SourceMap(yaml: yaml), others: others, scoring: scoring)
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            for finding in rule.check(context) {
                let location = finding.location ?? SourceMap.start
                diagnostics.append(Diagnostic(file: scenario.file, line: location.line, column: location.column,
                                              severity: rule.severity, message: "\(finding.message) [\(rule.id)]"))
            }
        }
        return Self.sorted(diagnostics)
    }

    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        // Stable order: position, then message, with duplicates removed.
        var seen = Set<String>()
        return diagnostics
            .sorted { ($0.line ?? 0, $0.column ?? 0, $0.message) < ($1.line ?? 0, $1.column ?? 0, $1.message) }
            .filter { seen.insert($0.description).inserted }
    }
}
