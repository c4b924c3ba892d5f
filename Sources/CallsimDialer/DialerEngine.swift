import CallsimCore

/// One line of the dialler's log, for a trainee's shift or a trace.
public struct DialerLogEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case dial
        case result(LeadStatus)
        case connected(agent: Int)
        case dropped(safeHarbour: String)
        case levelChanged(Double)
    }
    public var time: Double
    public var lead: Int
    public var kind: Kind
}

/// Why `advance` stopped before its horizon.
public enum DialerInterrupt: Sendable, Hashable {
    /// A person answered and the dialler put the call through to the trainee's line.
    case offerToTrainee(lead: Int)
    /// The simulated campaign ran all its days.
    case finished
}

/// The outbound dialler as a discrete-event simulation. A value: `advance` moves it forward.
public struct DialerEngine: Sendable {
    // MARK: Event kinds
    private enum Kind {
        static let shiftStart: UInt8 = 0, shiftEnd: UInt8 = 1, callResult: UInt8 = 2, dropTimeout: UInt8 = 3
        static let talkEnd: UInt8 = 4, wrapEnd: UInt8 = 5, adapt: UInt8 = 6, hopperTick: UInt8 = 7
        static let pauseEnd: UInt8 = 8, previewDone: UInt8 = 9, lineFree: UInt8 = 10
    }

    /// Event lanes for events a fixed time after they are scheduled, and for the shifts (see EventQueue).
    private enum Lane {
        static let ringTimeout = 0, dropTime = 1, message = 2, adapt = 3, hopper = 4, shifts = 5
    }

    private enum AgentState: UInt8 { case loggedOut, ready, inCall, wrapUp, paused, previewing, dialing, offered }
    private enum CallState: UInt8 { case free, ringing, waiting, connected, message }
    private enum Outcome: UInt8 { case person, machine, busy, noAnswer, disconnected }

    private struct Agent {
        var state: AgentState = .loggedOut
        var skills: UInt64
        var readySince: Double = 0
        var stamp: UInt32 = 0
        var call: Int32 = -1
        var lead: Int32 = -1
        var pendingStatus: LeadStatus?
    }

    private struct Call {
        var state: CallState = .free
        var lead: Int32 = 0
        var agent: Int32 = -1
        var outcome: Outcome = .noAnswer
        var stamp: UInt32 = 0
        var answeredAt: Double = 0
    }

    private struct ZoneGroup {
        /// Seconds to add to simulation time to get the leads' local time.
        var shift: Double
        var newLeads: ContiguousArray<Int32> = []
        var cursor = 0
        var recycle: RecycleQueue
        var windowOpen = false
        var windowValidUntil = -Double.infinity
        var hours = HourOfDay()
    }

    private struct DayCounters {
        var dials = 0, humanAnswered = 0, drops = 0, contacts = 0, sales = 0
        var busyAgentSeconds = 0.0, availableAgentSeconds = 0.0
        var levelArea = 0.0, levelTime = 0.0
    }

    private struct HourCounters {
        var dials = 0, humanAnswered = 0, drops = 0, connects = 0
        var busyAgentSeconds = 0.0, availableAgentSeconds = 0.0
    }

    // MARK: Inputs
    public let campaign: Campaign
    public let leads: [Lead]
    public let mode: DialingMode
    public let initialLevel: Double
    public let seed: UInt64
    private let nationalDoNotCall: PhoneSet
    private let companyDoNotCall: PhoneSet
    /// Numbers that asked not to be called (or refused, under stop-on-refusal) during the run.
    private var addedDoNotCall = PhoneSet()
    private struct Samplers {
        var ring, talk, wrapUp, preview, signal, machineDetection, machineTalk: Sampler
    }
    private let samplers: Samplers
    private let pauseSampler: Sampler
    private let recycleRules: [RecycleRule?]
    /// By status ordinal: attempts below this recycle the lead (0 when the status is not recycled), and after what delay.
    private let recycleLimit: ContiguousArray<Int>
    private let recycleDelay: ContiguousArray<Double>
    private let dispositionStatuses: [LeadStatus]
    private let dispositionBounds: [Double]

    /// Recycling lanes: leads recycled from the list's own statuses (due at once), leads waiting for a
    /// skilled agent (20 s), then one lane per status (each status has one delay).
    private static let startLane = 0, skillWaitLane = 1, firstStatusLane = 2
    private static let recycleLaneCount = firstStatusLane + LeadStatus.allCases.count

    // MARK: State
    private var generator: SeededGenerator
    private var events = EventQueue(capacity: 4096)
    public private(set) var now: Double = 0
    private var agents: [Agent] = []
    private var readyAgents: ContiguousArray<Int32> = []
    private var calls: ContiguousArray<Call> = []
    private var freeCalls: ContiguousArray<Int32> = []
    private var waitingCalls = RingBuffer<(call: Int32, stamp: UInt32)>()
    private var groups: [ZoneGroup] = []
    private var groupCursor = 0
    /// The per-lead facts the inner loop touches, packed into 16 bytes: a million leads are 16 MB
    /// to wander through at random, and every recycled lead is a cache miss.
    private struct LeadState {
        var phone: UInt64
        var attempts: UInt16 = 0
        var group: UInt16 = 0
        var status: LeadStatus = .new
        var skill: Int8 = -1
        var flags: UInt8 = 0

        static let listKnown: UInt8 = 1, listed: UInt8 = 2, dialled: UInt8 = 4, consentRefused: UInt8 = 8, dropped: UInt8 = 16
        /// Another lead may have the same number (so a do-not-call request on that lead concerns this one).
        static let mayShareNumber: UInt8 = 32

