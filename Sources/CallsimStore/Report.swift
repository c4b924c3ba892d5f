import CallsimCore
import Foundation
import GRDB

/// A scenario and the indicators its rubric scores, so that a report can point a trainee
/// at scenarios that train their weakest indicators.
public struct ScenarioRubric: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var indicators: [String]
    public var language: Language?
    /// Rubric weights; an indicator weighted higher is trained harder by the scenario.
    public var weights: [String: Double]
    public init(id: String, title: String, indicators: [String], language: Language? = nil, weights: [String: Double] = [:]) {
        self.id = id
        self.title = title
        self.indicators = indicators
        self.language = language
        self.weights = weights
    }
}

/// How often one indicator was shown when it applied.
public struct IndicatorRate: Sendable, Hashable, Codable {
    public var id: String
    public var category: String
    public var codes: [String]
    public var hit = 0
    public var missed = 0
    public var violated = 0
    public var na = 0

    public var applicable: Int { hit + missed + violated }
    /// Hits over applicable calls, 0-1; nil when it never applied.
    public var rate: Double? { applicable == 0 ? nil : Double(hit) / Double(applicable) }
}

public struct CategoryRate: Sendable, Hashable, Codable {
    public var name: String
    /// Mean of the per-call category scores (0-100) where the category applied.
    public var averageScore: Double?
    public var hit: Int
    public var applicable: Int
    public var rate: Double? { applicable == 0 ? nil : Double(hit) / Double(applicable) }
}

/// Evidence for one code of the standard: calls where an indicator carrying it was hit or not.
public struct CodeEvidence: Sendable, Hashable, Codable {
    public var code: String
    public var hits: Int
    public var misses: Int
}

public struct TrendPoint: Sendable, Hashable, Codable {
    /// The day (UTC, yyyy-MM-dd).
    public var day: String
    public var averageScore: Double
    public var sessions: Int
}

public struct Suggestion: Sendable, Hashable, Codable {
    public var indicator: String
    public var scenarios: [ScenarioRubric]
}

public struct TraineeReport: Sendable, Hashable, Codable {
    public var trainee: String
    public var sessions: Int
    public var scoredSessions: Int
    public var interrupted: Int
    public var averageScore: Double?
    public var averageFormScore: Double?
    public var trend: [TrendPoint]
    public var categories: [CategoryRate]
    public var indicators: [IndicatorRate]
    public var codes: [CodeEvidence]
    /// The three indicators with the lowest hit rate among those that applied and were not always hit.
    public var weakest: [IndicatorRate]
    public var suggestions: [Suggestion]
}

public struct ClassReport: Sendable, Hashable, Codable {
    public var since: Date?
    public var trainees: [TraineeReport]
    /// Every indicator seen, in catalog order (category, then id).
    public var indicatorIDs: [String]
    public var categories: [String]
}

