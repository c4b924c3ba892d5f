import Testing
import CallsimCore
@testable import CallsimDialer

let minimalCampaign = """
campaign: input-test
profile: US
agents:
  - group: a
    count: 3
outcomes:
  default: {person: 0.3, machine: 0.2, busy: 0.1, no_answer: 0.3, disconnected: 0.1}
"""

func campaignErrors(_ yaml: String) -> [Diagnostic] {
    switch CampaignParser.parse(yaml: yaml, file: "c.yaml", zoneOffset: BuiltInTimeZones.offset) {
    case .success: return []
    case .failure(let list): return list.diagnostics
    }
}

func parseCampaign(_ yaml: String) throws -> (Campaign, [Diagnostic]) {
    switch CampaignParser.parse(yaml: yaml, file: "c.yaml", zoneOffset: BuiltInTimeZones.offset) {
    case .success(let value): return value
    case .failure(let list): throw list
    }
}

@Suite struct CampaignFileTests {
    @Test func aMinimalCampaignTakesTheProfileDefaults() throws {
        let (campaign, warnings) = try parseCampaign(minimalCampaign)
        #expect(warnings.isEmpty)
        #expect(campaign.compliance.windowStart == 8 * 3600 && campaign.compliance.windowEnd == 21 * 3600)
        #expect(campaign.compliance.maxAbandonPercent == 3)
        #expect(campaign.dialing.dropTime == 2)
        #expect(campaign.dialing.ringTimeout >= 15)
        #expect(campaign.dialing.adaptInterval == 15)
        #expect(campaign.agentCount == 3)
        #expect(campaign.outcomesByHour.count == 24)
    }

    @Test func theTaiwanProfileSetsItsOwnWindowAndStopsOnRefusal() throws {
        let (campaign, _) = try parseCampaign(minimalCampaign.replacingOccurrences(of: "profile: US", with: "profile: TW"))
        #expect(campaign.compliance.windowStart == 9 * 3600)
        #expect(campaign.compliance.stopOnRefusal)
        #expect(campaign.compliance.coolingOffDays == 7)
        #expect(campaign.timeZone == "Asia/Taipei")
    }

    @Test func unknownKeysAreNamedWithTheNearestKnownOneAndAllErrorsComeAtOnce() {
        let yaml = minimalCampaign + """

        dialling:
          mode: predictive
        times:
          talk: lognormal(180, 60)
          wrapup: fixed(10)
        """
        let errors = campaignErrors(yaml)
        #expect(errors.count == 2)
        #expect(errors.contains { $0.line == 8 && $0.column == 1 && $0.message.contains("unknown key 'dialling'") && $0.message.contains("did you mean 'dialing'") })
        #expect(errors.contains { $0.line == 12 && $0.column == 3 && $0.message.contains("did you mean 'wrap_up'") })
    }

    @Test func probabilitiesThatDoNotAddUpToOneAreErrors() {
        let yaml = minimalCampaign.replacingOccurrences(of: "disconnected: 0.1}", with: "disconnected: 0.05}") + """

        dispositions: {SALE: 0.5, NI: 0.4}
        """
        let errors = campaignErrors(yaml)
        #expect(errors.contains { $0.line == 7 && $0.message.contains("add up to 0.95, not 1") })
        #expect(errors.contains { $0.line == 8 && $0.message.contains("disposition probabilities add up to 0.9, not 1") })
        #expect(!errors.contains { $0.message.contains("uncovered") })
    }

    @Test func impossibleWindowsAndShiftsAreErrors() {
        let yaml = minimalCampaign + """

        calling_window: "21:00-09:00"
        shift: "18:00-18:00"
        """
        let errors = campaignErrors(yaml)
        #expect(errors.contains { $0.line == 8 && $0.message.contains("calling_window 21:00-09:00 is impossible") })
        #expect(errors.contains { $0.line == 9 && $0.message.contains("shift 18:00-18:00 is impossible") })
    }

