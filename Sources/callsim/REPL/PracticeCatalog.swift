import CallsimCore
import CallsimPersonas
import CallsimScoring
import Foundation

/// The scenarios of the persona engine, as the picker and the call screen see them.
enum PracticeCatalog {
    /// Every scenario that loads from the catalog; files that do not load are reported on stderr.
    static func scenarios(personas: String? = nil) throws -> [any PracticeScenario] {
        let catalog = try ScenarioCatalog(override: personas)
        let (scenarios, diagnostics) = try catalog.loadAll()
        for diagnostic in diagnostics { Console.error(diagnostic.description) }
        return scenarios.map(PersonaPracticeScenario.init)
    }

    /// One scenario by id; with a language asked for, its translation in that language when there is one.
    static func scenario(id: String, language: Language?, personas: String? = nil) throws -> any PracticeScenario {
        let catalog = try ScenarioCatalog(override: personas)
        let base = try catalog.scenario(id: id)
        if let language, language != base.language, let translated = try? catalog.scenario(id: id, language: language) {
            return PersonaPracticeScenario(scenario: translated)
        }
        return PersonaPracticeScenario(scenario: base)
    }
}

struct PersonaPracticeScenario: PracticeScenario {
    let scenario: Scenario

    var id: String { scenario.id }
    var title: String { scenario.title }
    var language: Language { scenario.language }
    var temperament: String { scenario.persona.temperament.rawValue }
    var customerName: String { scenario.persona.address }
    var context: CallContext { scenario.callContext() }
    var isComplaint: Bool { scenario.kind == .complaint }
    var suggestions: [String: String] { scenario.suggestions(for: scenario.language) }

    var rubric: Rubric? { RecordScoring.rubric(scenario) }

    var brief: BriefSheet {
        let campaign = scenario.campaign
        var limits = campaign.policy
        if !campaign.allowedRemedies.isEmpty {
            limits.append((scenario.language == .zhTW ? "可給予的補償：" : "Remedies you may grant: ")
                + campaign.allowedRemedies.joined(separator: scenario.language == .zhTW ? "、" : ", "))
        }
        var record = campaign.customerRecord.map { (label: $0.label, value: $0.value) }
        if let source = campaign.leadSource {
            record.append((label: scenario.language == .zhTW ? "名單來源" : "Lead source", value: source))
        }
        return BriefSheet(
            company: campaign.company, agentName: campaign.agent, direction: scenario.direction,
            product: campaign.product, price: campaign.price, offers: campaign.offers,
            policyLimits: limits, customerRecord: record
        )
    }

    var script: [CallScriptStage] {
        scenario.script.map { CallScriptStage(name: $0.stage, modelLines: [$0.line]) }
    }

    func makeEngine(seed: UInt64, from beat: String?) throws -> any CallEngine {
        do {
            return PersonaCallEngine(engine: try PersonaEngine(scenario: scenario, seed: seed, drill: beat))
        } catch {
            throw CLIError("\(scenario.file): \(error)")
        }
    }
}

struct PersonaCallEngine: CallEngine {
    var engine: PersonaEngine

    mutating func start() -> CallStep { Self.step(engine.start()) }
    mutating func agentSays(_ line: String, responseSeconds: Double?) -> CallStep {
        Self.step(engine.agentSays(line, responseSeconds: responseSeconds))
    }
    mutating func silence(seconds: Double) -> CallStep { Self.step(engine.silence(seconds: seconds)) }
    mutating func agentHangsUp() -> CallStep { Self.step(engine.agentHangsUp()) }
    var deadAirLimit: Double? { engine.deadAirLimit }
    var transcript: Transcript { engine.transcript }
    func hint() -> String? { engine.hint() }

    private static func step(_ step: EngineStep) -> CallStep {
        CallStep(customerLines: step.lines.map(\.text),
                 ending: step.ending.map { CallEnding(outcome: $0.kind, summary: $0.id) })
    }
}
