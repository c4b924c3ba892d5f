import CallsimCore
import CallsimScoring
import CallsimStore
import Foundation

/// A finished practice call with its wrap-up.
struct PracticeCallOutcome {
    var call: CallResult
    /// nil when the agent left with /quit.
    var wrapUp: WrapUp?
    var formChecks: [FormCheck]
    /// nil when the agent left with /quit.
    var scorecard: Scorecard?
    /// The recorded session, when the call was recorded.
    var sessionID: Int64?
}

/// One whole practice call: the call on a line source (each turn recorded as it is entered),
/// the wrap-up forms, then the scorecard. `callsim play` uses it, and so does the dialer's
/// shift for each connected lead.
enum PracticeCall {
    @discardableResult
    static func run(
        scenario: any PracticeScenario, options: CallOptions, source: any LineSource,
        recording: CallRecording? = nil, observers: [any CallObserver] = [], color: Bool = Console.useColor
    ) throws -> PracticeCallOutcome {
        let lang = options.uiLanguage
        let allObservers = observers + (recording.map { [RecordingObserver($0)] } ?? [])
        let runner = CallRunner(source: source, observers: allObservers, color: color)
        let result = try runner.run(scenario: scenario, options: options)
        var outcome = PracticeCallOutcome(call: result, wrapUp: nil, formChecks: [], scorecard: nil, sessionID: recording?.sessionID)
        guard !result.quit else {
            print(UIText.leftWithoutScore.text(lang))
            Console.flush()
            return outcome
        }

        // Scored and saved before the forms, so a call left during its wrap-up keeps its scorecard.
        var context = scenario.context
        context.outcome = result.ending.outcome
        let card = Scorer().score(result.transcript, context: context, rubric: scenario.rubric)
        recording?.saveScore(RecordScoring.summary(card))

        Console.flush()
        if options.wrapUpForms {
            let dialog = WrapUpDialog(input: LineSourceFormInput(source), language: lang)
            let wrapUpContext = WrapUpContext(turns: result.transcript.turns, ending: result.ending.outcome,
                                              isComplaint: scenario.isComplaint)
            let wrapUp = dialog.run(context: wrapUpContext, notes: result.notes)
            let checks = WrapUpChecker.check(wrapUp, context: wrapUpContext)
            recording?.saveWrapUp(wrapUp, checks: checks)
            StandardOutput.write(dialog.render(checks) + "\n")
            outcome.wrapUp = wrapUp
            outcome.formChecks = checks
        }

        outcome.scorecard = card
        print("")
        print(Console.styled("── " + UIText.scorecardTitle.text(lang) + " ──", .bold, color: color))
        print(ScoreReport.render(transcript: result.transcript, scorecard: card, title: scenario.title,
                                 suggestions: scenario.suggestions, language: lang, color: color))
        Console.flush()
        return outcome
    }
}