    @Test func typesRangesAndRulesAreChecked() {
        let yaml = minimalCampaign + """

        timezone: Mars/Olympus
        days: many
        dialing:
          mode: turbo
          ring_timeout: 10s
          dial_level: 4
          max_level: 3
        times:
          talk: gamma(3, 60)
        dispositions: {SALES: 1.0}
        recycle:
          SALE: {delay: 1h, max_attempts: 2}
        """
        let messages = campaignErrors(yaml).map(\.message)
        #expect(messages.contains { $0.contains("unknown time zone 'Mars/Olympus'") })
        #expect(messages.contains { $0.contains("days must be a whole number") })
        #expect(messages.contains { $0.contains("mode must be one of") })
        #expect(messages.contains { $0.contains("below the 15 s minimum ring") })
        #expect(messages.contains { $0.contains("dial_level 4 is above max_level 3") })
        #expect(messages.contains { $0.contains("unknown distribution 'gamma'") })
        #expect(messages.contains { $0.contains("'SALES' is not an agent disposition; did you mean 'SALE'?") })
        #expect(messages.contains { $0.contains("SALE leads are never dialled again") })
    }

    @Test func overlappingOrUncoveredHoursAreErrors() {
        let yaml = """
        campaign: hours
        agents: [{group: a, count: 1}]
        outcomes:
          "09-12": {person: 1, machine: 0, busy: 0, no_answer: 0, disconnected: 0}
          "11-14": {person: 1, machine: 0, busy: 0, no_answer: 0, disconnected: 0}
        """
        let messages = campaignErrors(yaml).map(\.message)
        #expect(messages.contains { $0.contains("hour 11 is covered twice") })
        #expect(messages.contains { $0.contains("uncovered") })
    }

    @Test func brokenYAMLIsLocated() {
        let errors = campaignErrors("campaign: x\nagents: [\n  - oops: {\n")
        #expect(errors.count == 1)
        #expect((errors.first?.line ?? 0) >= 2)
        #expect(errors.first?.message.hasPrefix("invalid YAML") == true)
    }

    @Test func aDropTargetAboveTheLegalLimitIsAWarning() throws {
        let (_, warnings) = try parseCampaign(minimalCampaign + "\ndialing:\n  drop_target: 5\n")
        #expect(warnings.contains { $0.severity == .warning && $0.message.contains("above the 3% abandonment limit") })
    }
}

@Suite struct LeadListTests {
    static let header = "id,phone,name,timezone,persona,segment,source,consent,status,attempts\n"

