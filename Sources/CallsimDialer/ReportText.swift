import Foundation

/// The campaign report as terminal text: figures, a per-hour chart, per-day abandonment, breaches.
extension CampaignReport {
    public func renderText() -> String {
        var out: [String] = []
        out.append("Campaign \(campaign) — \(name)")
        out.append("  profile \(profile.rawValue), mode \(mode.rawValue)\(mode == .ratio || mode == .predictive ? " (dial level \(fixed(dialLevel, 2)))" : ""), \(agents) agents, \(leads) leads, \(days) day\(days == 1 ? "" : "s"), seed \(seed)")
        out.append("")
        let t = totals
        out.append("  dials               \(t.dials)")
        out.append("  person answered     \(t.humanAnswered)")
        out.append("  contacts            \(t.contacts)   contact rate \(pct(contactRate))")
        out.append("  sales               \(t.sales)   conversion \(pct(conversionRate)) of contacts")
        out.append("  dropped             \(t.drops)   abandonment \(fixed(abandonmentPercent, 2))% (limit \(fixed(abandonmentLimitPercent, 1))%, worst rolling \(fixed(maxRollingAbandonmentPercent, 2))%)")
        out.append("  machines \(t.machines), busy \(t.busy), no answer \(t.noAnswer), disconnected \(t.disconnected)")
        out.append("  callbacks set \(t.callbacksScheduled), DNC requests \(t.doNotCallRequests), scrubbed before dialling \(t.scrubbed), no consent \(t.noConsent)")
        out.append("  agent occupancy     \(pct(occupancy))")
        out.append("  wait between calls  \(fixed(averageWaitBetweenCalls, 1)) s")
        out.append("  list penetration    \(pct(listPenetration)) dialled, \(leadsFinished) leads finished")
        out.append("")
        out.append("  By hour (site time)  dials   answered  drops  occupancy")
        let maxDials = max(1, perHour.map(\.dials).max() ?? 1)
        for hour in perHour {
            let bar = String(repeating: "█", count: Int((Double(hour.dials) / Double(maxDials) * 24).rounded()))
            out.append("  \(pad(String(format: "%02d:00", hour.hour), 6)) \(pad(bar, 24, left: false)) \(pad("\(hour.dials)", 7)) \(pad("\(hour.humanAnswered)", 9)) \(pad("\(hour.drops)", 6)) \(pad(pct(hour.occupancy), 10))")
        }
        out.append("")
        out.append("  Day  dials  answered  drops  abandon  rolling  occupancy  level  sales")
        for d in perDay {
            let flag = d.abandonmentPercent > abandonmentLimitPercent || d.rollingAbandonmentPercent > abandonmentLimitPercent ? "  !" : ""
            out.append("  \(pad("\(d.day)", 3)) \(pad("\(d.dials)", 6)) \(pad("\(d.humanAnswered)", 9)) \(pad("\(d.drops)", 6)) \(pad(fixed(d.abandonmentPercent, 2) + "%", 8)) \(pad(fixed(d.rollingAbandonmentPercent, 2) + "%", 8)) \(pad(pct(d.occupancy), 10)) \(pad(fixed(d.meanDialLevel, 2), 6)) \(pad("\(d.sales)", 6))\(flag)")
        }
        out.append("")
        if breaches.isEmpty {
            out.append("  Compliance: no breaches")
        } else {
            out.append("  Compliance: \(breachCount) breach\(breachCount == 1 ? "" : "es")")
            for breach in breaches {
                out.append("    \(breach.count) × \(breach.kind.rawValue)")
                for example in breach.examples { out.append("        \(example)") }
            }
        }
        if !notes.isEmpty {
            out.append("")
            for note in notes { out.append("  note: \(note)") }
        }
        out.append("")
        out.append("  Final lead statuses: " + finalStatuses.map { "\($0.status.rawValue) \($0.leads)" }.joined(separator: ", "))
        return out.joined(separator: "\n") + "\n"
    }

    /// Several runs of one campaign side by side.
    public static func renderComparison(_ reports: [CampaignReport]) -> String {
        let header = reports.map { r -> String in
            r.mode == .ratio || r.mode == .predictive ? "\(r.mode.rawValue) \(fixed(r.dialLevel, 1))" : r.mode.rawValue
        }
        var rows: [(String, [String])] = []
        rows.append(("dials", reports.map { "\($0.totals.dials)" }))
        rows.append(("person answered", reports.map { "\($0.totals.humanAnswered)" }))
        rows.append(("contacts", reports.map { "\($0.totals.contacts)" }))
        rows.append(("contact rate", reports.map { pct($0.contactRate) }))
        rows.append(("sales", reports.map { "\($0.totals.sales)" }))
        rows.append(("dropped", reports.map { "\($0.totals.drops)" }))
        rows.append(("abandonment", reports.map { fixed($0.abandonmentPercent, 2) + "%" }))
        rows.append(("worst rolling", reports.map { fixed($0.maxRollingAbandonmentPercent, 2) + "%" }))
        rows.append(("occupancy", reports.map { pct($0.occupancy) }))
        rows.append(("wait between calls", reports.map { fixed($0.averageWaitBetweenCalls, 1) + " s" }))
        rows.append(("list penetration", reports.map { pct($0.listPenetration) }))
        rows.append(("breaches", reports.map { "\($0.breachCount)" }))
        let width = max(12, (header + rows.flatMap(\.1)).map(\.count).max() ?? 12) + 2
        var out = [pad("", 20, left: false) + header.map { pad($0, width) }.joined()]
        for (label, values) in rows { out.append(pad(label, 20, left: false) + values.map { pad($0, width) }.joined()) }
        return out.joined(separator: "\n") + "\n"
    }
}

func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
func pct(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }

/// Pads by display columns (CJK characters count two).
func pad(_ text: String, _ width: Int, left: Bool = true) -> String {
    let columns = text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.properties.isIdeographic || ($1.value >= 0xFF00 && $1.value <= 0xFF60) ? 2 : 1) }
    let fill = String(repeating: " ", count: max(0, width - columns))
    return left ? fill + text : text + fill
}