        @inline(__always) func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
    }
    private var state: ContiguousArray<LeadState>
    /// When each lead's last call dropped; few do, so only those have an entry (flag `dropped`).
    private var lastDrop: [Int32: Double] = [:]
    private var ringing = 0, waiting = 0, connected = 0, messages = 0
    private var readyCount = 0, inCallCount = 0, wrapCount = 0, handlingCount = 0
    private var dialingOpen = false
    private var day = 0
    private var level: Double
    private var lastAccrual: Double = 0
    private var readyArea = 0.0, waitingArea = 0.0
    private var recentHumans = RingBuffer<Double>(), recentDrops = RingBuffer<Double>()
    private var finished = false
    /// The last attempt to place calls found no lead to dial.
    private var leadStarved = false
    private var interrupt: DialerInterrupt?
    public let traineeAgent: Int?
    public var logging = false
    public private(set) var log: [DialerLogEntry] = []

    // MARK: Figures
    private var totals = CampaignReport.Totals()
    private var dayCounters: [DayCounters]
    private var hourCounters = [HourCounters](repeating: HourCounters(), count: 24)
    private var breachCounts: [CampaignReport.BreachKind: Int] = [:]
    private var breachExamples: [CampaignReport.BreachKind: [String]] = [:]
    private var idleBetweenCalls = 0.0
    private var connectsAfterIdle = 0

    public init(campaign: Campaign, leads: [Lead], nationalDoNotCall: Set<UInt64>, companyDoNotCall: Set<UInt64>,
                seed: UInt64, mode: DialingMode? = nil, dialLevel: Double? = nil, traineeAgent: Int? = nil) {
        self.campaign = campaign
        self.leads = leads
        self.mode = mode ?? campaign.dialing.mode
        self.initialLevel = max(1, dialLevel ?? campaign.dialing.dialLevel)
        self.level = initialLevel
        self.seed = seed
        self.nationalDoNotCall = PhoneSet(nationalDoNotCall)
        self.companyDoNotCall = PhoneSet(companyDoNotCall)
        self.traineeAgent = traineeAgent
        generator = SeededGenerator(seed: seed)
        let times = campaign.times
        samplers = Samplers(ring: Sampler(times.ring), talk: Sampler(times.talk), wrapUp: Sampler(times.wrapUp),
                            preview: Sampler(times.preview), signal: Sampler(times.signal),
                            machineDetection: Sampler(times.machineDetection), machineTalk: Sampler(times.machineTalk))
        pauseSampler = Sampler(campaign.pause)
        recycleRules = LeadStatus.allCases.map { campaign.recycle[$0] }
        recycleLimit = ContiguousArray(recycleRules.map { $0?.maxAttempts ?? 0 })
        recycleDelay = ContiguousArray(recycleRules.map { $0?.delay ?? 0 })
        dispositionStatuses = campaign.dispositions.keys.sorted()
        var cumulative = 0.0
        dispositionBounds = dispositionStatuses.map { cumulative += campaign.dispositions[$0] ?? 0; return cumulative }
        dayCounters = [DayCounters](repeating: DayCounters(), count: campaign.days)

        var skillIndex: [String: Int] = [:]
        for skill in Set(campaign.agents.flatMap(\.skills)).sorted() where skillIndex.count < 63 { skillIndex[skill] = skillIndex.count }
        for group in campaign.agents {
            var mask: UInt64 = 0
            for skill in group.skills { if let bit = skillIndex[skill] { mask |= 1 << UInt64(bit) } }
            for _ in 0..<group.count { agents.append(Agent(skills: mask)) }
        }

        // One pass over the leads, reading only the fields the engine needs (copying a whole Lead would
        // retain its strings), building the state and each zone's queue of new leads locally.
        var built = ContiguousArray<LeadState>()
        built.reserveCapacity(leads.count)
        var newLeads: [ContiguousArray<Int32>] = []
        var startRecycled: [(group: Int, lead: Int32)] = []
        var groupByOffset: [Int: Int] = [:]
        var lastOffset = (minutes: Int.min, group: 0)
        let routed = !campaign.routing.isEmpty
        for index in leads.indices {
            let offset = leads[index].offsetMinutes
            let group: Int
            if offset == lastOffset.minutes { group = lastOffset.group }
            else if let existing = groupByOffset[offset] { group = existing } else {
                group = groups.count
                groupByOffset[offset] = group
                groups.append(ZoneGroup(shift: Double((offset - campaign.siteOffsetMinutes) * 60),
                                        recycle: RecycleQueue(lanes: Self.recycleLaneCount)))
                newLeads.append([])
            }
            lastOffset = (offset, group)
            let status = leads[index].status, attempts = leads[index].attempts
            var skill: Int8 = -1
            if routed, let name = campaign.routing[leads[index].segment], let bit = skillIndex[name] { skill = Int8(bit) }
            built.append(LeadState(phone: leads[index].phone, attempts: UInt16(clamping: attempts), group: UInt16(truncatingIfNeeded: group),
                                   status: status, skill: skill, flags: leads[index].consent == false ? LeadState.consentRefused : 0))
            if status == .new {
                newLeads[group].append(Int32(index))
            } else if attempts < recycleLimit[status.ordinal] {
                startRecycled.append((group, Int32(index)))
            }
        }
        Self.markSharedNumbers(&built)
        state = built
        for group in groups.indices { groups[group].newLeads = newLeads[group] }
        for entry in startRecycled { groups[entry.group].recycle.push(0, entry.lead, lane: Self.startLane) }
        // The shifts' starts and ends wait in a lane of their own when they come in order (a shift within its day),
        // which keeps the heap to the calls and agents.
        let inOrder = campaign.shiftStart <= campaign.shiftEnd && campaign.shiftEnd <= campaign.shiftStart + 86400
        for day in 0..<campaign.days {
            let start = Double(day * 86400 + campaign.shiftStart), end = Double(day * 86400 + campaign.shiftEnd)
            if inOrder {
                events.schedule(at: start, kind: Kind.shiftStart, subject: Int32(day), lane: Lane.shifts)
                events.schedule(at: end, kind: Kind.shiftEnd, subject: Int32(day), lane: Lane.shifts)
            } else {
                events.schedule(at: start, kind: Kind.shiftStart, subject: Int32(day))
                events.schedule(at: end, kind: Kind.shiftEnd, subject: Int32(day))
            }
        }
    }

