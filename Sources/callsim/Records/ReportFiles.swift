import CallsimScoring
import CallsimStore
import Foundation

/// Writes report files atomically (a half-written report never replaces a good one).
enum ReportFiles {
    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("\(path): cannot write the report (\(error.localizedDescription))")
        }
    }

    static func writeCSV(_ report: ClassReport, folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError("\(folder): cannot create the folder (\(error.localizedDescription))")
        }
        for (name, rows) in CSVReport.tables(report) {
            try write(CSVReport.encode(rows), to: (folder as NSString).appendingPathComponent(name))
        }
    }
}

/// The report as CSV tables (RFC 4180: quoted where needed, CRLF line ends).
enum CSVReport {
    static func tables(_ report: ClassReport) -> [(String, [[String]])] {
        let categories = report.categories
        var trainees = [["trainee", "sessions", "scored", "interrupted", "average_score", "average_form_score"]
            + categories.map { "\($0)_average" } + ["weakest"]]
        var indicators = [["trainee", "indicator", "category", "codes", "hit", "missed", "violated", "na", "hit_rate"]]
        var codes = [["trainee", "code", "hits", "misses"]]
        var trend = [["trainee", "day", "average_score", "sessions"]]
        for entry in report.trainees {
            trainees.append([entry.trainee, String(entry.sessions), String(entry.scoredSessions), String(entry.interrupted),
                             number(entry.averageScore), number(entry.averageFormScore)]
                            + categories.map { name in number(entry.categories.first { $0.name == name }?.averageScore) }
                            + [entry.weakest.map(\.id).joined(separator: " ")])
            for rate in entry.indicators {
                indicators.append([entry.trainee, rate.id, rate.category, rate.codes.joined(separator: " "), String(rate.hit),
                                   String(rate.missed), String(rate.violated), String(rate.na), number(rate.rate.map { $0 * 100 })])
            }
            for code in entry.codes { codes.append([entry.trainee, code.code, String(code.hits), String(code.misses)]) }
            for point in entry.trend { trend.append([entry.trainee, point.day, number(point.averageScore), String(point.sessions)]) }
        }
        return [("trainees.csv", trainees), ("indicators.csv", indicators), ("codes.csv", codes), ("trend.csv", trend)]
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%.1f", value)
    }

    static func encode(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}

/// Scenarios and the indicators their rubrics score, for the report's practice suggestions.
enum ScenarioRubrics {
    /// The installed scenarios (a scenario whose rubric lists no indicator is scored on all of them).
    static func available(personas: String? = nil) -> [ScenarioRubric] {
        guard let catalog = try? ScenarioCatalog(override: personas), let loaded = try? catalog.loadAll() else { return [] }
        var seen: Set<String> = []
        return loaded.scenarios.compactMap { scenario in
            guard seen.insert(scenario.id).inserted else { return nil }
            let listed = scenario.rubric.indicators.map(\.indicator)
            return ScenarioRubric(
                id: scenario.id, title: scenario.title, indicators: listed.isEmpty ? IndicatorCatalog.ids : listed,
                language: scenario.language,
                weights: Dictionary(scenario.rubric.indicators.map { ($0.indicator, $0.weight) }, uniquingKeysWith: { first, _ in first }))
        }
    }
}
