import CallsimCore
import CallsimScoring
import Foundation

/// What a persona said in one step, and whether the call ended there.
struct CallStep: Sendable, Equatable {
    var customerLines: [String]
    var ending: CallEnding?

    init(customerLines: [String] = [], ending: CallEnding? = nil) {
        self.customerLines = customerLines
        self.ending = ending
    }
}

/// How a call ended, as the call screen shows it.
struct CallEnding: Sendable, Equatable {
    var outcome: CallOutcome
    /// The persona's reason in words (for example "the customer asked not to be called again").
    var summary: String
}

/// What the call screen needs from a persona engine (a seam: the REPL does not know how personas work).
protocol CallEngine {
    mutating func start() -> CallStep
    mutating func agentSays(_ line: String, responseSeconds: Double?) -> CallStep
    mutating func silence(seconds: Double) -> CallStep
    mutating func agentHangsUp() -> CallStep
    /// Seconds of agent silence after which the customer reacts; nil when the persona waits forever.
    var deadAirLimit: Double? { get }
    var transcript: Transcript { get }
    func hint() -> String?
}

/// The campaign brief shown before a call (T1.1: product, price, offers, policy limits, customer record).
struct BriefSheet: Sendable {
    var company: String?
    var agentName: String?
    var direction: CallDirection
    var product: String?
    var price: String?
    var offers: [String]
    var policyLimits: [String]
    /// The customer record as label/value pairs, in the order the scenario gives them.
    var customerRecord: [(label: String, value: String)]
}

/// One stage of the call script with its model lines.
struct CallScriptStage: Sendable, Equatable {
    var name: String
    var modelLines: [String]
}

/// A scenario as the picker and the call screen see it.
protocol PracticeScenario {
    var id: String { get }
    var title: String { get }
    var language: Language { get }
    /// The persona's temperament in a word or two (friendly, hostile, hesitant…).
    var temperament: String { get }
    /// How the customer is named on screen (林太太, Mr. Chen).
    var customerName: String { get }
    /// A complaint call (the wrap-up adds the complaint record form).
    var isComplaint: Bool { get }
    var brief: BriefSheet { get }
    var script: [CallScriptStage] { get }
    var context: CallContext { get }
    /// Indicator id → the script's model line for it (shown in the scorecard for a missed indicator).
    var suggestions: [String: String] { get }
    /// The indicators that apply and their weights; nil scores the whole catalog.
    var rubric: Rubric? { get }
    /// A fresh engine for one call. `from` starts at a named beat (drill), when the scenario has it.
    func makeEngine(seed: UInt64, from beat: String?) throws -> any CallEngine
}
