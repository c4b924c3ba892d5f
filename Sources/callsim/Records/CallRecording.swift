import CallsimCore
import CallsimStore
import Foundation

/// Saves a practice call as it happens, through the call loop's observer seam: the session
/// at the start, every turn committed the moment it is entered, the ending, the scorecard.
/// A failed write (full disk, read-only file) is reported and the call goes on.
final class CallRecording {
    let store: Store
    let trainee: String
    private(set) var recorder: SessionRecorder?
    private let report: (String) -> Void
    private var reportedFailure = false
    /// Turns already stored for a resumed call; the call loop reports them again.
    let skippedTurns: Int
    private var turnsSeen = 0

    init(store: Store, trainee: String, report: @escaping (String) -> Void = { Console.error($0) }) {
        self.store = store
        self.trainee = trainee
        self.report = report
        skippedTurns = 0
    }

    /// Continues an interrupted session claimed with `Store.claim`.
    init(store: Store, resuming detail: SessionDetail, report: @escaping (String) -> Void = { Console.error($0) }) {
        self.store = store
        trainee = detail.info.trainee
        recorder = SessionRecorder(store: store, resuming: detail)
        self.report = report
        skippedTurns = detail.turns.count
    }

    var sessionID: Int64? { recorder?.sessionID }

    func callStarted(scenarioID: String, seed: UInt64, language: Language, context: CallContext?) {
        guard recorder == nil else { return }
        attempt {
            recorder = try SessionRecorder(
                store: store,
                session: NewSession(trainee: trainee, scenarioID: scenarioID, seed: seed, language: language, context: context))
        }
    }

    func turnEntered(_ turn: Turn) {
        turnsSeen += 1
        guard let recorder, turnsSeen > skippedTurns else { return }
        attempt { try recorder.record(turn) }
    }

    func callEnded(ending: CallOutcome?) {
        guard let recorder else { return }
        attempt { try recorder.finish(ending: ending) }
    }

    func saveScore(_ summary: ScoreSummary) {
        guard let recorder else { return }
        attempt { try recorder.saveScore(summary) }
    }

    func saveWrapUp(_ wrapUp: WrapUp, checks: [FormCheck]) {
        guard let recorder else { return }
        attempt { try recorder.saveWrapUp(wrapUp, checks: checks) }
    }

    private func attempt(_ body: () throws -> Void) {
        do {
            try body()
            if reportedFailure {
                reportedFailure = false
                report("callsim: saving works again")
            }
        } catch {
            // Say it once per run of failures, not on every line.
            guard !reportedFailure else { return }
            reportedFailure = true
            report("callsim: not saved: \(error)")
        }
    }
}