    /// Marks leads whose number's hash bucket holds another lead's number too: every lead that shares its
    /// number is marked, and a few that do not (two bits of memory a lead instead of a set of numbers).
    private static func markSharedNumbers(_ leads: inout ContiguousArray<LeadState>) {
        var bits = 1 << 12
        while bits < leads.count * 8 { bits <<= 1 }
        let shift = UInt64(64 - bits.trailingZeroBitCount)
        var once = ContiguousArray<UInt64>(repeating: 0, count: bits >> 6), twice = once
        @inline(__always) func bucket(_ phone: UInt64) -> Int { Int(truncatingIfNeeded: (phone &* 0x9E37_79B9_7F4A_7C15) >> shift) }
        for lead in leads {
            let b = bucket(lead.phone), mask: UInt64 = 1 << UInt64(b & 63)
            if once[b >> 6] & mask != 0 { twice[b >> 6] |= mask } else { once[b >> 6] |= mask }
        }
        for index in leads.indices {
            let b = bucket(leads[index].phone)
            if twice[b >> 6] & (1 << UInt64(b & 63)) != 0 { leads[index].flags |= LeadState.mayShareNumber }
        }
    }

    public var eventsProcessed: Int { events.processed }
    public var dialLevel: Double { level }
    public var endTime: Double { Double((campaign.days - 1) * 86400 + campaign.shiftEnd) }

    // MARK: Running

    /// Runs the whole campaign and reports on it; `progress` hears the share of days done.
    public static func simulate(campaign: Campaign, leads: [Lead], nationalDoNotCall: Set<UInt64> = [], companyDoNotCall: Set<UInt64> = [],
                                seed: UInt64, mode: DialingMode? = nil, dialLevel: Double? = nil,
                                progress: ((Double) -> Void)? = nil) -> CampaignReport {
        var engine = DialerEngine(campaign: campaign, leads: leads, nationalDoNotCall: nationalDoNotCall,
                                  companyDoNotCall: companyDoNotCall, seed: seed, mode: mode, dialLevel: dialLevel)
        for day in 0..<campaign.days {
            _ = engine.advance(until: Double((day + 1) * 86400))
            progress?(Double(day + 1) / Double(campaign.days))
        }
        _ = engine.advance(until: .infinity)
        return engine.report()
    }

    /// Processes events up to `horizon` (simulation seconds), or until the trainee is needed.
    public mutating func advance(until horizon: Double) -> DialerInterrupt? {
        if let pending = interrupt { return pending }
        while let event = events.pop(notAfter: horizon) {
            accrue(to: event.time)
            now = event.time
            handle(event)
            if let pending = interrupt { return pending }
        }
        if events.isEmpty, !finished { finished = true }
        if finished { return .finished }
        if horizon.isFinite, horizon > now { accrue(to: horizon); now = horizon }
        return nil
    }

    // MARK: Trainee

    /// The trainee picked up after `delay` seconds; past the drop time the caller is gone (the call dropped).
    /// Returns false when the call dropped.
    public mutating func traineePickedUp(after delay: Double) -> Bool {
        guard case .offerToTrainee = interrupt, let trainee = traineeAgent else { return false }
        interrupt = nil
        let callIndex = Int(agents[trainee].call)
        if delay > campaign.dialing.dropTime {
            agents[trainee].call = -1
            totals.connects -= 1
            setAgent(trainee, .ready)
            dropCall(callIndex)
            pace()
            return false
        }
        return true
    }

    /// The trainee's call lasted `talkSeconds` and ended with `status`; wrap-up takes `wrapSeconds`.
    public mutating func traineeFinished(talkSeconds: Double, wrapSeconds: Double, status: LeadStatus) {
        guard let trainee = traineeAgent, agents[trainee].state == .inCall else { return }
        agents[trainee].pendingStatus = status
        agents[trainee].stamp &+= 1
        events.schedule(at: now + max(1, talkSeconds), kind: Kind.talkEnd, subject: Int32(trainee), stamp: agents[trainee].stamp)
        traineeWrap = max(0, wrapSeconds)
    }
    private var traineeWrap: Double = 0

    public mutating func drainLog() -> [DialerLogEntry] {
        defer { log.removeAll(keepingCapacity: true) }
        return log
    }

    /// Agents by state: ready, in call, wrap-up, paused or previewing, logged out.
    public var agentStates: (ready: Int, inCall: Int, wrapUp: Int, other: Int, loggedOut: Int) {
        var result = (ready: 0, inCall: 0, wrapUp: 0, other: 0, loggedOut: 0)
        for agent in agents {
            switch agent.state {
            case .ready: result.ready += 1
            case .inCall, .offered: result.inCall += 1
            case .wrapUp: result.wrapUp += 1
            case .loggedOut: result.loggedOut += 1
            default: result.other += 1
            }
        }
        return result
    }

    public var liveFigures: CampaignReport.Totals { totals }

    // MARK: Event handling

