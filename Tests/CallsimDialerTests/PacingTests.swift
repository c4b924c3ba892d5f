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
        #expect(ratio.abandonmentPercent > 3.0)
        #expect(predictive.abandonmentPercent <= 3.0)
        #expect(predictive.maxRollingAbandonmentPercent <= 3.0)
        #expect(predictive.occupancy > progressive.occupancy)
        #expect(progressive.totals.drops == 0)
        #expect(predictive.totals.humanAnswered > 500)
    }
}

@Suite struct CampaignRulesTests {
    @Test func theSameSeedGivesTheSameReportAndAnotherSeedDoesNot() throws {
        let campaign = try pacingCampaign(days: 1)
        let leads = syntheticLeads(5000)
        let a = DialerEngine.simulate(campaign: campaign, leads: leads, seed: 11)
        let b = DialerEngine.simulate(campaign: campaign, leads: leads, seed: 11)
        let c = DialerEngine.simulate(campaign: campaign, leads: leads, seed: 12)
        #expect(a == b)
        #expect(a.renderText() == b.renderText())
        #expect(a.totals != c.totals)
    }

    @Test func numbersOnDoNotCallListsAreScrubbedOrReportedWhenDialled() throws {
        let leads = syntheticLeads(4000)
        let listed = Set(leads.prefix(400).map(\.phone))
        let scrubbing = try pacingCampaign(days: 1)
        let scrubbed = DialerEngine.simulate(campaign: scrubbing, leads: leads, nationalDoNotCall: listed, seed: 5)
        #expect(scrubbed.totals.scrubbed == 400)
        #expect(!scrubbed.breaches.contains { $0.kind == .doNotCallDialled })
        let careless = try pacingCampaign(days: 1, extra: "do_not_call: {scrub: false}")
        let dialled = DialerEngine.simulate(campaign: careless, leads: leads, nationalDoNotCall: listed, seed: 5)
        let breach = try #require(dialled.breaches.first { $0.kind == .doNotCallDialled })
        #expect(breach.count >= 400)
        #expect(breach.examples.first?.contains("is on a do-not-call list") == true)
    }

    @Test func theCallingWindowFollowsTheCalledPersonsClock() throws {
        // Site in New York from 09:00; Los Angeles leads are 3 hours behind and may not be called before 08:00 there.
        let leads = syntheticLeads(3000, zone: "America/Los_Angeles")
        let keeping = DialerEngine.simulate(campaign: try pacingCampaign(days: 1), leads: leads, seed: 3)
        #expect(keeping.breaches.isEmpty)
        #expect(keeping.perHour.filter { $0.hour < 11 }.allSatisfy { $0.dials == 0 })
        #expect(keeping.perHour.contains { $0.hour >= 11 && $0.dials > 0 })
        let ignoring = DialerEngine.simulate(
            campaign: try pacingCampaign(days: 1, extra: "compliance: {enforce_window: false}"), leads: leads, seed: 3)
        let breach = try #require(ignoring.breaches.first { $0.kind == .outsideCallingWindow })
        #expect(breach.count == ignoring.perHour.filter { $0.hour < 11 }.reduce(0) { $0 + $1.dials })
        #expect(breach.examples.first?.contains("local time") == true)
    }

    @Test func redialingADroppedLeadTooSoonIsABreach() throws {
        let campaign = try pacingCampaign(days: 2, extra: "recycle: {DROP: {delay: 1h, max_attempts: 3}}")
        let report = DialerEngine.simulate(campaign: campaign, leads: syntheticLeads(8000), seed: 4, mode: .ratio, dialLevel: 3)
        let breach = try #require(report.breaches.first { $0.kind == .redialAfterDrop })
        #expect(breach.count > 0)
        let safe = DialerEngine.simulate(campaign: try pacingCampaign(days: 2), leads: syntheticLeads(8000), seed: 4, mode: .ratio, dialLevel: 3)
        #expect(!safe.breaches.contains { $0.kind == .redialAfterDrop })
        #expect(safe.breaches.contains { $0.kind == .abandonmentDay })
    }

