import CallsimCore
import Foundation
import GRDB

let jsonEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
}()

func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try jsonEncoder.encode(value), as: UTF8.self)
}

func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
    guard let text else { return nil }
    return try? JSONDecoder().decode(type, from: Data(text.utf8))
}

extension Store {
    static func traineeID(_ db: Database, name: String, at date: Date) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM trainees WHERE name = ?", arguments: [name]) { return id }
        try db.execute(sql: "INSERT INTO trainees (name, created) VALUES (?, ?)", arguments: [name, date])
        return db.lastInsertedRowID
    }

    /// Starts a session and returns its id.
    public func beginSession(_ new: NewSession, process: ProcessIdentity = .current, at date: Date = Date()) throws -> Int64 {
        let context = try new.context.map(encodeJSON)
        return try write { db in
            let trainee = try Store.traineeID(db, name: new.trainee, at: date)
            try db.execute(
                sql: """
                    INSERT INTO sessions (trainee_id, scenario_id, seed, language, started, pid, host, process_start, context)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [trainee, new.scenarioID, Int64(bitPattern: new.seed), new.language.rawValue, date,
                            Int64(process.pid), process.host, process.start, context])
            return db.lastInsertedRowID
        }
    }

    /// Saves one line, committed at once. `index` is the 1-based position in the call.
    public func appendTurn(session: Int64, index: Int, turn: Turn, at date: Date = Date()) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO turns (session_id, idx, speaker, text, response_seconds, at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [session, index, turn.speaker.rawValue, turn.text, turn.responseSeconds, date])
        }
    }

    /// Closes a session. A nil ending records a call left without an ending (abandoned).
    public func finishSession(_ id: Int64, ending: CallOutcome?, at date: Date = Date()) throws {
        try write { db in
            try db.execute(sql: "UPDATE sessions SET ended = ?, ending = ?, interrupted = 0 WHERE id = ?",
                           arguments: [date, ending?.rawValue, id])
            guard db.changesCount > 0 else { throw StoreError.sessionNotFound(String(id)) }
        }
    }

    /// Stores a scorecard (replacing any earlier one) and keeps the indicator catalog current.
    public func saveScore(_ id: Int64, _ summary: ScoreSummary) throws {
        let critical = try encodeJSON(summary.critical)
        let results = try summary.results.map { ($0, try encodeJSON($0.turns), try encodeJSON($0.codes)) }
        try write { db in
            try db.execute(sql: "UPDATE sessions SET score = ?, critical = ? WHERE id = ?", arguments: [summary.score, critical, id])
            guard db.changesCount > 0 else { throw StoreError.sessionNotFound(String(id)) }
            let owner = try Row.fetchOne(db, sql: "SELECT trainee_id, started FROM sessions WHERE id = ?", arguments: [id])
            let trainee: Int64? = owner?["trainee_id"]
            let started: Date? = owner?["started"]
            try db.execute(sql: "DELETE FROM indicator_results WHERE session_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM category_scores WHERE session_id = ?", arguments: [id])
            let insertResult = try db.cachedStatement(
                sql: "INSERT INTO indicator_results (session_id, indicator_id, status, turns, position, trainee_id, started) VALUES (?, ?, ?, ?, ?, ?, ?)")
            let upsertIndicator = try db.cachedStatement(sql: """
                INSERT INTO indicators (id, category, codes) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET category = excluded.category, codes = excluded.codes
                """)
            for (position, (result, turns, codes)) in results.enumerated() {
                try insertResult.execute(arguments: [id, result.id, result.status, turns, position, trainee, started])
                try upsertIndicator.execute(arguments: [result.id, result.category, codes])
            }
            let insertCategory = try db.cachedStatement(
                sql: "INSERT INTO category_scores (session_id, category, score, position, trainee_id, started) VALUES (?, ?, ?, ?, ?, ?)")
            for (position, category) in summary.categories.enumerated() {
                try insertCategory.execute(arguments: [id, category.name, category.score, position, trainee, started])
            }
        }
    }

    /// Stores the wrap-up forms with their checks (replacing earlier ones).
    public func saveWrapUp(_ id: Int64, _ wrapUp: WrapUp, checks: [FormCheck], at date: Date = Date()) throws {
        let telemarketing = try wrapUp.telemarketing.map(encodeJSON)
        let complaint = try wrapUp.complaint.map(encodeJSON)
        let contact = try wrapUp.contact.map(encodeJSON)
        let checksJSON = try encodeJSON(checks)
        let formScore = WrapUpChecker.score(checks)
        try write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO wrapups
                        (session_id, disposition, telemarketing, complaint, contact, checks, form_score, created)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, wrapUp.telemarketing?.disposition?.rawValue, telemarketing, complaint, contact,
                            checksJSON, formScore, date])
        }
    }

    /// Finds calls whose process is gone without ending them (killed, terminal closed,
    /// power cut), flags them interrupted and returns them.
    @discardableResult
    public func markInterrupted(currentHost: String = ProcessInfo.processInfo.hostName) throws -> [SessionInfo] {
        let open: [(id: Int64, identity: ProcessIdentity?)] = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, pid, host, process_start FROM sessions WHERE ended IS NULL AND interrupted = 0")
                .map { row in
                    guard let pid: Int64 = row["pid"], let host: String = row["host"] else { return (row["id"], nil) }
                    return (row["id"], ProcessIdentity(pid: Int32(truncatingIfNeeded: pid), host: host, start: row["process_start"]))
                }
        }
        let dead: [Int64] = open.compactMap { entry in
            guard let identity = entry.identity else { return entry.id }
            return identity.isAlive(onHost: currentHost) ? nil : entry.id
        }
        guard !dead.isEmpty else { return [] }
        try write { db in
            for id in dead {
                try db.execute(sql: "UPDATE sessions SET interrupted = 1 WHERE id = ? AND ended IS NULL", arguments: [id])
            }
        }
        return try sessions(ids: dead)
    }

    /// Takes over an interrupted or unfinished call for this process; returns its stored turns.
    public func claim(_ id: Int64, process: ProcessIdentity = .current) throws -> SessionDetail {
        try markInterrupted(currentHost: process.host)
        let detail = try session(id)
        if detail.info.ended != nil {
            throw StoreError.failed(path: path, detail: "session \(id) already ended (\(detail.info.ending?.rawValue ?? "no ending")); nothing to resume")
        }
        if !detail.info.interrupted {
            throw StoreError.failed(path: path, detail: "session \(id) is still running in process \(detail.info.pid.map(String.init) ?? "?") on \(detail.info.host ?? "?")")
        }
        try write { db in
            try db.execute(
                sql: "UPDATE sessions SET interrupted = 0, pid = ?, host = ?, process_start = ? WHERE id = ? AND interrupted = 1",
                arguments: [Int64(process.pid), process.host, process.start, id])
            guard db.changesCount == 1 else { throw StoreError.failed(path: self.path, detail: "session \(id) was taken by another process") }
        }
        return try session(id)
    }

    static let sessionColumns = """
        s.id, t.name AS trainee, s.scenario_id, s.seed, s.language, s.started, s.ended, s.ending, s.interrupted,
        s.score, s.pid, s.host, w.form_score,
        (SELECT COUNT(*) FROM turns WHERE turns.session_id = s.id) AS turn_count
        FROM sessions s JOIN trainees t ON t.id = s.trainee_id LEFT JOIN wrapups w ON w.session_id = s.id
        """

    static func info(_ row: Row) -> SessionInfo {
        let seed: Int64 = row["seed"]
        let pid: Int64? = row["pid"]
        return SessionInfo(
            id: row["id"], trainee: row["trainee"], scenarioID: row["scenario_id"], seed: UInt64(bitPattern: seed),
            language: Language(code: row["language"] ?? "") ?? .zhTW, started: row["started"], ended: row["ended"],
            ending: (row["ending"] as String?).flatMap(CallOutcome.init(rawValue:)), interrupted: row["interrupted"],
            score: row["score"], formScore: row["form_score"], turnCount: row["turn_count"],
            pid: pid.map { Int32(truncatingIfNeeded: $0) }, host: row["host"])
    }

    /// Sessions, newest first.
    public func sessions(trainee: String? = nil, since: Date? = nil, limit: Int? = nil) throws -> [SessionInfo] {
        try read { db in
            var sql = "SELECT \(Store.sessionColumns) WHERE 1"
            var arguments: StatementArguments = []
            if let trainee { sql += " AND t.name = ?"; arguments += [trainee] }
            if let since { sql += " AND s.started >= ?"; arguments += [since] }
            sql += " ORDER BY s.started DESC, s.id DESC"
            if let limit { sql += " LIMIT \(max(0, limit))" }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Store.info)
        }
    }

    func sessions(ids: [Int64]) throws -> [SessionInfo] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Store.sessionColumns) WHERE s.id IN (\(ids.map { _ in "?" }.joined(separator: ","))) ORDER BY s.id",
                             arguments: StatementArguments(ids)).map(Store.info)
        }
    }

    /// Calls left interrupted, oldest first.
    public func interruptedSessions() throws -> [SessionInfo] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Store.sessionColumns) WHERE s.interrupted = 1 AND s.ended IS NULL ORDER BY s.id")
                .map(Store.info)
        }
    }

    public func trainees() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT name FROM trainees ORDER BY name") }
    }

    /// One call with its turns, scorecard and forms.
    public func session(_ id: Int64) throws -> SessionDetail {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Store.sessionColumns) WHERE s.id = ?", arguments: [id]) else {
                throw StoreError.sessionNotFound(String(id))
            }
            let info = Store.info(row)
            let extra = try Row.fetchOne(db, sql: "SELECT context, critical FROM sessions WHERE id = ?", arguments: [id])
            let context = decodeJSON(CallContext.self, extra?["context"])
            let turns = try Row.fetchAll(
                db, sql: "SELECT idx, speaker, text, response_seconds, at FROM turns WHERE session_id = ? ORDER BY idx",
                arguments: [id]
            ).map { row in
                StoredTurn(index: row["idx"], speaker: Speaker(rawValue: row["speaker"]) ?? .agent, text: row["text"],
                           responseSeconds: row["response_seconds"], at: row["at"])
            }
            var score: ScoreSummary?
            if let total = info.score {
                let results = try Row.fetchAll(db, sql: """
                    SELECT r.indicator_id, r.status, r.turns, i.category, i.codes
                    FROM indicator_results r LEFT JOIN indicators i ON i.id = r.indicator_id
                    WHERE r.session_id = ? ORDER BY r.position
                    """, arguments: [id]
                ).map { row in
                    IndicatorOutcome(id: row["indicator_id"], category: row["category"] ?? "", status: row["status"],
                                     turns: decodeJSON([Int].self, row["turns"]) ?? [],
                                     codes: decodeJSON([String].self, row["codes"]) ?? [])
                }
                let categories = try Row.fetchAll(db, sql: "SELECT category, score FROM category_scores WHERE session_id = ? ORDER BY position",
                                                  arguments: [id])
                    .map { ScoreSummary.Category(name: $0["category"], score: $0["score"]) }
                score = ScoreSummary(results: results, categories: categories, score: total,
                                     critical: decodeJSON([String].self, extra?["critical"]) ?? [])
            }
            var wrapUp: WrapUp?
            var checks: [FormCheck] = []
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM wrapups WHERE session_id = ?", arguments: [id]) {
                wrapUp = WrapUp(telemarketing: decodeJSON(TelemarketingRecord.self, row["telemarketing"]),
                                complaint: decodeJSON(ComplaintRecordForm.self, row["complaint"]),
                                contact: decodeJSON(ContactRecord.self, row["contact"]))
                checks = decodeJSON([FormCheck].self, row["checks"]) ?? []
            }
            return SessionDetail(info: info, context: context, turns: turns, score: score, wrapUp: wrapUp, checks: checks)
        }
    }

    /// Records a dialer shift: its summary (any JSON-encodable value) and every dialled call.
    @discardableResult
    public func recordShift<Summary: Encodable & Sendable>(
        trainee: String, campaign: String, started: Date, ended: Date?, summary: Summary, calls: [ShiftCall]
    ) throws -> Int64 {
        let summaryJSON = try encodeJSON(summary)
        return try write { db in
            let trainee = try Store.traineeID(db, name: trainee, at: started)
            try db.execute(sql: "INSERT INTO dialer_shifts (trainee_id, campaign, started, ended, summary) VALUES (?, ?, ?, ?, ?)",
                           arguments: [trainee, campaign, started, ended, summaryJSON])
            let shift = db.lastInsertedRowID
            let insert = try db.cachedStatement(
                sql: "INSERT INTO shift_calls (shift_id, idx, lead, disposition, session_id, seconds) VALUES (?, ?, ?, ?, ?, ?)")
            for (index, call) in calls.enumerated() {
                try insert.execute(arguments: [shift, index + 1, call.lead, call.disposition, call.sessionID, call.seconds])
            }
            return shift
        }
    }

    /// Shifts recorded, newest first: id, trainee, campaign, start, summary JSON and the dialled calls.
    public func shifts(trainee: String? = nil) throws -> [(id: Int64, trainee: String, campaign: String, started: Date, summary: String?, calls: [ShiftCall])] {
        let rows = try read { db in
            var sql = "SELECT d.id, t.name, d.campaign, d.started, d.summary FROM dialer_shifts d JOIN trainees t ON t.id = d.trainee_id"
            var arguments: StatementArguments = []
            if let trainee { sql += " WHERE t.name = ?"; arguments += [trainee] }
            sql += " ORDER BY d.started DESC, d.id DESC"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row -> (Int64, String, String, Date, String?, [ShiftCall]) in
                let id: Int64 = row[0]
                let calls = try Row.fetchAll(db, sql: "SELECT lead, disposition, session_id, seconds FROM shift_calls WHERE shift_id = ? ORDER BY idx",
                                             arguments: [id])
                    .map { ShiftCall(lead: $0["lead"], disposition: $0["disposition"], sessionID: $0["session_id"], seconds: $0["seconds"]) }
                return (id, row[1], row[2], row[3], row[4], calls)
            }
        }
        return rows.map { (id: $0.0, trainee: $0.1, campaign: $0.2, started: $0.3, summary: $0.4, calls: $0.5) }
    }
}