    private mutating func handle(_ event: ScheduledEvent) {
        switch event.kind {
        case Kind.shiftStart:
            day = Int(event.subject)
            dialingOpen = true
            // Each day starts from the campaign's level; yesterday's adaptation was to yesterday's traffic.
            level = initialLevel
            for index in agents.indices where agents[index].state == .loggedOut { setAgent(index, .ready) }
            if mode == .predictive { events.schedule(at: now + campaign.dialing.adaptInterval, kind: Kind.adapt, lane: Lane.adapt) }
            events.schedule(at: now + 30, kind: Kind.hopperTick, lane: Lane.hopper)
            pace()
        case Kind.shiftEnd:
            dialingOpen = false
            logOutIdleAgents()
        case Kind.callResult:
            let index = Int(event.subject)
            guard calls[index].stamp == event.stamp, calls[index].state == .ringing else { return }
            callAnswered(index)
            pace()
        case Kind.dropTimeout:
            let index = Int(event.subject)
            guard calls[index].stamp == event.stamp, calls[index].state == .waiting else { return }
            dropCall(index)
            pace()
        case Kind.talkEnd:
            let agent = Int(event.subject)
            guard agents[agent].stamp == event.stamp, agents[agent].state == .inCall else { return }
            endTalk(agent)
            pace()
        case Kind.wrapEnd, Kind.pauseEnd:
            let agent = Int(event.subject)
            guard agents[agent].stamp == event.stamp else { return }
            if event.kind == Kind.wrapEnd, campaign.pauseProbability > 0, agent != traineeAgent,
               generator.nextUnit() < campaign.pauseProbability {
                setAgent(agent, .paused)
                agents[agent].stamp &+= 1
                events.schedule(at: now + pauseSampler.sample(&generator), kind: Kind.pauseEnd, subject: Int32(agent),
                                stamp: agents[agent].stamp)
                return
            }
            agentBecomesReady(agent)
            pace()
        case Kind.adapt:
            adaptLevel()
            if dialingOpen { events.schedule(at: now + campaign.dialing.adaptInterval, kind: Kind.adapt, lane: Lane.adapt) }
            pace()
        case Kind.hopperTick:
            if dialingOpen { events.schedule(at: now + 30, kind: Kind.hopperTick, lane: Lane.hopper) }
            pace()
        case Kind.previewDone:
            let agent = Int(event.subject)
            guard agents[agent].stamp == event.stamp, agents[agent].state == .previewing else { return }
            let lead = Int(agents[agent].lead)
            setAgent(agent, .dialing)
            dial(lead: lead, agent: agent)
        case Kind.lineFree:
            let index = Int(event.subject)
            guard calls[index].stamp == event.stamp, calls[index].state == .message else { return }
            messages -= 1
            releaseCall(index)
            pace()
        default:
            break
        }
    }

    // MARK: Pacing

    private mutating func pace() {
        guard dialingOpen else { return }
        let trunksFree = campaign.dialing.trunks - (ringing + waiting + connected + messages)
        guard trunksFree > 0 else { return }
        switch mode {
        case .preview:
            var budget = trunksFree
            while budget > 0, let agent = firstReadyAgent(skill: -1, excludingTrainee: false) {
                guard let lead = nextLead() else { return }
                removeReady(agent)
                setAgent(agent, .previewing)
                agents[agent].lead = Int32(lead)
                agents[agent].stamp &+= 1
                events.schedule(at: now + samplers.preview.sample(&generator), kind: Kind.previewDone,
                                subject: Int32(agent), stamp: agents[agent].stamp)
                budget -= 1
            }
        case .progressive:
            placeCalls(min(trunksFree, readyCount - ringing - waiting))
        case .ratio, .predictive:
            let counted: Int, live: Int
            if campaign.dialing.tally == .ready {
                counted = readyCount; live = ringing + waiting
            } else {
                counted = readyCount + inCallCount; live = ringing + waiting + connected
            }
            let goal = Int((level * Double(counted)).rounded())
            placeCalls(min(trunksFree, goal - live))
        }
    }

    private mutating func placeCalls(_ count: Int) {
        guard count > 0 else { return }
        leadStarved = false
        for _ in 0..<count {
            guard let lead = nextLead() else { leadStarved = true; return }
            dial(lead: lead, agent: nil)
        }
    }

    /// Vicidial-style adaptation: follow idle agents against waiting calls, then drop control.
    private mutating func adaptLevel() {
        let interval = campaign.dialing.adaptInterval
        let averageReady = readyArea / interval, averageWaiting = waitingArea / interval
        readyArea = 0; waitingArea = 0
        let staffed = readyCount + inCallCount + wrapCount + handlingCount
        guard dialingOpen, staffed > 0 else { return }
        let before = level
        // Agents idle for want of leads say nothing about pacing: only raise the level when leads were there.
        let difference = averageReady - averageWaiting
        if difference < 0 || !leadStarved { level *= 1 + difference / Double(staffed) }
        let target = campaign.dialing.dropTargetPercent
        let today = dayCounters[day]
        let todayPercent = today.humanAnswered > 0 ? 100 * Double(today.drops) / Double(today.humanAnswered) : 0
        let period = rollingAbandonmentToday()
        if (today.dials > 50 && todayPercent > target) || (period.humans >= 50 && period.percent > target) {
            do {
                switch campaign.dialing.dropControl {
                case .hard: level = 1
                case .average: level = before / 2
                case .taper:
                    let left = max(0, Double(day * 86400 + campaign.shiftEnd) - now) / Double(campaign.shiftEnd - campaign.shiftStart)
                    level = 1 + (before - 1) * left
                }
            }
        }
        while let first = recentHumans.first, first < now - 60 { _ = recentHumans.popFirst() }
        while let first = recentDrops.first, first < now - 60 { _ = recentDrops.popFirst() }
        if recentHumans.count >= 20, recentDrops.count * 2 > recentHumans.count { level = before / 2 }
        level = min(campaign.dialing.maxLevel, max(1, level))
        if logging, abs(level - before) > 0.05 { log.append(DialerLogEntry(time: now, lead: -1, kind: .levelChanged(level))) }
    }

    // MARK: Leads

    /// The next lead to dial: a due recycled lead first, else a new one, from a zone where calling is allowed now.
    private mutating func nextLead() -> Int? {
        guard !groups.isEmpty else { return nil }
        for step in 0..<groups.count {
            let g = (groupCursor + step) % groups.count
            if campaign.enforceCallingWindow, !insideWindow(group: g) { continue }
            while let lead = groups[g].recycle.popDue(now: now) {
                if dialable(Int(lead)) { groupCursor = (g + 1) % groups.count; return Int(lead) }
            }
            while groups[g].cursor < groups[g].newLeads.count {
                let lead = Int(groups[g].newLeads[groups[g].cursor])
                groups[g].cursor += 1
                if dialable(Int(lead)) { groupCursor = (g + 1) % groups.count; return lead }
            }
        }
        return nil
    }

