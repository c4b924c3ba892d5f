import Testing
import CallsimCore
@testable import CallsimDialer

/// A one-day campaign with plenty of leads, read through the campaign parser.
func pacingCampaign(days: Int = 2, extra: String = "") throws -> Campaign {
    let yaml = """
    campaign: pacing-test
    profile: US
    timezone: America/New_York
    days: \(days)
    shift: "09:00-15:00"
    agents:
      - group: floor
        count: 20
        skills: [en]
    dialing:
      mode: predictive
      dial_level: 1.5
      max_level: 3.0
      drop_target: 2.5
      ring_timeout: 20s
      trunks: 120
    outcomes:
      default: {person: 0.30, machine: 0.15, busy: 0.05, no_answer: 0.45, disconnected: 0.05}
    times:
      ring: lognormal(8, 4)
      talk: lognormal(120, 60)
      wrap_up: uniform(5, 15)
    dispositions: {SALE: 0.1, NI: 0.7, CALLBK: 0.1, DNC: 0.1}
    \(extra)
    """
    switch CampaignParser.parse(yaml: yaml, file: "pacing.yaml", zoneOffset: BuiltInTimeZones.offset) {
    case .success(let parsed): return parsed.0
    case .failure(let list): throw list
    }
}

func syntheticLeads(_ count: Int, zone: String = "America/New_York") -> [Lead] {
    let offset = BuiltInTimeZones.offset(zone) ?? 0
    return (0..<count).map { i in
        Lead(id: "L\(i)", phone: 12_125_550_000 + UInt64(i), timeZone: zone, offsetMinutes: offset, line: i + 2)
    }
}

@Suite struct PacingTests {
    @Test func predictiveKeepsAbandonmentUnderTheLimitWhereRatioThreeDoesNot() throws {
        let campaign = try pacingCampaign()
        let leads = syntheticLeads(30_000)
        let ratio = DialerEngine.simulate(campaign: campaign, leads: leads, seed: 7, mode: .ratio, dialLevel: 3.0)
        let progressive = DialerEngine.simulate(campaign: campaign, leads: leads, seed: 7, mode: .progressive)
        let predictive = DialerEngine.simulate(campaign: campaign, leads: leads, seed: 7, mode: .predictive)
        print(CampaignReport.renderComparison([progressive, ratio, predictive]))
        #expect(ratio.abandonmentPercent > 3.0)
        #expect(predictive.abandonmentPercent <= 3.0)
        #expect(predictive.maxRollingAbandonmentPercent <= 3.0)
        #expect(predictive.occupancy > progressive.occupancy)
        #expect(progressive.totals.drops == 0)
        #expect(predictive.totals.humanAnswered > 500)
    }
}
