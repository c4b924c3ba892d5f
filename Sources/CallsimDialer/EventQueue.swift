/// One scheduled event. A plain value so the queue holds no per-event objects.
public struct ScheduledEvent: Sendable {
    public var time: Double
    /// Insertion order: breaks ties so equal times pop first-in first-out (deterministic).
    public var sequence: UInt64
    public var kind: UInt8
    /// The call, agent or day the event is about.
    public var subject: Int32
    /// A generation stamp: an event whose subject moved on since it was scheduled is stale.
    public var stamp: UInt32

    @inline(__always)
    func precedes(_ other: ScheduledEvent) -> Bool {
        time < other.time || (time == other.time && sequence < other.sequence)
    }
}

/// Events ordered by time, then by insertion order: a binary min-heap, plus first-in first-out lanes for
/// events that come a fixed time after they are scheduled (no answer after the ring timeout, the drop
/// timeout, the end of the safe-harbour message, pacing ticks). The clock only moves forward, so a lane
/// is already in order and its events never enter the heap; the next event is the earliest of the heap's
/// top and the lanes' heads, by time then insertion order, exactly as if all were in one heap.
public struct EventQueue: Sendable {
    private struct Lane: Sendable {
        var events: ContiguousArray<ScheduledEvent> = []
        var head = 0
        var isEmpty: Bool { head == events.count }
    }

    private var heap: ContiguousArray<ScheduledEvent> = []
    private var lanes: ContiguousArray<Lane> = []
    private var laneEvents = 0
    /// One bit per lane that holds events (lanes are few).
    private var occupied: UInt64 = 0
    private var nextSequence: UInt64 = 0
    /// How many events were popped, for throughput figures.
    public private(set) var processed: Int = 0

    public init(capacity: Int = 1024) { heap.reserveCapacity(capacity) }

    public var isEmpty: Bool { heap.isEmpty && laneEvents == 0 }
    public var count: Int { heap.count + laneEvents }
    public var nextTime: Double? { peek().map { $0.event.time } }

    public mutating func schedule(at time: Double, kind: UInt8, subject: Int32 = 0, stamp: UInt32 = 0) {
        let event = ScheduledEvent(time: time, sequence: nextSequence, kind: kind, subject: subject, stamp: stamp)
        nextSequence &+= 1
        heap.append(event)
        siftUp(heap.count - 1)
    }

    /// Schedules into a lane: every event of one lane must come a fixed delay after the moment it is
    /// scheduled (so the lane stays in time order).
    public mutating func schedule(at time: Double, kind: UInt8, subject: Int32 = 0, stamp: UInt32 = 0, lane: Int) {
        precondition(lane >= 0 && lane < 64, "event lanes are numbered 0 to 63")
        let event = ScheduledEvent(time: time, sequence: nextSequence, kind: kind, subject: subject, stamp: stamp)
        nextSequence &+= 1
        while lanes.count <= lane { lanes.append(Lane()) }
        lanes[lane].events.append(event)
        occupied |= 1 << UInt64(lane)
        laneEvents += 1
    }

    /// The earliest event and where it is: -1 the heap, else a lane.
    @inline(__always)
    private func peek() -> (event: ScheduledEvent, source: Int)? {
        var best: ScheduledEvent? = heap.first
        var source = -1
        var remaining = occupied
        while remaining != 0 {
            let index = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            let head = lanes[index].events[lanes[index].head]
            if let current = best, !head.precedes(current) { continue }
            best = head
            source = index
        }
        return best.map { ($0, source) }
    }

    /// The next event if it is due at or before `horizon`.
    public mutating func pop(notAfter horizon: Double) -> ScheduledEvent? {
        guard let (event, source) = peek(), event.time <= horizon else { return nil }
        if source < 0 {
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                siftDown(0)
            }
        } else {
            let head = lanes[source].head + 1
            laneEvents -= 1
            if head == lanes[source].events.count {
                occupied &= ~(1 << UInt64(source))
                lanes[source].events.removeAll(keepingCapacity: true)
                lanes[source].head = 0
            } else if head >= 1024, head * 2 >= lanes[source].events.count {
                lanes[source].events.removeFirst(head)
                lanes[source].head = 0
            } else {
                lanes[source].head = head
            }
        }
        processed += 1
        return event
    }

    public mutating func pop() -> ScheduledEvent? { pop(notAfter: .infinity) }

    // A four-way heap: half the levels of a binary one, and each level's children share a cache line or two,
    // so popping takes fewer of the hard-to-predict comparisons between levels.
    private mutating func siftUp(_ start: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            var child = start
            let moving = heap[child]
            while child > 0 {
                let parent = (child - 1) >> 2
                if !moving.precedes(heap[parent]) { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = moving
        }
    }

    private mutating func siftDown(_ start: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            var parent = start
            let count = heap.count
            let moving = heap[parent]
            while true {
                let first = 4 * parent + 1
                if first >= count { break }
                var best = first
                var bestEvent = heap[first]
                var child = first + 1
                let end = min(first + 4, count)
                while child < end {
                    let candidate = heap[child]
                    if candidate.precedes(bestEvent) { best = child; bestEvent = candidate }
                    child += 1
                }
                if !bestEvent.precedes(moving) { break }
                heap[parent] = bestEvent
                parent = best
            }
            heap[parent] = moving
        }
    }
}

