import CallsimCore
import CallsimStore
import Foundation

/// The report on a terminal: the class side by side, or one trainee in detail.
enum TextReport {
    static func render(_ report: ClassReport, focus: String?, language: Language) -> String {
        let zh = language == .zhTW
        func t(_ zhText: String, _ enText: String) -> String { zh ? zhText : enText }
        guard !report.trainees.isEmpty else { return t("沒有符合條件的通話。\n", "No calls match.\n") }
        var out: [String] = []
        if focus == nil || report.trainees.count > 1 {
            let total = report.trainees.reduce(0) { $0 + $1.sessions }
            out.append(t("全班報告：\(report.trainees.count) 位學員，\(total) 通", "Class report: \(report.trainees.count) trainees, \(total) calls")
                       + (report.since.map { t("（\(RecordDates.minute($0)) 起）", " (since \(RecordDates.minute($0)))") } ?? ""))
            var rows = [[t("學員", "trainee"), t("通數", "calls"), t("平均", "avg")] + report.categories.map { Labels.category($0, language) }
                        + [t("表單", "forms"), t("最弱指標", "weakest")]]
            for trainee in report.trainees {
                rows.append([trainee.trainee, String(trainee.sessions), format(trainee.averageScore)]
                            + report.categories.map { name in format(trainee.categories.first { $0.name == name }?.averageScore) }
                            + [trainee.averageFormScore.map { format($0) + "%" } ?? "-", trainee.weakest.first?.id ?? "-"])
            }
            out.append(TextTable.render(rows, rightAligned: Set(1..<(3 + report.categories.count + 1))))
        }
        let detailed = focus != nil ? report.trainees : (report.trainees.count == 1 ? report.trainees : [])
        for trainee in detailed { out.append(renderTrainee(trainee, language: language)) }
        if detailed.isEmpty {
            out.append(t("以 --trainee NAME 看個人明細；--html FILE 產生含圖表的報告。", "Use --trainee NAME for one trainee's detail; --html FILE for a report with charts."))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func renderTrainee(_ trainee: TraineeReport, language: Language) -> String {
        let zh = language == .zhTW
        func t(_ zhText: String, _ enText: String) -> String { zh ? zhText : enText }
        var out: [String] = []
        out.append(t("學員 \(trainee.trainee)：\(trainee.sessions) 通（中斷 \(trainee.interrupted)），平均 \(format(trainee.averageScore))，表單 \(format(trainee.averageFormScore))%",
                     "Trainee \(trainee.trainee): \(trainee.sessions) calls (\(trainee.interrupted) interrupted), average \(format(trainee.averageScore)), forms \(format(trainee.averageFormScore))%"))
        if !trainee.trend.isEmpty {
            let points = trainee.trend.suffix(30)
            out.append(t("分數趨勢（每日平均，最近 \(points.count) 天）：", "Score trend (daily average, last \(points.count) days): ")
                       + sparkline(points.map(\.averageScore))
                       + "  \(points.first.map { format($0.averageScore) } ?? "") → \(points.last.map { format($0.averageScore) } ?? "")")
        }
        out.append("")
        out.append(t("類別", "Categories"))
        for category in trainee.categories {
            let value = category.averageScore
            out.append("  " + TextTable.pad(Labels.category(category.name, language), to: 12, right: false)
                       + TextTable.pad(format(value), to: 5, right: true) + "  " + bar(value ?? 0))
        }
        out.append("")
        out.append(t("指標達成率", "Indicator hit rates"))
        var rows: [[String]] = []
        for rate in trainee.indicators {
            rows.append(["  " + rate.id, "\(rate.hit)/\(rate.applicable)", rate.rate.map { format($0 * 100) + "%" } ?? "n/a",
                         rate.violated > 0 ? t("違規 \(rate.violated)", "violated \(rate.violated)") : ""])
        }
        out.append(TextTable.render(rows, rightAligned: [1, 2]).trimmingCharacters(in: .newlines))
        out.append("")
        out.append(t("職能基準代碼佐證（做到／未做到）", "Evidence per code of the standard (hit / missed)"))
        out.append(trainee.codes.map { "\($0.code) \($0.hits)/\($0.misses)" }.chunked(8).map { "  " + $0.joined(separator: "  ") }
            .joined(separator: "\n"))
        out.append("")
        out.append(t("最弱的三項與建議練習", "Three weakest areas and scenarios to practise"))
        for (index, weak) in trainee.weakest.enumerated() {
            let scenarios = trainee.suggestions.first { $0.indicator == weak.id }?.scenarios.map(\.id) ?? []
            out.append("  \(index + 1). \(weak.id) \(weak.rate.map { format($0 * 100) + "%" } ?? "") [\(weak.codes.joined(separator: " "))]"
                       + (scenarios.isEmpty ? "" : t(" → 練習：", " → practise: ") + scenarios.joined(separator: ", ")))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(Int(value.rounded()))
    }

    static func bar(_ value: Double) -> String {
        let cells = Int((max(0, min(100, value)) / 5).rounded())
        return String(repeating: "█", count: cells) + String(repeating: "·", count: 20 - cells)
    }

    static func sparkline(_ values: [Double]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(values.map { blocks[min(7, max(0, Int($0 / 100 * 7.999)))] })
    }
}

/// Labels of the report in both languages.
enum Labels {
    static func category(_ name: String, _ language: Language) -> String {
        guard language == .zhTW else { return name }
        switch name {
        case "compliance": return "法規遵循"
        case "listening": return "傾聽回應"
        case "closing": return "銷售成交"
        case "complaint": return "客訴處理"
        case "records": return "資料紀錄"
        default: return name
        }
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