extension Store {
    /// Aggregates sessions per trainee: trend, category and indicator rates, code evidence,
    /// weakest indicators and scenarios that train them. All in a few grouped queries.
    public func report(trainee: String? = nil, since: Date? = nil, scenarios: [ScenarioRubric] = [],
                       categoryOrder: [String] = ["compliance", "listening", "closing", "complaint", "records"]) throws -> ClassReport {
        struct Raw: Sendable {
            var totals: [(String, Int, Int, Int, Double?, Double?)] = []
            var trend: [(String, String, Double, Int)] = []
            var statuses: [(String, String, String, Int)] = []
            var categoryScores: [(String, String, Double?)] = []
            var catalog: [String: (String, [String])] = [:]
            var languages: [(String, String, Int)] = []
        }
        let raw = try read { db -> Raw in
            var filter = "WHERE 1"
            var arguments: StatementArguments = []
            if let trainee { filter += " AND t.name = ?"; arguments += [trainee] }
            if let since { filter += " AND s.started >= ?"; arguments += [since] }
            var raw = Raw()
            raw.totals = try Row.fetchAll(db, sql: """
                SELECT t.name, COUNT(*), COUNT(s.score), SUM(s.interrupted), AVG(s.score), AVG(w.form_score)
                FROM sessions s JOIN trainees t ON t.id = s.trainee_id LEFT JOIN wrapups w ON w.session_id = s.id
                \(filter) GROUP BY t.name ORDER BY t.name
                """, arguments: arguments).map { ($0[0], $0[1], $0[2], $0[3], $0[4], $0[5]) }
            raw.trend = try Row.fetchAll(db, sql: """
                SELECT t.name, substr(s.started, 1, 10) AS day, AVG(s.score), COUNT(*)
                FROM sessions s JOIN trainees t ON t.id = s.trainee_id
                \(filter) AND s.score IS NOT NULL GROUP BY t.name, day ORDER BY t.name, day
                """, arguments: arguments).map { ($0[0], $0[1], $0[2], $0[3]) }
            // The per-result tables carry trainee and start (v7) and are grouped along their covering index.
            var names: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM trainees") { names[row[0]] = row[1] }
            var resultFilter = "WHERE 1"
            var resultArguments: StatementArguments = []
            if let trainee {
                resultFilter += " AND trainee_id = (SELECT id FROM trainees WHERE name = ?)"
                resultArguments += [trainee]
            }
            if let since { resultFilter += " AND started >= ?"; resultArguments += [since] }
            raw.statuses = try Row.fetchAll(db, sql: """
                SELECT trainee_id, indicator_id, status, COUNT(*) FROM indicator_results
                \(resultFilter) GROUP BY trainee_id, indicator_id, status
                """, arguments: resultArguments).compactMap { row in
                    guard let name = names[row[0]] else { return nil }
                    return (name, row[1], row[2], row[3])
                }
            raw.categoryScores = try Row.fetchAll(db, sql: """
                SELECT trainee_id, category, AVG(score) FROM category_scores
                \(resultFilter) GROUP BY trainee_id, category
                """, arguments: resultArguments).compactMap { row in
                    guard let name = names[row[0]] else { return nil }
                    return (name, row[1], row[2])
                }
            raw.languages = try Row.fetchAll(db, sql: """
                SELECT t.name, s.language, COUNT(*) FROM sessions s JOIN trainees t ON t.id = s.trainee_id
                \(filter) GROUP BY t.name, s.language
                """, arguments: arguments).map { ($0[0], $0[1], $0[2]) }
            for row in try Row.fetchAll(db, sql: "SELECT id, category, codes FROM indicators") {
                raw.catalog[row[0]] = (row[1], decodeJSON([String].self, row[2]) ?? [])
            }
            return raw
        }

        func categoryRank(_ name: String) -> Int { categoryOrder.firstIndex(of: name) ?? categoryOrder.count }
        let indicatorIDs = raw.catalog.keys.sorted {
            let left = raw.catalog[$0]?.0 ?? "", right = raw.catalog[$1]?.0 ?? ""
            return (categoryRank(left), left, $0) < (categoryRank(right), right, $1)
        }
        let categories = Array(Set(raw.catalog.values.map(\.0))).sorted { (categoryRank($0), $0) < (categoryRank($1), $1) }

        var rates: [String: [String: IndicatorRate]] = [:]
        for (name, indicator, status, count) in raw.statuses {
            let entry = raw.catalog[indicator]
            var rate = rates[name, default: [:]][indicator]
                ?? IndicatorRate(id: indicator, category: entry?.0 ?? "", codes: entry?.1 ?? [])
            switch status {
            case "hit": rate.hit += count
            case "missed": rate.missed += count
            case "violated": rate.violated += count
            default: rate.na += count
            }
            rates[name, default: [:]][indicator] = rate
        }
        var trends: [String: [TrendPoint]] = [:]
        for (name, day, score, count) in raw.trend {
            trends[name, default: []].append(TrendPoint(day: day, averageScore: score, sessions: count))
        }
        var categoryAverages: [String: [String: Double]] = [:]
        for (name, category, score) in raw.categoryScores {
            if let score { categoryAverages[name, default: [:]][category] = score }
        }

        let reports = raw.totals.map { total -> TraineeReport in
            let (name, sessions, scored, interrupted, average, formAverage) = total
            let traineeRates = rates[name] ?? [:]
            let indicators = indicatorIDs.compactMap { traineeRates[$0] }
            let categoryRates = categories.map { category -> CategoryRate in
                let members = indicators.filter { $0.category == category }
                return CategoryRate(name: category, averageScore: categoryAverages[name]?[category],
                                    hit: members.reduce(0) { $0 + $1.hit }, applicable: members.reduce(0) { $0 + $1.applicable })
            }
            var codeCounts: [String: (Int, Int)] = [:]
            for rate in indicators {
                for code in rate.codes {
                    let current = codeCounts[code] ?? (0, 0)
                    codeCounts[code] = (current.0 + rate.hit, current.1 + rate.missed + rate.violated)
                }
            }
            let codes = codeCounts.keys.sorted(by: Store.codeOrder).map {
                CodeEvidence(code: $0, hits: codeCounts[$0]?.0 ?? 0, misses: codeCounts[$0]?.1 ?? 0)
            }
            let weakest = indicators.filter { $0.applicable > 0 && ($0.rate ?? 1) < 1 }
                .sorted { ($0.rate ?? 1, -$0.violated, -$0.applicable, $0.id) < ($1.rate ?? 1, -$1.violated, -$1.applicable, $1.id) }
                .prefix(3)
            // Scenarios in the language the trainee practises most come first, then those that
            // cover more of the weakest indicators and weigh this one more.
            let usual = raw.languages.filter { $0.0 == name }.max { ($0.2, $1.1) < ($1.2, $0.1) }.flatMap { Language(code: $0.1) }
            let suggestions = weakest.map { weak in
                Suggestion(indicator: weak.id, scenarios: Array(scenarios
                    .filter { $0.indicators.contains(weak.id) }
                    .map { scenario -> (ScenarioRubric, Int, Int, Double) in
                        let covered = scenario.indicators.filter { id in weakest.contains { $0.id == id } }.count
                        let sameLanguage = usual == nil || scenario.language == usual ? 0 : 1
                        return (scenario, sameLanguage, -covered, -(scenario.weights[weak.id] ?? 1))
                    }
                    .sorted { ($0.1, $0.2, $0.3, $0.0.id) < ($1.1, $1.2, $1.3, $1.0.id) }
                    .map(\.0)
                    .prefix(3)))
            }
            return TraineeReport(trainee: name, sessions: sessions, scoredSessions: scored, interrupted: interrupted,
                                 averageScore: average, averageFormScore: formAverage, trend: trends[name] ?? [],
                                 categories: categoryRates, indicators: indicators, codes: codes,
                                 weakest: Array(weakest), suggestions: suggestions)
        }
        return ClassReport(since: since, trainees: reports, indicatorIDs: indicatorIDs, categories: categories)
    }

    /// The standard's order: tasks and behaviour indicators (T, P, O), then K, S, A; numbers numerically.
    static func codeOrder(_ left: String, _ right: String) -> Bool {
        func key(_ code: String) -> (Int, [Int], String) {
            let letters = "TPOKSA"
            let rank = code.first.flatMap { letters.firstIndex(of: $0) }.map { letters.distance(from: letters.startIndex, to: $0) } ?? 9
            let numbers = code.dropFirst().split(separator: ".").map { Int($0) ?? 0 }
            return (rank, numbers, code)
        }
        let a = key(left), b = key(right)
        if a.0 != b.0 { return a.0 < b.0 }
        if a.1 != b.1 { return a.1.lexicographicallyPrecedes(b.1) }
        return a.2 < b.2
    }
}