    @Test func goodRowsLoad() {
        let csv = Self.header + #"""
        L1,0912345678,陳小姐,Asia/Taipei,tw-telecom-friendly,gold,own,yes,NEW,0
        L2,(02) 2345-6789,"Lin, Mr.",Asia/Taipei,,standard,own,,NA,2
        L3,+1 212 555 0142,Mary Smith,America/New_York,,standard,web,no,,
        L4,+886 912 345 679,"He said ""hi""",Asia/Taipei,,,,,,
        """#
        let parsed = LeadListParser.parse(csv: csv, file: "l.csv", zoneOffset: BuiltInTimeZones.offset)
        #expect(parsed.problems.isEmpty)
        #expect(parsed.leads.map(\.phone) == [886_912_345_678, 886_223_456_789, 12_125_550_142, 886_912_345_679])
        #expect(parsed.leads[1].name == "Lin, Mr.")
        #expect(parsed.leads[1].status == .noAnswer && parsed.leads[1].attempts == 2)
        #expect(parsed.leads[2].consent == false && parsed.leads[2].offsetMinutes == -300)
        #expect(parsed.leads[3].name == "He said \"hi\"")
    }

    @Test func badRowsAreReportedWithTheirLineAndLenientModeKeepsTheRest() throws {
        let csv = Self.header + #"""
        L1,0912345678,A,Asia/Taipei,,,,,,
        L2,0812,B,Asia/Taipei,,,,,,
        L3,0912345670,C,Asia/Taipie,,,,,,
        L4,0912345671,"multi
        line name",Asia/Taipei,,,,,,
        L5,0912345672,D,Asia/Taipei,,,,maybe,XX,-1
        L6,0912345673,E,Asia/Taipei
        L7,0912345674,bad"quote,Asia/Taipei,,,,,,
        L1,0912345675,dup,Asia/Taipei,,,,,,
        L8,+1 112 555 0100,F,America/New_York,,,,,,
        L9,0912345676,"never closed,Asia/Taipei,,,,,,
        """#
        let parsed = try #require(try? LeadListParser.load(csv: csv, file: "l.csv", policy: .lenient, zoneOffset: BuiltInTimeZones.offset).get())
        #expect(parsed.leads.map(\.id) == ["L1", "L4"])
        #expect(parsed.leads[1].line == 5)
        let byLine = Dictionary(grouping: parsed.problems, by: { $0.line ?? 0 })
        #expect(byLine[3]?.first?.message.contains("not a valid Taiwanese number") == true)
        #expect(byLine[4]?.first?.message.contains("unknown time zone 'Asia/Taipie'") == true)
        #expect(byLine[7]?.first?.message.contains("consent must be yes or no") == true)
        #expect(byLine[7]?.first?.message.contains("unknown status 'XX'") == true)
        #expect(byLine[7]?.first?.message.contains("attempts must be") == true)
        #expect(byLine[8]?.first?.message.contains("expected 10 fields") == true)
        #expect(byLine[9]?.first?.message.contains("quote inside an unquoted field") == true)
        #expect(byLine[10]?.first?.message.contains("duplicate id 'L1'") == true)
        #expect(byLine[11]?.first?.message.contains("North American") == true)
        #expect(byLine[12]?.first?.message.contains("never closed") == true)
        #expect(parsed.problems.allSatisfy { $0.severity == .warning && $0.file == "l.csv" })
        #expect(parsed.problems.first?.description.hasPrefix("l.csv:3: warning:") == true)

        let strict = LeadListParser.load(csv: csv, file: "l.csv", policy: .strict, zoneOffset: BuiltInTimeZones.offset)
        guard case .failure(let list) = strict else { Issue.record("strict mode accepted bad rows"); return }
        #expect(list.diagnostics.count == parsed.problems.count)
        #expect(list.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func aMissingColumnOrAnEmptyFileIsRefused() {
        let missing = LeadListParser.parse(csv: "id,name,timezone\nL1,A,Asia/Taipei\n", file: "l.csv", zoneOffset: BuiltInTimeZones.offset)
        #expect(missing.leads.isEmpty)
        #expect(missing.problems.contains { $0.line == 1 && $0.message.contains("no 'phone' column") })
        let typo = LeadListParser.parse(csv: "id,phone,timezone,persna\n", file: "l.csv", zoneOffset: BuiltInTimeZones.offset)
        #expect(typo.problems.contains { $0.message.contains("did you mean 'persona'") })
        guard case .failure = LeadListParser.load(csv: "", file: "l.csv", policy: .lenient, zoneOffset: BuiltInTimeZones.offset) else {
            Issue.record("an empty list was accepted"); return
        }
    }

    @Test(arguments: [
        ("0912345678", UInt64(886_912_345_678)), ("0912-345-678", 886_912_345_678), ("+886912345678", 886_912_345_678),
        ("02-2345-6789", 886_223_456_789), ("037-123456", 886_37_123_456), ("+1 (212) 555-0142", 12_125_550_142),
        ("2125550142", 12_125_550_142), ("1-212-555-0142", 12_125_550_142),
    ])
    func validPhoneNumbers(_ text: String, _ expected: UInt64) throws {
        #expect(try PhoneNumber.parse(text).get() == expected)
    }

    @Test(arguments: ["091234567", "09123456789", "0112345678", "+886012345678", "+1 112 555 0142", "+1 212 155 0142",
                      "+44 20 7946 0958", "phone", "", "0912x45678", "12"])
    func invalidPhoneNumbers(_ text: String) {
        if case .success(let value) = PhoneNumber.parse(text) { Issue.record("'\(text)' was accepted as \(value)") }
    }

    @Test func doNotCallListsReportBadLines() {
        let list = DoNotCallList.parse("# header\n0912345678\n\n+1 212 555 0142 # asked 2026-11-02\nnot a number\n", file: "dnc.txt")
        #expect(list.numbers == [886_912_345_678, 12_125_550_142])
        #expect(list.problems.count == 1 && list.problems.first?.line == 5)
    }
}

@Suite struct DistributionTests {
    @Test func parsesEveryForm() throws {
        #expect(try Distribution.parse("exponential(180)").get() == .exponential(mean: 180))
        #expect(try Distribution.parse("exp(3m)").get() == .exponential(mean: 180))
        #expect(try Distribution.parse("lognormal(180, 90)").get() == .lognormal(mean: 180, sd: 90))
        #expect(try Distribution.parse("uniform(10, 30)").get() == .uniform(min: 10, max: 30))
        #expect(try Distribution.parse("fixed(2)").get() == .fixed(2))
        #expect(try Distribution.parse("15s").get() == .fixed(15))
        for bad in ["uniform(30, 10)", "lognormal(180)", "exponential(0)", "normal(1, 2)", "fixed(-1)", "soon"] {
            if case .success = Distribution.parse(bad) { Issue.record("'\(bad)' was accepted") }
        }
    }

    @Test func samplesHaveTheRightMeans() {
        var generator = SeededGenerator(seed: 3)
        for distribution in [Distribution.exponential(mean: 180), .lognormal(mean: 180, sd: 90), .uniform(min: 10, max: 30), .fixed(2)] {
            let n = 40_000
            let mean = (0..<n).reduce(0.0) { sum, _ in sum + distribution.sample(&generator) } / Double(n)
            #expect(abs(mean - distribution.mean) < 0.03 * distribution.mean, "\(distribution): \(mean)")
        }
    }

    @Test func theEventQueuePopsInTimeOrderAndFirstInFirstOutOnTies() {
        var queue = EventQueue()
        var generator = SeededGenerator(seed: 9)
        var times: [Double] = []
        for i in 0..<2000 {
            let t = Double(Int(generator.nextUnit() * 100))
            times.append(t)
            queue.schedule(at: t, kind: 0, subject: Int32(i))
        }
        var popped: [(Double, Int32)] = []
        while let event = queue.pop() { popped.append((event.time, event.subject)) }
        #expect(popped.map(\.0) == times.sorted())
        for pair in zip(popped, popped.dropFirst()) where pair.0.0 == pair.1.0 { #expect(pair.0.1 < pair.1.1) }
    }

    @Test func fixedDelayLanesInterleaveWithTheHeapAsOneQueue() {
        // A clock that moves forward; lane events come a fixed delay after "now", heap events at random.
        var queue = EventQueue()
        var generator = SeededGenerator(seed: 5)
        var scheduled: [(time: Double, order: Int)] = []
        var now = 0.0
        for i in 0..<3000 {
            now += Double(Int(generator.nextUnit() * 3))
            let lane = Int(generator.nextUnit() * 4)
            let time = lane == 3 ? now + Double(Int(generator.nextUnit() * 30)) : now + [20.0, 2, 8][lane]
            if lane == 3 { queue.schedule(at: time, kind: 0, subject: Int32(i)) } else { queue.schedule(at: time, kind: 0, subject: Int32(i), lane: lane) }
            scheduled.append((time, i))
        }
        #expect(queue.count == 3000)
        #expect(queue.pop(notAfter: -1) == nil)
        var popped: [Int] = []
        while let event = queue.pop() { popped.append(Int(event.subject)) }
        let expected = scheduled.sorted { $0.time < $1.time || ($0.time == $1.time && $0.order < $1.order) }.map(\.order)
        #expect(popped == expected)
        #expect(queue.isEmpty)
    }

    @Test func recycledLeadsLeaveWhenDueEarliestFirstAndInArrivalOrderOnTies() {
        var queue = RecycleQueue(lanes: 3)
        var now = 0.0
        var pushed: [(time: Double, lane: Int, order: Int)] = []
        var generator = SeededGenerator(seed: 11)
        for i in 0..<2000 {
            now += Double(Int(generator.nextUnit() * 2))
            let lane = Int(generator.nextUnit() * 3)
            let time = now + [600.0, 7200, 600][lane]
            queue.push(time, Int32(i), lane: lane)
            pushed.append((time, lane, i))
        }
        #expect(queue.popDue(now: 599) == nil)
        var popped: [Int] = []
        while let lead = queue.popDue(now: .infinity) { popped.append(Int(lead)) }
        let expected = pushed.sorted { ($0.time, $0.lane, $0.order) < ($1.time, $1.lane, $1.order) }.map(\.order)
        #expect(popped == expected)
        #expect(queue.isEmpty)
    }
}

@Test func statusOrdinalsFollowTheDeclarationOrder() {
    #expect(LeadStatus.allCases.map(\.ordinal) == Array(0..<LeadStatus.allCases.count))
}

@Test func thePhoneSetAgreesWithASwiftSet() {
    var generator = SeededGenerator(seed: 17)
    let initial = Set((0..<500).map { _ in 886_900_000_000 + generator.next() % 100_000_000 })
    var fast = PhoneSet(initial)
    var reference = initial
    for _ in 0..<3000 {
        let number = 886_900_000_000 + generator.next() % 100_000_000
        fast.insert(number)
        reference.insert(number)
    }
    #expect(fast.count == reference.count)
    for _ in 0..<5000 {
        let probe = 886_900_000_000 + generator.next() % 100_000_000
        #expect(fast.contains(probe) == reference.contains(probe))
    }
    #expect(reference.allSatisfy { fast.contains($0) })
    #expect(!fast.contains(0))
}