/// Leads waiting for their next attempt, in first-in first-out lanes, one per fixed waiting time. The
/// simulation clock only moves forward, so each lane fills in order of due time and the next lead due is
/// at the head of one lane: pushes and pops touch the two ends of a few arrays in order, where a heap of
/// hundreds of thousands of far-future entries jumped about memory. Equal due times leave in lane order,
/// then in the order they came.
struct RecycleQueue: Sendable {
    private struct Lane: Sendable {
        var times: ContiguousArray<Double> = []
        var leads: ContiguousArray<Int32> = []
        var head = 0

        var isEmpty: Bool { head == times.count }

        mutating func dropPopped() {
            times.removeFirst(head)
            leads.removeFirst(head)
            head = 0
        }
    }

    private var lanes: [Lane]
    /// One bit per lane that holds leads (at most 64 lanes).
    private var occupied: UInt64 = 0
    /// The lane holding the earliest lead, -1 when all are empty, nil when it must be looked for.
    private var earliest: Int? = -1
    private(set) var count = 0

    init(lanes: Int) { self.lanes = [Lane](repeating: Lane(), count: min(64, max(1, lanes))) }

    var isEmpty: Bool { count == 0 }

    /// `time` must not be before the last time pushed to the same lane.
    mutating func push(_ time: Double, _ lead: Int32, lane: Int) {
        let wasEmpty = lanes[lane].isEmpty
        lanes[lane].times.append(time)
        lanes[lane].leads.append(lead)
        occupied |= 1 << UInt64(lane)
        count += 1
        // Only a lead that is now the head of its lane can be the earliest.
        guard wasEmpty, let current = earliest else { return }
        if current < 0 { earliest = lane; return }
        let head = lanes[current].times[lanes[current].head]
        if time < head || (time == head && lane < current) { earliest = lane }
    }

    /// The next lead due at or before `now`, if any.
    mutating func popDue(now: Double) -> Int32? {
        let lane: Int
        if let known = earliest { lane = known } else { lane = findEarliest() }
        guard lane >= 0 else { return nil }
        let head = lanes[lane].head
        guard lanes[lane].times[head] <= now else { return nil }
        let lead = lanes[lane].leads[head]
        lanes[lane].head = head + 1
        count -= 1
        if lanes[lane].isEmpty {
            occupied &= ~(1 << UInt64(lane))
            lanes[lane].times.removeAll(keepingCapacity: true)
            lanes[lane].leads.removeAll(keepingCapacity: true)
            lanes[lane].head = 0
        } else if head >= 4096, head * 2 >= lanes[lane].times.count {
            lanes[lane].dropPopped()
        }
        earliest = nil
        return lead
    }

    private mutating func findEarliest() -> Int {
        var best = -1
        var bestTime = Double.infinity
        var remaining = occupied
        while remaining != 0 {
            let index = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            let time = lanes[index].times[lanes[index].head]
            if best < 0 || time < bestTime { best = index; bestTime = time }
        }
        earliest = best
        return best
    }
}

/// A set of phone numbers (never 0) with open addressing and a multiplicative hash: the dialler asks it
/// about every dial, so it avoids the general-purpose hasher.
struct PhoneSet: Sendable {
    private var slots: ContiguousArray<UInt64>
    private var shift: UInt64
    private(set) var count = 0
    /// One bit per hash bucket of 2^20: most numbers are not on the list, and this answers them from 128 KB.
    private var filter = ContiguousArray<UInt64>(repeating: 0, count: 1 << 14)

    @inline(__always)
    private static func filterBit(_ number: UInt64) -> Int { Int(truncatingIfNeeded: (number &* 0xD6E8_FEB8_6659_FD93) >> 44) }

    init(_ numbers: Set<UInt64> = []) {
        var capacity = 16
        while capacity < numbers.count * 2 { capacity *= 2 }
        slots = ContiguousArray(repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for number in numbers.sorted() { insert(number) }
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    private func slot(_ number: UInt64) -> Int { Int(truncatingIfNeeded: (number &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    func contains(_ number: UInt64) -> Bool {
        guard number != 0 else { return false }
        let bit = Self.filterBit(number)
        if filter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
        let mask = slots.count - 1
        var index = slot(number)
        while true {
            let stored = slots[index]
            if stored == number { return true }
            if stored == 0 { return false }
            index = (index + 1) & mask
        }
    }

    mutating func insert(_ number: UInt64) {
        guard number != 0 else { return }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = slot(number)
        while true {
            let stored = slots[index]
            if stored == number { return }
            if stored == 0 {
                slots[index] = number
                count += 1
                let bit = Self.filterBit(number)
                filter[bit >> 6] |= 1 << UInt64(bit & 63)
                return
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = ContiguousArray(repeating: 0, count: old.count * 2)
        shift -= 1
        count = 0
        for number in old where number != 0 { insert(number) }
    }
}