    @Test func previewAndProgressiveNeverDrop() throws {
        let campaign = try pacingCampaign(days: 1)
        for mode in [DialingMode.preview, .progressive] {
            let report = DialerEngine.simulate(campaign: campaign, leads: syntheticLeads(5000), seed: 8, mode: mode)
            #expect(report.totals.drops == 0)
            #expect(report.totals.connects > 100)
            #expect(report.occupancy > 0.3 && report.occupancy < 1)
        }
    }

    @Test func underTheTaiwanProfileARefusalIsNeverCalledAgain() throws {
        let yaml = """
        campaign: tw-refusal
        profile: TW
        days: 3
        shift: "09:00-18:00"
        agents: [{group: a, count: 4}]
        outcomes:
          default: {person: 0.6, machine: 0, busy: 0, no_answer: 0.4, disconnected: 0}
        dispositions: {NI: 0.9, SALE: 0.1}
        recycle:
          NI: {delay: 1h, max_attempts: 5}
        """
        let (campaign, warnings) = try parseCampaign(yaml)
        #expect(warnings.contains { $0.message.contains("PDPA") })
        let offset = BuiltInTimeZones.offset("Asia/Taipei") ?? 480
        let leads = (0..<400).map { Lead(id: "T\($0)", phone: 886_900_000_000 + UInt64($0), timeZone: "Asia/Taipei", offsetMinutes: offset) }
        let report = DialerEngine.simulate(campaign: campaign, leads: leads, seed: 2)
        #expect(report.totals.scrubbed > 0)
        #expect(report.breachCount == 0)
        #expect(report.notes.contains { $0.contains("PDPA art. 20") })
        #expect(report.notes.contains { $0.contains("7 days") })
    }

    @Test func predictiveAdaptsTheLevelAndReportsIt() throws {
        let report = DialerEngine.simulate(campaign: try pacingCampaign(days: 1), leads: syntheticLeads(20_000), seed: 21)
        let level = try #require(report.perDay.first?.meanDialLevel)
        #expect(level > 1.0 && level < 3.0)
        #expect(report.perHour.count >= 6)
        let text = report.renderText()
        #expect(text.contains("abandonment"))
        #expect(text.contains("By hour"))
    }
}

@Suite struct TraineeTests {
    /// Runs a one-day shift where the trainee (agent 0) answers after `pickUp` seconds and sells on every call.
    func shift(pickUp: Double, calls: Int) throws -> (report: CampaignReport, answered: Int, offered: Int) {
        var campaign = try pacingCampaign(days: 1)
        campaign.dialing.mode = .progressive
        var engine = DialerEngine(campaign: campaign, leads: syntheticLeads(3000), nationalDoNotCall: [], companyDoNotCall: [],
                                  seed: 31, traineeAgent: 0)
        var offered = 0, answered = 0
        while offered < calls, case .offerToTrainee = engine.advance(until: .infinity) {
            offered += 1
            if engine.traineePickedUp(after: pickUp) {
                answered += 1
                engine.traineeFinished(talkSeconds: 240, wrapSeconds: 30, status: .sale)
            }
        }
        _ = engine.advance(until: .infinity)
        return (engine.report(), answered, offered)
    }

    @Test func aQuickTraineeTakesTheCallsAndTheirDispositionsCount() throws {
        let result = try shift(pickUp: 0.8, calls: 5)
        #expect(result.offered == 5 && result.answered == 5)
        #expect(result.report.totals.drops == 0)
        #expect(result.report.totals.sales >= 5)
    }

    @Test func aSlowPickUpDropsTheCallWithTheSafeHarbourMessage() throws {
        let result = try shift(pickUp: 2.5, calls: 4)
        #expect(result.offered == 4 && result.answered == 0)
        #expect(result.report.totals.drops == 4)
        #expect(result.report.totals.safeHarbourMessages == 4)
        #expect(result.report.notes.contains { $0.contains("safe-harbour") })
    }
}
