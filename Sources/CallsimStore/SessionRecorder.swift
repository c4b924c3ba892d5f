import CallsimCore
import Foundation
import Synchronization

/// Saves one call as it happens: the session when the call starts, each turn committed the
/// moment it is entered, the ending, the scorecard and the wrap-up forms at the end.
/// Nothing is buffered, so a killed process leaves every entered turn in the database.
public final class SessionRecorder: Sendable {
    public let store: Store
    public let sessionID: Int64
    private let nextIndex: Mutex<Int>
    private let clock: @Sendable () -> Date

    /// Starts recording a new call.
    public init(store: Store, session: NewSession, process: ProcessIdentity = .current,
                clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.store = store
        self.clock = clock
        sessionID = try store.beginSession(session, process: process, at: clock())
        nextIndex = Mutex(1)
    }

    /// Continues recording a call claimed for resumption (`Store.claim`), after its stored turns.
    public init(store: Store, resuming detail: SessionDetail, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
        sessionID = detail.info.id
        nextIndex = Mutex((detail.turns.map(\.index).max() ?? 0) + 1)
    }

    /// Saves one turn and commits it; returns its 1-based position in the call.
    @discardableResult
    public func record(_ turn: Turn) throws -> Int {
        try nextIndex.withLock { index in
            try store.appendTurn(session: sessionID, index: index, turn: turn, at: clock())
            index += 1
            return index - 1
        }
    }

    /// Closes the call with its ending (nil when it was abandoned without one).
    public func finish(ending: CallOutcome?) throws {
        try store.finishSession(sessionID, ending: ending, at: clock())
    }

    public func saveScore(_ summary: ScoreSummary) throws {
        try store.saveScore(sessionID, summary)
    }

    public func saveWrapUp(_ wrapUp: WrapUp, checks: [FormCheck]) throws {
        try store.saveWrapUp(sessionID, wrapUp, checks: checks, at: clock())
    }
}
