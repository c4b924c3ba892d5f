import CallsimCore
import CallsimScoring

/// The readable scorecard shown by `score`, `replay` and `play`: indicators grouped by category
/// with status, evidence turns, codes, a model line for each missed one, and response times.
enum ScoreReport {
    /// - Parameters:
    ///   - suggestions: indicator id → model line from the scenario's script (used before the indicator's own line).
    ///   - language: language of the labels.
    static func render(
        transcript: Transcript, scorecard card: Scorecard, title: String? = nil,
        suggestions: [String: String] = [:], language: Language, color: Bool
    ) -> String {
        let zh = language == .zhTW
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var lines: [String] = []

        let direction = zh ? (card.direction == .outbound ? "撥出" : "來電") : card.direction.rawValue
        let inferred = zh ? "（推定）" : " (inferred)"
        var head: [String] = []
        if let title { head.append(paint(title, "1")) }
        head.append(direction + (card.directionInferred ? inferred : ""))
        head.append(card.lang.rawValue)
        if let outcome = card.outcome {
            head.append((zh ? "結果 " : "outcome ") + outcome.rawValue + (card.outcomeInferred ? inferred : ""))
        }
        lines.append(head.joined(separator: " · "))
        let scoreColor = card.score >= 80 ? "32" : card.score >= 60 ? "33" : "31"
        lines.append((zh ? "總分 " : "Score ") + paint("\(card.score)", "1;" + scoreColor) + " / 100")
        if !card.critical.isEmpty {
            let names = card.critical.map { IndicatorCatalog.indicator($0)?.name(in: language) ?? $0 }.joined(separator: ", ")
            lines.append(paint((zh ? "重大違規，總分歸零：" : "Critical violation, score set to 0: ") + names, "1;31"))
        }

        for category in IndicatorCategory.allCases {
            let results = card.results.filter { IndicatorCatalog.indicator($0.id)?.category == category }
            let value = card.categoryScore(category).map { "\($0)" } ?? (zh ? "不適用" : "n/a")
            lines.append("")
            lines.append(paint(category.name(in: language), "1") + "  " + value)
            for result in results {
                guard let indicator = IndicatorCatalog.indicator(result.id) else { continue }
                let (mark, label, code): (String, String, String) = switch result.status {
                case .hit: ("✔", zh ? "達成" : "hit", "32")
                case .missed: ("✘", zh ? "未做到" : "missed", "33")
                case .violated: ("✖", zh ? "違規" : "violated", "1;31")
                case .na: ("·", zh ? "不適用" : "n/a", "2")
                }
                let status = label.padding(toLength: zh ? 4 : 8, withPad: " ", startingAt: 0)
                var line = "  " + paint(mark + " " + status, code) + " " + indicator.name(in: language)
                line += paint("  " + result.id + " [" + result.codes.joined(separator: " ") + "]", "2")
                lines.append(line)
                if result.status == .na { continue }
                for number in result.turns where number >= 1 && number <= transcript.turns.count {
                    let turn = transcript.turns[number - 1]
                    let who = turn.speaker == .agent ? (zh ? "專員" : "Agent") : (zh ? "客戶" : "Customer")
                    lines.append("      " + paint("\(number) \(who): ", "2") + excerpt(turn.text, limit: 72))
                }
                if result.status == .missed || result.status == .violated {
                    let model = suggestions[result.id] ?? indicator.modelLine(in: card.lang)
                    if !model.isEmpty {
                        lines.append("      " + paint((zh ? "建議說法：" : "Try: ") + model, "36"))
                    }
                }
            }
        }

        let timed = transcript.turns.enumerated().filter { $0.element.speaker == .agent && $0.element.responseSeconds != nil }
        if !timed.isEmpty {
            lines.append("")
            lines.append(paint(zh ? "回應時間" : "Response times", "1"))
            var parts: [String] = []
            for (index, turn) in timed {
                let seconds = turn.responseSeconds ?? 0
                parts.append("\(index + 1): " + formatSeconds(seconds))
            }
            lines.append("  " + parts.joined(separator: "  "))
            let total = timed.reduce(0.0) { $0 + ($1.element.responseSeconds ?? 0) }
            lines.append("  " + (zh ? "平均 " : "average ") + formatSeconds(total / Double(timed.count)))
        }
        return lines.joined(separator: "\n")
    }

    static func formatSeconds(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)s"
    }

    /// The first `limit` characters of a turn on one line.
    static func excerpt(_ text: String, limit: Int) -> String {
        let flat = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit)) + "…"
    }
}
