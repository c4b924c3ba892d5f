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
/// Loading every scenario file costs more than the report itself, so the rubrics are kept in
/// `$XDG_CACHE_HOME/callsim/rubrics.json`, keyed by the files' names, sizes and times.
enum ScenarioRubrics {
    struct Cache: Codable {
        var signature: [String]
        var rubrics: [ScenarioRubric]
    }

    static func available(personas: String? = nil) -> [ScenarioRubric] {
        guard let catalog = try? ScenarioCatalog(override: personas), let files = try? catalog.files() else { return [] }
        let signature = files.map { url -> String in
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(url.path)|\(size)|\(modified)"
        }
        let cacheFile = cacheURL()
        if let cacheFile, let data = FileManager.default.contents(atPath: cacheFile.path),
           let cache = try? JSONDecoder().decode(Cache.self, from: data), cache.signature == signature {
            return cache.rubrics
        }
        guard let loaded = try? catalog.loadAll() else { return [] }
        var seen: Set<String> = []
        let rubrics = loaded.scenarios.compactMap { scenario -> ScenarioRubric? in
            guard seen.insert(scenario.id).inserted else { return nil }
            let listed = scenario.rubric.indicators.map(\.indicator)
            return ScenarioRubric(
                id: scenario.id, title: scenario.title, indicators: listed.isEmpty ? IndicatorCatalog.ids : listed,
                language: scenario.language,
                weights: Dictionary(scenario.rubric.indicators.map { ($0.indicator, $0.weight) }, uniquingKeysWith: { first, _ in first }))
        }
        if let cacheFile, let data = try? JSONEncoder().encode(Cache(signature: signature, rubrics: rubrics)) {
            try? FileManager.default.createDirectory(at: cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? data.write(to: cacheFile, options: .atomic)
        }
        return rubrics
    }

    static func cacheURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        Paths.cacheDirectory(environment: environment)?.appendingPathComponent("rubrics.json")
    }
}
