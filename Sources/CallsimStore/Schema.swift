import GRDB

/// The database schema, one migration per released version. Never edit a migration
/// once released: add a new one.
public enum Schema {
    public static let versions = [
        "v1-sessions", "v2-process", "v3-scores", "v4-wrapup", "v5-dialer", "v6-report-indexes", "v7-report-covering",
    ]

    public static var current: String { versions[versions.count - 1] }

    public static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()

        // Trainees, their calls and every line of those calls.
        migrator.registerMigration("v1-sessions") { db in
            try db.execute(sql: "PRAGMA application_id = \(Store.applicationID)")
            try db.create(table: "trainees") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("created", .datetime).notNull()
            }
            try db.create(table: "sessions") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("trainee_id", .integer).notNull().references("trainees")
                t.column("scenario_id", .text).notNull()
                t.column("seed", .integer).notNull()
                t.column("language", .text).notNull()
                t.column("started", .datetime).notNull()
                t.column("ended", .datetime)
                t.column("ending", .text)
            }
            try db.create(table: "turns") { t in
                t.column("session_id", .integer).notNull().references("sessions", onDelete: .cascade)
                t.column("idx", .integer).notNull()
                t.column("speaker", .text).notNull().check(sql: "speaker IN ('agent', 'customer')")
                t.column("text", .text).notNull()
                t.column("response_seconds", .double)
                t.column("at", .datetime).notNull()
                t.primaryKey(["session_id", "idx"])
            }
        }

        // Which process runs a call, so that a call whose process died is found as interrupted.
        migrator.registerMigration("v2-process") { db in
            try db.alter(table: "sessions") { t in
                t.add(column: "pid", .integer)
                t.add(column: "host", .text)
                t.add(column: "process_start", .text)
                t.add(column: "interrupted", .boolean).notNull().defaults(to: false)
            }
            // Earlier versions kept no process: any call left open then can only be interrupted.
            try db.execute(sql: "UPDATE sessions SET interrupted = 1 WHERE ended IS NULL")
        }

        // Scorecards: the score, per-category and per-indicator results, the indicator catalog.
        migrator.registerMigration("v3-scores") { db in
            try db.alter(table: "sessions") { t in
                t.add(column: "score", .integer)
                t.add(column: "critical", .text)
                t.add(column: "context", .text)
            }
            try db.create(table: "indicators") { t in
                t.primaryKey("id", .text)
                t.column("category", .text).notNull()
                t.column("codes", .text).notNull()
            }
            try db.create(table: "indicator_results", options: .withoutRowID) { t in
                t.column("session_id", .integer).notNull().references("sessions", onDelete: .cascade)
                t.column("indicator_id", .text).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('hit', 'missed', 'violated', 'na')")
                t.column("turns", .text).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["session_id", "indicator_id"])
            }
            try db.create(table: "category_scores", options: .withoutRowID) { t in
                t.column("session_id", .integer).notNull().references("sessions", onDelete: .cascade)
                t.column("category", .text).notNull()
                t.column("score", .integer)
                t.column("position", .integer).notNull()
                t.primaryKey(["session_id", "category"])
            }
        }

        // The wrap-up forms and their checks.
        migrator.registerMigration("v4-wrapup") { db in
            try db.create(table: "wrapups") { t in
                t.primaryKey("session_id", .integer).references("sessions", onDelete: .cascade)
                t.column("disposition", .text)
                t.column("telemarketing", .text)
                t.column("complaint", .text)
                t.column("contact", .text)
                t.column("checks", .text).notNull()
                t.column("form_score", .integer)
                t.column("created", .datetime).notNull()
            }
        }

        // Dialer shifts: one summary per shift and the disposition of every dialled call.
        migrator.registerMigration("v5-dialer") { db in
            try db.create(table: "dialer_shifts") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("trainee_id", .integer).notNull().references("trainees")
                t.column("campaign", .text).notNull()
                t.column("started", .datetime).notNull()
                t.column("ended", .datetime)
                t.column("summary", .text)
            }
            try db.create(table: "shift_calls") { t in
                t.column("shift_id", .integer).notNull().references("dialer_shifts", onDelete: .cascade)
                t.column("idx", .integer).notNull()
                t.column("lead", .text).notNull()
                t.column("disposition", .text).notNull()
                t.column("session_id", .integer).references("sessions", onDelete: .setNull).indexed()
                t.column("seconds", .double)
                t.primaryKey(["shift_id", "idx"])
            }
        }

        // Indexes for reports over many sessions and for finding open calls at start.
        migrator.registerMigration("v6-report-indexes") { db in
            try db.create(index: "dialer_shifts_on_trainee", on: "dialer_shifts", columns: ["trainee_id"])
            try db.create(index: "sessions_on_trainee_started", on: "sessions", columns: ["trainee_id", "started"])
            try db.create(index: "sessions_on_started", on: "sessions", columns: ["started"])
            try db.execute(sql: "CREATE INDEX sessions_open ON sessions(id) WHERE ended IS NULL AND interrupted = 0")
            try db.create(index: "indicator_results_on_indicator", on: "indicator_results", columns: ["indicator_id", "status"])
            try db.execute(sql: "ANALYZE")
        }

        // Reports group 28 results per call by trainee: results and category scores carry their
        // session's trainee and start, so one covering index answers without a join or a sort.
        migrator.registerMigration("v7-report-covering") { db in
            for table in ["indicator_results", "category_scores"] {
                try db.alter(table: table) { t in
                    t.add(column: "trainee_id", .integer)
                    t.add(column: "started", .datetime)
                }
                try db.execute(sql: """
                    UPDATE \(table) SET
                        trainee_id = (SELECT trainee_id FROM sessions WHERE sessions.id = \(table).session_id),
                        started = (SELECT started FROM sessions WHERE sessions.id = \(table).session_id)
                    """)
            }
            try db.execute(sql: "DROP INDEX indicator_results_on_indicator")
            try db.execute(sql: "CREATE INDEX indicator_results_by_trainee ON indicator_results(trainee_id, indicator_id, status, started)")
            try db.execute(sql: "CREATE INDEX category_scores_by_trainee ON category_scores(trainee_id, category, started, score)")
            try db.execute(sql: "ANALYZE")
        }
        return migrator
    }()
}
