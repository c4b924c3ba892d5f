import ArgumentParser
import CallsimCore
import CallsimStore
import Foundation

/// `--db` and `--no-forms` for every command that plays calls.
struct RecordingOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOption

    @Flag(help: "Skip the wrap-up forms after the call (telemarketing record, complaint record form, contact record).")
    var noForms = false
}

extension CallRecording: CallObserver {
    func callStarted(scenario: any PracticeScenario, options: CallOptions, at date: Date) {
        callStarted(scenarioID: scenario.id, seed: options.seed, language: scenario.language, context: scenario.context)
    }

    func turnEntered(_ turn: Turn, index: Int) {
        // A resumed call re-plays the turns already stored: only the new ones are saved.
        guard index >= skippedTurns else { return }
        turnEntered(turn)
    }

    func callEnded(_ result: CallResult) {
        callEnded(ending: result.quit ? nil : result.ending.outcome)
    }
}

/// Records practice calls: opens the database (a call goes on unrecorded, with a warning,
/// when it cannot), points at interrupted calls, and runs the wrap-up forms after the call.
enum PracticeRecording {
    static func start(_ options: RecordingOptions, trainee: String?, language: Language) -> CallRecording? {
        let store: Store
        do {
            store = try options.database.open()
        } catch {
            Console.error(language == .zhTW ? "callsim：本通不會被記錄：\(error)" : "callsim: this call will not be recorded: \(error)")
            return nil
        }
        if let interrupted = try? store.interruptedSessions(), let last = interrupted.last {
            Console.error(language == .zhTW
                ? "callsim：有 \(interrupted.count) 通中斷的通話；以 `callsim resume \(last.id)` 繼續。"
                : "callsim: \(interrupted.count) interrupted call(s); continue with `callsim resume \(last.id)`.")
        }
        return CallRecording(store: store, trainee: defaultTrainee(trainee))
    }

    /// The wrap-up forms and their checks after a finished call; saved with the session.
    static func wrapUp(result: CallResult, recording: CallRecording?, source: any LineSource, language: Language, forms: Bool) {
        guard !result.quit, forms else { return }
        let turns = result.transcript.turns
        let context = WrapUpContext(turns: turns, ending: result.ending.outcome,
                                    isComplaint: WrapUpContext.complaintLikely(turns: turns, ending: result.ending.outcome))
        let dialog = WrapUpDialog(input: LineSourceFormInput(source), language: language)
        let wrapUp = dialog.run(context: context, notes: result.notes)
        let checks = WrapUpChecker.check(wrapUp, context: context)
        StandardOutput.write(dialog.render(checks) + "\n")
        recording?.saveWrapUp(wrapUp, checks: checks)
    }
}

/// The call screen's line source as form input: Tab completes code lists at a terminal;
/// piped answers are echoed after their prompt so a scripted run reads like a session.
final class LineSourceFormInput: FormInput {
    private let source: any LineSource
    init(_ source: any LineSource) { self.source = source }

    func ask(_ prompt: String, completions: [String]) -> String? {
        switch source.readLine(prompt: prompt, completions: completions, timeout: nil) {
        case let .line(text):
            if !source.isInteractive { StandardOutput.write(prompt + text + "\n") }
            return text
        case .invalidLine:
            return ""
        default:
            return nil
        }
    }
}

/// Gives the saved agent lines of an interrupted call first, then the person's lines.
final class ResumedLines: LineSource {
    private var pending: ArraySlice<String>
    private let base: any LineSource

    init(saved: [String], then base: any LineSource) {
        pending = saved[...]
        self.base = base
    }

    var isInteractive: Bool { base.isInteractive }
    var isReplaying: Bool { !pending.isEmpty }

    func readLine(prompt: String, completions: [String], timeout: Double?) -> LineEvent {
        if let line = pending.popFirst() {
            // Shown as if typed again, so the trainee sees the call so far.
            StandardOutput.write(prompt.filter { $0 != "\u{01}" && $0 != "\u{02}" } + line + "\n")
            return .line(line)
        }
        return base.readLine(prompt: prompt, completions: completions, timeout: timeout)
    }

    func remember(_ line: String) { base.remember(line) }
    func printAbove(_ text: String) { base.printAbove(text) }
    func abandonPendingLine() { base.abandonPendingLine() }
}