    /// Scrubs a lead before dialling: numbers on a do-not-call list and leads without consent are set aside.
    private mutating func dialable(_ lead: Int) -> Bool {
        // A lead that needs a skill no ready agent has waits a little instead of risking a drop.
        let facts = state[lead]
        let skill = Int(facts.skill)
        if skill >= 0, mode != .preview, firstReadyAgent(skill: skill, excludingTrainee: false) == nil {
            groups[Int(facts.group)].recycle.push(now + 20, Int32(lead), lane: Self.skillWaitLane)
            return false
        }
        if facts.has(LeadState.consentRefused) {
            if !facts.has(LeadState.dialled) { totals.noConsent += 1 }
            return false
        }
        if campaign.scrubDoNotCall, isOnDoNotCall(lead) {
            totals.scrubbed += 1
            state[lead].status = .doNotCall
            return false
        }
        let status = facts.status
        if status == .new { return true }
        return Int(facts.attempts) < recycleLimit[status.ordinal]
    }

    /// Lists as they were at the start are looked up once per lead; numbers added during the run are checked each time.
    private mutating func isOnDoNotCall(_ lead: Int) -> Bool {
        var facts = state[lead]
        if !facts.has(LeadState.listKnown) {
            let phone = facts.phone
            facts.flags |= LeadState.listKnown | (nationalDoNotCall.contains(phone) || companyDoNotCall.contains(phone) ? LeadState.listed : 0)
            state[lead].flags = facts.flags
        }
        // A number joins the added list only through a lead that is then marked listed: only leads that
        // may share their number with another need to look.
        return facts.has(LeadState.listed)
            || (facts.has(LeadState.mayShareNumber) && !addedDoNotCall.isEmpty && addedDoNotCall.contains(facts.phone))
    }

    /// Whether calling is allowed now in a zone; the answer is kept until the window next opens or closes.
    private mutating func insideWindow(group: Int) -> Bool {
        if now < groups[group].windowValidUntil { return groups[group].windowOpen }
        let local = localSecondOfDay(now + groups[group].shift)
        let start = Double(campaign.compliance.windowStart), end = Double(campaign.compliance.windowEnd)
        let open = local >= start && local < end
        let next = open ? end : (local < start ? start : start + 86400)
        groups[group].windowOpen = open
        groups[group].windowValidUntil = now + (next - local)
        return open
    }

    @inline(__always)
    private func localSecondOfDay(_ time: Double) -> Double {
        time - (time * (1.0 / 86400)).rounded(.down) * 86400
    }

    private mutating func audit(lead: Int) {
        let shift = groups[Int(state[lead].group)].shift
        let local = localSecondOfDay(now + shift)
        let rules = campaign.compliance
        if local < Double(rules.windowStart) || local >= Double(rules.windowEnd) {
            breach(.outsideCallingWindow, "day \(day + 1): lead \(leads[lead].id) called at \(clock(local)) local time")
        }
        // With scrubbing on, the hopper has just checked the lists (every dial comes through it).
        if !campaign.scrubDoNotCall, isOnDoNotCall(lead) {
            breach(.doNotCallDialled, "day \(day + 1) \(clock(localSecondOfDay(now))): lead \(leads[lead].id) \(PhoneNumber.format(leads[lead].phone)) is on a do-not-call list")
        }
        if state[lead].has(LeadState.dropped), let dropped = lastDrop[Int32(lead)], now - dropped < rules.redialAfterDrop {
            let hours = (now - dropped) / 3600
            breach(.redialAfterDrop, "day \(day + 1): lead \(leads[lead].id) redialled \(formatHours(hours)) h after a dropped call (minimum \(formatHours(rules.redialAfterDrop / 3600)) h)")
        }
    }

    private mutating func breach(_ kind: CampaignReport.BreachKind, _ example: String) {
        breachCounts[kind, default: 0] += 1
        if breachExamples[kind, default: []].count < 5 { breachExamples[kind, default: []].append(example) }
    }

    // MARK: Calls

    private mutating func dial(lead: Int, agent: Int?) {
        audit(lead: lead)
        let index: Int
        if let reused = freeCalls.popLast() { index = Int(reused) } else { index = calls.count; calls.append(Call()) }
        calls[index].state = .ringing
        calls[index].lead = Int32(lead)
        calls[index].agent = Int32(agent ?? -1)
        calls[index].stamp &+= 1
        ringing += 1
        state[lead].attempts &+= 1
        state[lead].flags |= LeadState.dialled
        totals.dials += 1
        dayCounters[day].dials += 1
        hourCounters[siteHour].dials += 1
        if logging { log.append(DialerLogEntry(time: now, lead: lead, kind: .dial)) }

        let group = Int(state[lead].group)
        let hour = groups[group].hours.hour(at: now + groups[group].shift)
        let mix = campaign.outcomesByHour[hour]
        var u = generator.nextUnit()
        let outcome: Outcome
        if u < mix.person { outcome = .person } else {
            u -= mix.person
            if u < mix.machine { outcome = .machine } else {
                u -= mix.machine
                if u < mix.busy { outcome = .busy } else {
                    u -= mix.busy
                    outcome = u < mix.noAnswer ? .noAnswer : (mix.disconnected > 0 ? .disconnected : .noAnswer)
                }
            }
        }
        let timeout = campaign.dialing.ringTimeout
        var delay: Double
        var result = outcome
        switch outcome {
        case .person, .machine:
            delay = samplers.ring.sample(&generator)
            if delay > timeout { delay = timeout; result = .noAnswer }
            if result == .machine, campaign.dialing.machineDetection { delay += samplers.machineDetection.sample(&generator) }
        case .noAnswer:
            delay = timeout
        case .busy, .disconnected:
            delay = samplers.signal.sample(&generator)
        }
        calls[index].outcome = result
        if delay == timeout {
            events.schedule(at: now + delay, kind: Kind.callResult, subject: Int32(index), stamp: calls[index].stamp, lane: Lane.ringTimeout)
        } else {
            events.schedule(at: now + delay, kind: Kind.callResult, subject: Int32(index), stamp: calls[index].stamp)
        }
    }

