import CallsimCore
import Foundation
import GRDB

/// A finished call to store in one go (imports, benchmarks), as the recorder would have stored it.
public struct ImportedCall: Sendable, Hashable {
    public var session: NewSession
    public var started: Date
    public var ended: Date?
    public var ending: CallOutcome?
    public var turns: [Turn]
    public var score: ScoreSummary?
    public var wrapUp: WrapUp?
    public var checks: [FormCheck]

    public init(session: NewSession, started: Date, ended: Date?, ending: CallOutcome?, turns: [Turn],
                score: ScoreSummary? = nil, wrapUp: WrapUp? = nil, checks: [FormCheck] = []) {
        self.session = session
        self.started = started
        self.ended = ended
        self.ending = ending
        self.turns = turns
        self.score = score
        self.wrapUp = wrapUp
        self.checks = checks
    }
}

extension Store {
    /// Stores many finished calls in one transaction; returns their session ids.
    @discardableResult
    public func importCalls(_ calls: [ImportedCall]) throws -> [Int64] {
        struct Prepared: Sendable {
            var call: ImportedCall
            var context: String?
            var critical: String?
            var results: [(String, String, String, String, String)]
            var telemarketing: String?
            var complaint: String?
            var contact: String?
            var checks: String
        }
        let prepared = try calls.map { call in
            Prepared(call: call, context: try call.session.context.map(encodeJSON), critical: try call.score.map { try encodeJSON($0.critical) },
                     results: try (call.score?.results ?? []).map { ($0.id, $0.status, try encodeJSON($0.turns), $0.category, try encodeJSON($0.codes)) },
                     telemarketing: try call.wrapUp?.telemarketing.map(encodeJSON), complaint: try call.wrapUp?.complaint.map(encodeJSON),
                     contact: try call.wrapUp?.contact.map(encodeJSON), checks: try encodeJSON(call.checks))
        }
        return try write { db in
            let insertSession = try db.cachedStatement(sql: """
                INSERT INTO sessions (trainee_id, scenario_id, seed, language, started, ended, ending, interrupted, score, critical, context)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
                """)
            let insertTurn = try db.cachedStatement(
                sql: "INSERT INTO turns (session_id, idx, speaker, text, response_seconds, at) VALUES (?, ?, ?, ?, ?, ?)")
            let insertResult = try db.cachedStatement(
                sql: "INSERT INTO indicator_results (session_id, indicator_id, status, turns, position, trainee_id, started) VALUES (?, ?, ?, ?, ?, ?, ?)")
            let insertCategory = try db.cachedStatement(
                sql: "INSERT INTO category_scores (session_id, category, score, position, trainee_id, started) VALUES (?, ?, ?, ?, ?, ?)")
            let insertWrapUp = try db.cachedStatement(sql: """
                INSERT INTO wrapups (session_id, disposition, telemarketing, complaint, contact, checks, form_score, created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var trainees: [String: Int64] = [:]
            var catalog: [String: (String, String)] = [:]
            var ids: [Int64] = []
            for item in prepared {
                let call = item.call
                let trainee: Int64
                if let known = trainees[call.session.trainee] {
                    trainee = known
                } else {
                    trainee = try Store.traineeID(db, name: call.session.trainee, at: call.started)
                    trainees[call.session.trainee] = trainee
                }
                try insertSession.execute(arguments: [
                    trainee, call.session.scenarioID, Int64(bitPattern: call.session.seed), call.session.language.rawValue,
                    call.started, call.ended, call.ending?.rawValue, call.score?.score, item.critical, item.context,
                ])
                let id = db.lastInsertedRowID
                ids.append(id)
                for (offset, turn) in call.turns.enumerated() {
                    try insertTurn.execute(arguments: [id, offset + 1, turn.speaker.rawValue, turn.text, turn.responseSeconds, call.started])
                }
                for (position, (indicator, status, turns, category, codes)) in item.results.enumerated() {
                    try insertResult.execute(arguments: [id, indicator, status, turns, position, trainee, call.started])
                    catalog[indicator] = (category, codes)
                }
                for (position, category) in (call.score?.categories ?? []).enumerated() {
                    try insertCategory.execute(arguments: [id, category.name, category.score, position, trainee, call.started])
                }
                if let wrapUp = call.wrapUp {
                    try insertWrapUp.execute(arguments: [
                        id, wrapUp.telemarketing?.disposition?.rawValue, item.telemarketing, item.complaint, item.contact,
                        item.checks, WrapUpChecker.score(call.checks), call.ended ?? call.started,
                    ])
                }
            }
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO indicators (id, category, codes) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET category = excluded.category, codes = excluded.codes
                """)
            for (indicator, entry) in catalog.sorted(by: { $0.key < $1.key }) {
                try upsert.execute(arguments: [indicator, entry.0, entry.1])
            }
            return ids
        }
    }
}
