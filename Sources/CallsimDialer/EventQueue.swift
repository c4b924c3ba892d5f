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

/// A binary min-heap of events ordered by time, then by insertion order.
public struct EventQueue: Sendable {
    private var heap: ContiguousArray<ScheduledEvent> = []
    private var nextSequence: UInt64 = 0
    /// How many events were popped, for throughput figures.
    public private(set) var processed: Int = 0

    public init(capacity: Int = 1024) { heap.reserveCapacity(capacity) }

    public var isEmpty: Bool { heap.isEmpty }
    public var count: Int { heap.count }
    public var nextTime: Double? { heap.first?.time }

    public mutating func schedule(at time: Double, kind: UInt8, subject: Int32 = 0, stamp: UInt32 = 0) {
        let event = ScheduledEvent(time: time, sequence: nextSequence, kind: kind, subject: subject, stamp: stamp)
        nextSequence &+= 1
        heap.append(event)
        siftUp(heap.count - 1)
    }

    public mutating func pop() -> ScheduledEvent? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        processed += 1
        return first
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let moving = heap[child]
        while child > 0 {
            let parent = (child - 1) >> 1
            if !moving.precedes(heap[parent]) { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = moving
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let count = heap.count
        let moving = heap[parent]
        while true {
            var child = 2 * parent + 1
            if child >= count { break }
            if child + 1 < count, heap[child + 1].precedes(heap[child]) { child += 1 }
            if !heap[child].precedes(moving) { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = moving
    }
}

/// A min-heap of (time, index) pairs: leads waiting for their next attempt. Pairs sit together so a
/// step down the heap touches one cache line, not two.
struct TimedIndexHeap: Sendable {
    private struct Entry: Sendable { var time: Double; var index: Int32 }
    private var entries: ContiguousArray<Entry> = []

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }
    var firstTime: Double? { entries.first?.time }

    mutating func push(_ time: Double, _ index: Int32) {
        entries.append(Entry(time: time, index: index))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) >> 1
            if entries[parent].time <= time { break }
            entries[child] = entries[parent]
            child = parent
        }
        entries[child] = Entry(time: time, index: index)
    }

    mutating func pop() -> Int32? {
        guard let top = entries.first?.index else { return nil }
        let last = entries.removeLast()
        if entries.isEmpty { return top }
        var parent = 0
        let count = entries.count
        while true {
            var child = 2 * parent + 1
            if child >= count { break }
            if child + 1 < count, entries[child + 1].time < entries[child].time { child += 1 }
            if entries[child].time >= last.time { break }
            entries[parent] = entries[child]
            parent = child
        }
        entries[parent] = last
        return top
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