    private mutating func callAnswered(_ index: Int) {
        ringing -= 1
        let lead = Int(calls[index].lead)
        let previewAgent = Int(calls[index].agent)
        switch calls[index].outcome {
        case .busy: finishWithoutAgent(index, .busy)
        case .noAnswer: finishWithoutAgent(index, .noAnswer)
        case .disconnected: finishWithoutAgent(index, .disconnected)
        case .machine where campaign.dialing.machineDetection: finishWithoutAgent(index, .answeringMachineAuto)
        case .machine, .person:
            let isPerson = calls[index].outcome == .person
            calls[index].answeredAt = now
            if isPerson {
                totals.humanAnswered += 1
                dayCounters[day].humanAnswered += 1
                hourCounters[siteHour].humanAnswered += 1
                recentHumans.append(now)
            }
            if previewAgent >= 0 {
                connect(index, agent: previewAgent)
                return
            }
            if let agent = firstReadyAgent(skill: Int(state[lead].skill), excludingTrainee: false) {
                removeReady(agent)
                connect(index, agent: agent)
                return
            }
            // No agent free: the caller hears silence until an agent frees up or the drop time passes.
            calls[index].state = .waiting
            waiting += 1
            waitingCalls.append((Int32(index), calls[index].stamp))
            events.schedule(at: now + campaign.dialing.dropTime, kind: Kind.dropTimeout, subject: Int32(index), stamp: calls[index].stamp,
                            lane: Lane.dropTime)
        }
    }

    private mutating func finishWithoutAgent(_ index: Int, _ status: LeadStatus) {
        let lead = Int(calls[index].lead)
        switch status {
        case .busy: totals.busy += 1
        case .noAnswer: totals.noAnswer += 1
        case .disconnected: totals.disconnected += 1
        default: totals.machines += 1
        }
        setStatus(lead, status)
        let previewAgent = Int(calls[index].agent)
        releaseCall(index)
        if previewAgent >= 0 { agentBecomesReady(previewAgent) }
    }

    private mutating func connect(_ index: Int, agent: Int) {
        if calls[index].state == .waiting { waiting -= 1 }
        calls[index].state = .connected
        calls[index].agent = Int32(agent)
        connected += 1
        agents[agent].call = Int32(index)
        agents[agent].lead = calls[index].lead
        agents[agent].stamp &+= 1
        totals.connects += 1
        hourCounters[siteHour].connects += 1
        if logging { log.append(DialerLogEntry(time: now, lead: Int(calls[index].lead), kind: .connected(agent: agent))) }
        if agent == traineeAgent, calls[index].outcome == .person {
            setAgent(agent, .inCall)
            interrupt = .offerToTrainee(lead: Int(calls[index].lead))
            return
        }
        setAgent(agent, .inCall)
        let talk = calls[index].outcome == .person ? samplers.talk.sample(&generator) : samplers.machineTalk.sample(&generator)
        events.schedule(at: now + talk, kind: Kind.talkEnd, subject: Int32(agent), stamp: agents[agent].stamp)
    }

    private mutating func dropCall(_ index: Int) {
        if calls[index].state == .waiting { waiting -= 1 }
        if calls[index].state == .connected { connected -= 1 }
        let lead = Int(calls[index].lead)
        if calls[index].outcome == .machine {
            // A machine nobody took: not an abandoned call under the rules.
            totals.machines += 1
            setStatus(lead, .answeringMachineAuto)
            releaseCall(index)
            return
        }
        totals.drops += 1
        totals.safeHarbourMessages += 1
        dayCounters[day].drops += 1
        hourCounters[siteHour].drops += 1
        recentDrops.append(now)
        state[lead].flags |= LeadState.dropped
        lastDrop[Int32(lead)] = now
        if campaign.dialing.dropTime > campaign.compliance.maxDropTime {
            breach(.dropTimeOverLimit, "day \(day + 1): lead \(leads[lead].id) waited \(formatNumber(campaign.dialing.dropTime)) s before the drop")
        }
        setStatus(lead, .drop)
        if logging { log.append(DialerLogEntry(time: now, lead: lead, kind: .dropped(safeHarbour: campaign.safeHarbourMessage))) }
        // The line stays busy while the safe-harbour message plays.
        calls[index].state = .message
        messages += 1
        events.schedule(at: now + 8, kind: Kind.lineFree, subject: Int32(index), stamp: calls[index].stamp, lane: Lane.message)
    }

    private mutating func endTalk(_ agent: Int) {
        let index = Int(agents[agent].call)
        let lead = Int(calls[index].lead)
        let status: LeadStatus
        if let chosen = agents[agent].pendingStatus {
            status = chosen
            agents[agent].pendingStatus = nil
        } else if calls[index].outcome == .machine {
            status = .answeringMachine
            totals.machines += 1
        } else {
            status = sampleDisposition()
        }
        if status.flags.contains(.contact) {
            totals.contacts += 1
            dayCounters[day].contacts += 1
        }
        if status == .sale { totals.sales += 1; dayCounters[day].sales += 1 }
        if status == .callback { totals.callbacksScheduled += 1 }
        if status == .doNotCall { totals.doNotCallRequests += 1 }
        if status == .doNotCall || (status == .notInterested && campaign.compliance.stopOnRefusal) {
            addedDoNotCall.insert(state[lead].phone)
            state[lead].flags |= LeadState.listKnown | LeadState.listed
        }
        setStatus(lead, status)
        connected -= 1
        releaseCall(index)
        agents[agent].call = -1
        setAgent(agent, .wrapUp)
        agents[agent].stamp &+= 1
        let wrap = agent == traineeAgent ? traineeWrap : samplers.wrapUp.sample(&generator)
        events.schedule(at: now + wrap, kind: Kind.wrapEnd, subject: Int32(agent), stamp: agents[agent].stamp)
    }

    private mutating func sampleDisposition() -> LeadStatus {
        let u = generator.nextUnit()
        for (index, bound) in dispositionBounds.enumerated() where u < bound { return dispositionStatuses[index] }
        return dispositionStatuses.last ?? .notInterested
    }

