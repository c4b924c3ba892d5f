import CallsimCore
import Foundation

/// One whole practice call: the call on a line source, then the scorecard.
/// `callsim play` uses it, and so does the dialer's shift for each connected lead.
enum PracticeCall {
    @discardableResult
    static func run(
        scenario: any PracticeScenario, options: CallOptions, source: any LineSource,
        observers: [any CallObserver] = [], color: Bool = Console.useColor
    ) throws -> CallResult {
        let runner = CallRunner(source: source, observers: observers, color: color)
        let result = try runner.run(scenario: scenario, options: options)
        if !result.quit {
            print("")
            print(CallScorecard.render(result: result, scenario: scenario, language: options.uiLanguage, color: color))
        } else {
            print(UIText.leftWithoutScore.text(options.uiLanguage))
        }
        Console.flush()
        return result
    }
}
