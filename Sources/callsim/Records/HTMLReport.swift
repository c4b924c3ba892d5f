import CallsimCore
import CallsimStore
import Foundation

/// The report as one self-contained HTML file: inline CSS and SVG charts (trend line,
/// category bars, trainee × indicator heat map), bilingual labels, readable offline and
/// printable. No scripts, no external resources.
enum HTMLReport {
    static func render(_ report: ClassReport, focus: String?) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="zh-Hant-TW">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>學員績效報告 Trainee performance report</title>
            <style>\(css)</style>
            </head>
            <body>
            <header>
            <h1>學員績效報告 <span class="en">Trainee performance report</span></h1>
            <p class="sub">\(escape(subtitle(report)))</p>
            </header>

            """
        if report.trainees.isEmpty {
            html += "<p class=\"empty\">沒有符合條件的通話。 <span class=\"en\">No calls match.</span></p>\n"
        } else {
            if focus == nil {
                html += classSection(report)
            }
            for trainee in report.trainees {
                html += traineeSection(trainee, categories: report.categories)
            }
        }
        html += """
            <footer>依據職能基準 KPS5294-001v3 電話行銷服務助理 · Scored on competency standard KPS5294-001v3 (telemarketing service assistant)</footer>
            </body>
            </html>

            """
        return html
    }

    static func subtitle(_ report: ClassReport) -> String {
        let calls = report.trainees.reduce(0) { $0 + $1.sessions }
        let days = report.trainees.flatMap(\.trend).map(\.day).sorted()
        var text = "\(report.trainees.count) 位學員 trainees · \(calls) 通 calls"
        if let first = days.first, let last = days.last { text += " · \(first) – \(last) (UTC)" }
        if let since = report.since { text += " · 起 since \(RecordDates.minute(since))" }
        return text
    }

    // MARK: class view

    static func classSection(_ report: ClassReport) -> String {
        var html = "<section class=\"class\">\n<h2>全班總覽 <span class=\"en\">Class overview</span></h2>\n"
        html += "<table class=\"overview\">\n<thead><tr><th>學員<br><span class=\"en\">Trainee</span></th><th>通數<br><span class=\"en\">Calls</span></th><th>平均<br><span class=\"en\">Average</span></th>"
        for category in report.categories {
            html += "<th>\(escape(Labels.category(category, .zhTW)))<br><span class=\"en\">\(escape(category))</span></th>"
        }
        html += "<th>表單<br><span class=\"en\">Forms</span></th><th>最弱指標<br><span class=\"en\">Weakest</span></th></tr></thead>\n<tbody>\n"
        for trainee in report.trainees {
            html += "<tr><th scope=\"row\"><a href=\"#\(anchor(trainee.trainee))\">\(escape(trainee.trainee))</a></th><td class=\"num\">\(trainee.sessions)</td>"
            html += scoreCell(trainee.averageScore)
            for category in report.categories {
                html += scoreCell(trainee.categories.first { $0.name == category }?.averageScore)
            }
            html += scoreCell(trainee.averageFormScore, suffix: "%")
            html += "<td class=\"weak\">\(escape(trainee.weakest.first?.id ?? "–"))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<h3>指標達成率熱圖 <span class=\"en\">Indicator hit rate, trainee × indicator</span></h3>\n"
        html += heatMap(report)
        html += "</section>\n"
        return html
    }

    static func scoreCell(_ value: Double?, suffix: String = "") -> String {
        guard let value else { return "<td class=\"num na\">–</td>" }
        return "<td class=\"num\" style=\"background:\(color(value / 100, light: true))\">\(Int(value.rounded()))\(suffix)</td>"
    }

    static func heatMap(_ report: ClassReport) -> String {
        let ids = report.indicatorIDs
        let cellWidth = 24.0, cellHeight = 20.0, left = 120.0, top = 190.0
        let width = left + Double(ids.count) * cellWidth + 110
        let height = top + Double(report.trainees.count) * cellHeight + 50
        var svg = "<svg class=\"heat\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"trainee by indicator hit rates\">\n"
        var previousCategory = ""
        for (column, id) in ids.enumerated() {
            let x = left + Double(column) * cellWidth + cellWidth / 2
            let category = report.trainees.lazy.compactMap { $0.indicators.first { $0.id == id }?.category }.first ?? ""
            if category != previousCategory {
                let lineX = left + Double(column) * cellWidth
                svg += "<line x1=\"\(f(lineX))\" y1=\"\(f(top - 6))\" x2=\"\(f(lineX))\" y2=\"\(f(top + Double(report.trainees.count) * cellHeight))\" class=\"sep\"/>\n"
                previousCategory = category
            }
            svg += "<text transform=\"translate(\(f(x + 4)),\(f(top - 8))) rotate(-60)\" class=\"col\">\(escape(id))</text>\n"
        }
        for (row, trainee) in report.trainees.enumerated() {
            let y = top + Double(row) * cellHeight
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y + cellHeight * 0.7))\" class=\"rowlabel\">\(escape(trainee.trainee))</text>\n"
            let rates = Dictionary(trainee.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (column, id) in ids.enumerated() {
                let x = left + Double(column) * cellWidth
                let rate = rates[id]?.rate
                let fill = rate.map { color($0, light: false) } ?? "#e9ecef"
                let title = "\(trainee.trainee) · \(id): " + (rate.map { "\(Int(($0 * 100).rounded()))% (\(rates[id]?.hit ?? 0)/\(rates[id]?.applicable ?? 0))" } ?? "n/a")
                svg += "<rect x=\"\(f(x + 1))\" y=\"\(f(y + 1))\" width=\"\(f(cellWidth - 2))\" height=\"\(f(cellHeight - 2))\" rx=\"2\" fill=\"\(fill)\"><title>\(escape(title))</title></rect>\n"
            }
        }
        // Legend.
        let legendY = top + Double(report.trainees.count) * cellHeight + 16
        svg += "<text x=\"\(f(left))\" y=\"\(f(legendY + 12))\" class=\"legend\">0%</text>\n"
        for step in 0..<10 {
            svg += "<rect x=\"\(f(left + 26 + Double(step) * 18))\" y=\"\(f(legendY))\" width=\"18\" height=\"14\" fill=\"\(color(Double(step) / 9, light: false))\"/>\n"
        }
        svg += "<text x=\"\(f(left + 212))\" y=\"\(f(legendY + 12))\" class=\"legend\">100%</text>\n"
        svg += "<rect x=\"\(f(left + 260))\" y=\"\(f(legendY))\" width=\"18\" height=\"14\" fill=\"#e9ecef\"/>"
        svg += "<text x=\"\(f(left + 284))\" y=\"\(f(legendY + 12))\" class=\"legend\">不適用 n/a</text>\n"
        svg += "</svg>\n"
        return "<div class=\"scroll\">\n" + svg + "</div>\n"
    }

    // MARK: one trainee

    static func traineeSection(_ trainee: TraineeReport, categories: [String]) -> String {
        var html = "<section class=\"trainee\" id=\"\(anchor(trainee.trainee))\">\n"
        html += "<h2>\(escape(trainee.trainee))</h2>\n<div class=\"tiles\">\n"
        html += tile("通數", "Calls", String(trainee.sessions))
        html += tile("平均分數", "Average score", trainee.averageScore.map { String(Int($0.rounded())) } ?? "–")
        html += tile("表單得分", "Form score", trainee.averageFormScore.map { "\(Int($0.rounded()))%" } ?? "–")
        html += tile("中斷通話", "Interrupted", String(trainee.interrupted))
        html += "</div>\n<div class=\"charts\">\n"
        html += "<figure><figcaption>分數趨勢（每日平均） <span class=\"en\">Score trend, daily average</span></figcaption>\n\(trendChart(trainee.trend))</figure>\n"
        html += "<figure><figcaption>各類別平均 <span class=\"en\">Average per category</span></figcaption>\n\(categoryChart(trainee.categories))</figure>\n"
        html += "</div>\n"

        html += "<h3>最弱的三項與建議練習 <span class=\"en\">Three weakest areas and scenarios that train them</span></h3>\n<ol class=\"weakest\">\n"
        for weak in trainee.weakest {
            let scenarios = trainee.suggestions.first { $0.indicator == weak.id }?.scenarios ?? []
            html += "<li><strong>\(escape(weak.id))</strong> \(weak.rate.map { "\(Int(($0 * 100).rounded()))%" } ?? "") "
            html += "<span class=\"codes\">\(escape(weak.codes.joined(separator: " ")))</span>"
            if scenarios.isEmpty {
                html += "<br><span class=\"muted\">沒有情境以此指標評分 <span class=\"en\">no scenario scores this indicator</span></span>"
            } else {
                html += "<br>練習 <span class=\"en\">practise</span>: " + scenarios.map { "<code>\(escape($0.id))</code> \(escape($0.title))" }.joined(separator: " · ")
            }
            html += "</li>\n"
        }
        html += "</ol>\n"

        html += "<div class=\"two\">\n<div>\n<h3>指標達成率 <span class=\"en\">Indicator hit rates</span></h3>\n<table class=\"rates\">\n"
        html += "<thead><tr><th>指標 <span class=\"en\">indicator</span></th><th>做到 <span class=\"en\">hit</span></th><th>達成率 <span class=\"en\">rate</span></th></tr></thead>\n<tbody>\n"
        for rate in trainee.indicators {
            let percent = rate.rate.map { $0 * 100 }
            html += "<tr><td>\(escape(rate.id))\(rate.violated > 0 ? " <span class=\"violated\">⚠ \(rate.violated)</span>" : "")</td>"
            html += "<td class=\"num\">\(rate.hit)/\(rate.applicable)</td><td class=\"barcell\">"
            if let percent {
                html += "<span class=\"bar\" style=\"width:\(f(percent))%;background:\(color(percent / 100, light: false))\"></span><span class=\"val\">\(Int(percent.rounded()))%</span>"
            } else {
                html += "<span class=\"muted\">n/a</span>"
            }
            html += "</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n<div>\n"
        html += "<h3>職能基準代碼佐證 <span class=\"en\">Evidence per code of the standard</span></h3>\n<table class=\"codes\">\n"
        html += "<thead><tr><th>代碼 <span class=\"en\">code</span></th><th>做到 <span class=\"en\">hit</span></th><th>未做到 <span class=\"en\">missed</span></th></tr></thead>\n<tbody>\n"
        for code in trainee.codes {
            html += "<tr><td>\(escape(code.code))</td><td class=\"num\">\(code.hits)</td><td class=\"num\">\(code.misses)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n</div>\n</section>\n"
        return html
    }

    static func tile(_ zh: String, _ en: String, _ value: String) -> String {
        "<div class=\"tile\"><div class=\"value\">\(escape(value))</div><div class=\"label\">\(escape(zh)) <span class=\"en\">\(escape(en))</span></div></div>\n"
    }

    static func trendChart(_ points: [TrendPoint]) -> String {
        let width = 520.0, height = 220.0, left = 36.0, right = 12.0, top = 12.0, bottom = 30.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        var svg = "<svg viewBox=\"0 0 \(f(width)) \(f(height))\" class=\"chart\" role=\"img\" aria-label=\"score trend\">\n"
        for value in stride(from: 0, through: 100, by: 25) {
            let y = top + plotHeight * (1 - Double(value) / 100)
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - right))\" y2=\"\(f(y))\" class=\"grid\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" class=\"axis\" text-anchor=\"end\">\(value)</text>\n"
        }
        guard !points.isEmpty else {
            return svg + "<text x=\"\(f(width / 2))\" y=\"\(f(height / 2))\" text-anchor=\"middle\" class=\"axis\">尚無評分 no scores yet</text></svg>\n"
        }
        func x(_ index: Int) -> Double {
            points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - max(0, min(100, value)) / 100) }
        let coordinates = points.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element.averageScore)))" }
        svg += "<polygon points=\"\(f(x(0))),\(f(top + plotHeight)) \(coordinates.joined(separator: " ")) \(f(x(points.count - 1))),\(f(top + plotHeight))\" class=\"area\"/>\n"
        svg += "<polyline points=\"\(coordinates.joined(separator: " "))\" class=\"line\"/>\n"
        if points.count <= 60 {
            for (index, point) in points.enumerated() {
                svg += "<circle cx=\"\(f(x(index)))\" cy=\"\(f(y(point.averageScore)))\" r=\"2.5\" class=\"dot\"><title>\(escape(point.day)): \(Int(point.averageScore.rounded())) (\(point.sessions))</title></circle>\n"
            }
        }
        // A moving average over a week of points shows the direction through daily noise.
        if points.count >= 7 {
            let smooth = points.indices.map { index -> String in
                let window = points[max(0, index - 6)...index]
                let mean = window.map(\.averageScore).reduce(0, +) / Double(window.count)
                return "\(f(x(index))),\(f(y(mean)))"
            }
            svg += "<polyline points=\"\(smooth.joined(separator: " "))\" class=\"smooth\"/>\n"
        }
        svg += "<text x=\"\(f(left))\" y=\"\(f(height - 8))\" class=\"axis\">\(escape(points[0].day))</text>"
        svg += "<text x=\"\(f(width - right))\" y=\"\(f(height - 8))\" class=\"axis\" text-anchor=\"end\">\(escape(points[points.count - 1].day))</text>\n"
        svg += "</svg>\n"
        return svg
    }

    static func categoryChart(_ categories: [CategoryRate]) -> String {
        let rowHeight = 34.0, left = 150.0, width = 520.0, right = 44.0
        let height = Double(max(1, categories.count)) * rowHeight + 10
        let plotWidth = width - left - right
        var svg = "<svg viewBox=\"0 0 \(f(width)) \(f(height))\" class=\"chart\" role=\"img\" aria-label=\"average per category\">\n"
        for (index, category) in categories.enumerated() {
            let y = 6 + Double(index) * rowHeight
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 14))\" text-anchor=\"end\" class=\"catlabel\">\(escape(Labels.category(category.name, .zhTW)))</text>"
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 27))\" text-anchor=\"end\" class=\"axis\">\(escape(category.name))</text>\n"
            svg += "<rect x=\"\(f(left))\" y=\"\(f(y + 4))\" width=\"\(f(plotWidth))\" height=\"20\" rx=\"3\" class=\"track\"/>\n"
            if let value = category.averageScore {
                svg += "<rect x=\"\(f(left))\" y=\"\(f(y + 4))\" width=\"\(f(plotWidth * max(0, min(100, value)) / 100))\" height=\"20\" rx=\"3\" fill=\"\(color(value / 100, light: false))\"/>\n"
                svg += "<text x=\"\(f(width - right + 6))\" y=\"\(f(y + 19))\" class=\"value\">\(Int(value.rounded()))</text>\n"
            } else {
                svg += "<text x=\"\(f(width - right + 6))\" y=\"\(f(y + 19))\" class=\"axis\">n/a</text>\n"
            }
        }
        svg += "</svg>\n"
        return svg
    }

    // MARK: helpers

    /// Red (0) through amber to green (1); lighter for table cell backgrounds.
    static func color(_ fraction: Double, light: Bool) -> String {
        let value = max(0, min(1, fraction))
        let stops: [(Double, Double, Double)] = [(215, 48, 39), (244, 165, 60), (254, 224, 139), (145, 207, 96), (26, 152, 80)]
        let position = value * Double(stops.count - 1)
        let index = min(stops.count - 2, Int(position))
        let t = position - Double(index)
        var rgb = (stops[index].0 + (stops[index + 1].0 - stops[index].0) * t,
                   stops[index].1 + (stops[index + 1].1 - stops[index].1) * t,
                   stops[index].2 + (stops[index + 1].2 - stops[index].2) * t)
        if light { rgb = (rgb.0 + (255 - rgb.0) * 0.6, rgb.1 + (255 - rgb.1) * 0.6, rgb.2 + (255 - rgb.2) * 0.6) }
        return "#" + hex(rgb.0) + hex(rgb.1) + hex(rgb.2)
    }

    static func hex(_ component: Double) -> String {
        let value = max(0, min(255, Int(component.rounded())))
        let digits = Array("0123456789abcdef")
        return String([digits[value / 16], digits[value % 16]])
    }

    /// A coordinate to one decimal, without String(format:) (slow, and called thousands of times).
    static func f(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + String(magnitude / 10) + "." + String(magnitude % 10)
    }

    static func anchor(_ name: String) -> String {
        "t-" + name.unicodeScalars.map { scalar in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII ? String(scalar) : String(format: "_%x", scalar.value)
        }.joined()
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static let css = """
        :root { --ink: #1f2933; --muted: #6b7785; --line: #d9dee4; --accent: #2563eb; --paper: #ffffff; --bg: #f4f6f8; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 32px 40px; background: var(--bg); color: var(--ink);
          font: 14px/1.5 "Noto Sans TC", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", system-ui, sans-serif; }
        header h1 { margin: 0 0 4px; font-size: 26px; }
        .sub, .muted, footer { color: var(--muted); }
        .en { color: var(--muted); font-weight: normal; font-size: 0.85em; }
        h2 { margin: 0 0 12px; font-size: 20px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 18px 0 8px; }
        section { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 18px 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
        thead th { font-size: 12px; line-height: 1.3; background: #f8fafc; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.na { color: var(--muted); }
        .overview td.num { text-align: center; }
        .overview a { color: var(--ink); text-decoration: none; }
        td.weak, .codes { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: 12px; }
        .scroll { overflow-x: auto; }
        svg text { font-family: inherit; fill: var(--ink); }
        svg .col { font-size: 11px; font-family: ui-monospace, Menlo, monospace; }
        svg .rowlabel { font-size: 12px; text-anchor: end; }
        svg .legend, svg .axis { font-size: 11px; fill: var(--muted); }
        svg .sep { stroke: #9aa5b1; stroke-width: 1; }
        svg .grid { stroke: var(--line); stroke-width: 1; }
        svg .line { fill: none; stroke: var(--accent); stroke-width: 1.6; opacity: 0.55; }
        svg .smooth { fill: none; stroke: #1e3a8a; stroke-width: 2.4; }
        svg .area { fill: #2563eb; opacity: 0.08; }
        svg .dot { fill: var(--accent); }
        svg .track { fill: #eef1f4; }
        svg .catlabel { font-size: 13px; }
        svg .value { font-size: 13px; font-weight: 600; }
        .tiles { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 10px; }
        .tile { flex: 1 1 120px; border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; background: #fbfcfd; }
        .tile .value { font-size: 24px; font-weight: 700; }
        .tile .label { font-size: 12px; color: var(--muted); }
        .charts { display: flex; gap: 18px; flex-wrap: wrap; }
        figure { margin: 0; flex: 1 1 420px; }
        figcaption { font-weight: 600; margin-bottom: 4px; }
        .chart { width: 100%; height: auto; }
        .two { display: flex; gap: 24px; flex-wrap: wrap; }
        .two > div { flex: 1 1 340px; }
        .rates td { font-size: 12.5px; }
        .barcell { width: 45%; white-space: nowrap; }
        .bar { display: inline-block; height: 10px; border-radius: 2px; vertical-align: middle; }
        .val { margin-left: 6px; font-size: 12px; font-variant-numeric: tabular-nums; }
        .violated { color: #b42318; font-size: 11px; }
        ol.weakest li { margin-bottom: 6px; }
        code { background: #eef2ff; padding: 0 4px; border-radius: 3px; }
        footer { margin-top: 24px; font-size: 12px; }
        @media print {
          @page { size: A4; margin: 14mm; }
          body { background: #fff; padding: 0; font-size: 11px; }
          section { border: none; padding: 0; margin: 0 0 10mm; break-inside: avoid-page; }
          section.trainee { break-before: page; }
          .scroll { overflow: visible; }
          svg.heat { width: 100%; height: auto; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