    private mutating func setStatus(_ lead: Int, _ status: LeadStatus) {
        state[lead].status = status
        let facts = state[lead]
        if Int(facts.attempts) < recycleLimit[status.ordinal] {
            groups[Int(facts.group)].recycle.push(now + recycleDelay[status.ordinal], Int32(lead), lane: Self.firstStatusLane + status.ordinal)
        }
    }

    private mutating func releaseCall(_ index: Int) {
        calls[index].state = .free
        calls[index].stamp &+= 1
        freeCalls.append(Int32(index))
        if !dialingOpen { logOutIdleAgents() }
    }

    // MARK: Agents

    private mutating func agentBecomesReady(_ agent: Int) {
        agents[agent].call = -1
        if !dialingOpen, ringing + waiting == 0 {
            setAgent(agent, .loggedOut)
            return
        }
        // A caller already waiting gets this agent at once.
        var remaining = waitingCalls.count
        while remaining > 0, let entry = waitingCalls.popFirst() {
            remaining -= 1
            let index = Int(entry.call)
            guard calls[index].stamp == entry.stamp, calls[index].state == .waiting else { continue }
            let skill = Int(state[Int(calls[index].lead)].skill)
            if skill < 0 || agents[agent].skills & (1 << UInt64(skill)) != 0 {
                setAgent(agent, .ready)
                removeReady(agent)
                connect(index, agent: agent)
                return
            }
            waitingCalls.append(entry)
        }
        setAgent(agent, .ready)
    }

    private mutating func logOutIdleAgents() {
        guard ringing + waiting == 0 else { return }
        for agent in readyAgents { agents[Int(agent)].state = .loggedOut }
        readyCount = 0
        readyAgents.removeAll(keepingCapacity: true)
    }

    private func firstReadyAgent(skill: Int, excludingTrainee: Bool) -> Int? {
        for agent in readyAgents {
            if excludingTrainee, Int(agent) == traineeAgent { continue }
            if skill < 0 || agents[Int(agent)].skills & (1 << UInt64(skill)) != 0 { return Int(agent) }
        }
        return nil
    }

    private mutating func removeReady(_ agent: Int) {
        if readyAgents.first == Int32(agent) { readyAgents.removeFirst() }
        else if let position = readyAgents.firstIndex(of: Int32(agent)) { readyAgents.remove(at: position) }
        agents[agent].state = .offered
        readyCount -= 1
        idleBetweenCalls += now - agents[agent].readySince
        connectsAfterIdle += 1
    }

    private mutating func setAgent(_ agent: Int, _ state: AgentState) {
        let old = agents[agent].state
        if old == state { return }
        switch old {
        case .ready:
            readyCount -= 1
            if let position = readyAgents.firstIndex(of: Int32(agent)) { readyAgents.remove(at: position) }
        case .inCall: inCallCount -= 1
        case .wrapUp: wrapCount -= 1
        case .previewing, .dialing: handlingCount -= 1
        default: break
        }
        agents[agent].state = state
        switch state {
        case .ready:
            readyCount += 1
            agents[agent].readySince = now
            readyAgents.append(Int32(agent))
        case .inCall: inCallCount += 1
        case .wrapUp: wrapCount += 1
        case .previewing, .dialing: handlingCount += 1
        default: break
        }
    }

    // MARK: Accounting

    private var siteHour: Int { mutating get { siteHours.hour(at: now) } }

    /// Integrates agent states and queue lengths over time up to `time`.
    private mutating func accrue(to time: Double) {
        let span = time - lastAccrual
        guard span > 0 else { return }
        let busy = Double(inCallCount + wrapCount + handlingCount)
        let available = busy + Double(readyCount)
        if available > 0 || dialingOpen {
            // One read and one write of today's counters (each array access checks it is not shared).
            let index = min(day, dayCounters.count - 1)
            var today = dayCounters[index]
            if available > 0 {
                today.busyAgentSeconds += busy * span
                today.availableAgentSeconds += available * span
                let hour = accrualHour()
                hourCounters[hour].busyAgentSeconds += busy * span
                hourCounters[hour].availableAgentSeconds += available * span
            }
            if dialingOpen {
                readyArea += Double(readyCount) * span
                waitingArea += Double(waiting) * span
                today.levelArea += level * span
                today.levelTime += span
            }
            dayCounters[index] = today
        }
        lastAccrual = time
    }

    private var accrualHours = HourOfDay(), siteHours = HourOfDay()

    /// The site hour of `lastAccrual`.
    @inline(__always)
    private mutating func accrualHour() -> Int { accrualHours.hour(at: lastAccrual) }

    /// Drops and person-answered calls over the days before today in the rolling period, kept for the day.
    private var earlierDays = (day: -1, humans: 0, drops: 0)

    /// The rolling abandonment ending today, as `rollingAbandonment` works it out, without summing the period again.
    private mutating func rollingAbandonmentToday() -> (percent: Double, humans: Int) {
        if earlierDays.day != day {
            let first = max(0, day - campaign.compliance.periodDays + 1)
            var humans = 0, drops = 0
            for d in first..<max(first, day) { humans += dayCounters[d].humanAnswered; drops += dayCounters[d].drops }
            earlierDays = (day, humans, drops)
        }
        let humans = earlierDays.humans + dayCounters[day].humanAnswered
        let drops = earlierDays.drops + dayCounters[day].drops
        return (humans > 0 ? 100 * Double(drops) / Double(humans) : 0, humans)
    }

    private func rollingAbandonment(endingDay: Int) -> (percent: Double, humans: Int) {
        let first = max(0, endingDay - campaign.compliance.periodDays + 1)
        var humans = 0, drops = 0
        for d in first...endingDay { humans += dayCounters[d].humanAnswered; drops += dayCounters[d].drops }
        return (humans > 0 ? 100 * Double(drops) / Double(humans) : 0, humans)
    }

    // MARK: Report

