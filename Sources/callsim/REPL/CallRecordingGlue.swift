import CallsimCore
import Foundation

/// Plugs the session recorder into the call loop: the session at the start, each turn as it is entered.
final class RecordingObserver: CallObserver {
    let recording: CallRecording

    init(_ recording: CallRecording) { self.recording = recording }

    func callStarted(scenario: any PracticeScenario, options: CallOptions, at date: Date) {
        recording.callStarted(scenarioID: scenario.id, seed: options.seed, language: scenario.language, context: scenario.context)
    }

    func turnEntered(_ turn: Turn, index: Int) {
        recording.turnEntered(turn)
    }

    func callEnded(_ result: CallResult) {
        // /quit leaves a call without an ending (PracticeCall saves the scorecard of the others).
        recording.callEnded(ending: result.quit ? nil : result.ending.outcome)
    }
}

/// The wrap-up forms' questions on the call's own line source (readline at a terminal, with
/// Tab over code lists; plain lines when piped, where each question and answer is printed).
final class LineSourceFormInput: FormInput {
    let source: any LineSource

    init(_ source: any LineSource) { self.source = source }

    func ask(_ prompt: String, completions: [String]) -> String? {
        Console.flush()
        while true {
            switch source.readLine(prompt: source.isInteractive ? prompt : "", completions: completions, timeout: nil) {
            case .line(let answer):
                if !source.isInteractive { StandardOutput.write(prompt + answer + "\n") }
                return answer
            case .invalidLine:
                // The form keeps asking; an unreadable answer is never stored.
                StandardOutput.write(prompt + "\n")
                continue
            case .endOfInput, .interrupt:
                return nil
            case .timeout:
                continue
            }
        }
    }
}