    public func report() -> CampaignReport {
        var breachCounts = self.breachCounts
        var breachExamples = self.breachExamples
        let limit = campaign.compliance.maxAbandonPercent
        var perDay: [CampaignReport.Day] = []
        var maxRolling = 0.0
        for d in 0..<campaign.days {
            let c = dayCounters[d]
            let rolling = rollingAbandonment(endingDay: d).percent
            maxRolling = max(maxRolling, rolling)
            let dayPercent = c.humanAnswered > 0 ? 100 * Double(c.drops) / Double(c.humanAnswered) : 0
            if dayPercent > limit {
                breachCounts[.abandonmentDay, default: 0] += 1
                if breachExamples[.abandonmentDay, default: []].count < 5 {
                    breachExamples[.abandonmentDay, default: []].append("day \(d + 1): \(percent(dayPercent)) of \(c.humanAnswered) answered calls dropped (limit \(formatNumber(limit))%)")
                }
            }
            if rolling > limit {
                breachCounts[.abandonmentPeriod, default: 0] += 1
                if breachExamples[.abandonmentPeriod, default: []].count < 5 {
                    breachExamples[.abandonmentPeriod, default: []].append("\(campaign.compliance.periodDays) days to day \(d + 1): \(percent(rolling)) (limit \(formatNumber(limit))%)")
                }
            }
            perDay.append(CampaignReport.Day(
                day: d + 1, date: nil, dials: c.dials, humanAnswered: c.humanAnswered, drops: c.drops, contacts: c.contacts,
                sales: c.sales, abandonmentPercent: dayPercent, rollingAbandonmentPercent: rolling,
                occupancy: c.availableAgentSeconds > 0 ? c.busyAgentSeconds / c.availableAgentSeconds : 0,
                meanDialLevel: c.levelTime > 0 ? c.levelArea / c.levelTime : initialLevel))
        }
        let perHour = (0..<24).compactMap { hour -> CampaignReport.Hour? in
            let h = hourCounters[hour]
            guard h.dials > 0 || h.availableAgentSeconds > 0 else { return nil }
            return CampaignReport.Hour(hour: hour, dials: h.dials, humanAnswered: h.humanAnswered, drops: h.drops, connects: h.connects,
                                       occupancy: h.availableAgentSeconds > 0 ? h.busyAgentSeconds / h.availableAgentSeconds : 0)
        }
        let busy = dayCounters.reduce(0) { $0 + $1.busyAgentSeconds }
        let available = dayCounters.reduce(0) { $0 + $1.availableAgentSeconds }
        var countsByStatus = [Int](repeating: 0, count: LeadStatus.allCases.count)
        var finishedLeads = 0
        for index in leads.indices {
            let status = state[index].status
            countsByStatus[status.ordinal] += 1
            if status != .new, !(recycleRules[status.ordinal].map { Int(state[index].attempts) < $0.maxAttempts } ?? false) { finishedLeads += 1 }
        }
        var notes: [String] = []
        if totals.safeHarbourMessages > 0 {
            notes.append("\(totals.safeHarbourMessages) dropped calls heard the safe-harbour message: \"\(campaign.safeHarbourMessage)\"")
        }
        if let days = campaign.compliance.coolingOffDays, totals.sales > 0 {
            notes.append("\(totals.sales) sales are distance sales: the buyer may cancel within \(days) days of receipt (Consumer Protection Act art. 19)")
        }
        if campaign.compliance.stopOnRefusal {
            notes.append("refusals (NI) and DNC requests were added to the company do-not-call list (PDPA art. 20)")
        }
        let t = totals
        return CampaignReport(
            campaign: campaign.id, name: campaign.name, profile: campaign.compliance.profile, mode: mode, dialLevel: initialLevel,
            seed: seed, days: campaign.days, agents: agents.count, leads: leads.count, totals: t,
            contactRate: t.dials > 0 ? Double(t.contacts) / Double(t.dials) : 0,
            conversionRate: t.contacts > 0 ? Double(t.sales) / Double(t.contacts) : 0,
            abandonmentPercent: t.humanAnswered > 0 ? 100 * Double(t.drops) / Double(t.humanAnswered) : 0,
            maxRollingAbandonmentPercent: maxRolling, abandonmentLimitPercent: limit,
            occupancy: available > 0 ? busy / available : 0,
            averageWaitBetweenCalls: connectsAfterIdle > 0 ? idleBetweenCalls / Double(connectsAfterIdle) : 0,
            listPenetration: leads.isEmpty ? 0 : Double(state.reduce(0) { $0 + ($1.has(LeadState.dialled) ? 1 : 0) }) / Double(leads.count),
            leadsFinished: finishedLeads, perDay: perDay, perHour: perHour,
            breaches: CampaignReport.BreachKind.allCases.compactMap { kind in
                breachCounts[kind].map { CampaignReport.Breach(kind: kind, count: $0, examples: breachExamples[kind] ?? []) }
            },
            finalStatuses: LeadStatus.allCases.filter { countsByStatus[$0.ordinal] > 0 }
                .map { CampaignReport.StatusCount(status: $0, leads: countsByStatus[$0.ordinal]) },
            notes: notes, events: events.processed)
    }
}

func clock(_ secondOfDay: Double) -> String {
    let minutes = Int(secondOfDay / 60)
    let h = minutes / 60 % 24, m = minutes % 60
    return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
}

func formatHours(_ hours: Double) -> String { formatNumber((hours * 10).rounded() / 10) }

func percent(_ value: Double) -> String { formatNumber((value * 100).rounded() / 100) + "%" }

/// The hour of the day (0-23) of a time in seconds, remembered for the rest of that hour: the engine asks
/// for it on every dial and every event, and time only moves forward.
struct HourOfDay: Sendable {
    private var start = Double.infinity, end = -Double.infinity, cached = 0

    @inline(__always)
    mutating func hour(at time: Double) -> Int {
        if time >= start, time < end { return cached }
        let local = time - (time * (1.0 / 86400)).rounded(.down) * 86400
        let hours = Int(local / 3600)
        cached = hours % 24
        start = (time - local) + Double(hours) * 3600
        end = start + 3600
        return cached
    }
}
