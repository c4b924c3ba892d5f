/// A small set of content tokens kept as a sorted array: building and intersecting it costs
/// no hashing, which matters when every turn of thousands of calls gets one.
public struct TokenSet: Sendable, Hashable {
    public private(set) var items: [UInt64] = []

    public init() {}

    /// From tokens in any order, with repeats.
    init(unsorted: [UInt64]) {
        var sorted = unsorted
        sorted.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(sorted.count)
        for token in sorted where unique.last != token { unique.append(token) }
        items = unique
    }

    public var count: Int { items.count }
    public var isEmpty: Bool { items.isEmpty }

    public func contains(_ token: UInt64) -> Bool {
        var low = 0
        var high = items.count
        while low < high {
            let mid = (low + high) / 2
            if items[mid] < token { low = mid + 1 } else { high = mid }
        }
        return low < items.count && items[low] == token
    }

    public func contains(where predicate: (UInt64) -> Bool) -> Bool { items.contains(where: predicate) }

    public func intersection(_ other: TokenSet) -> TokenSet {
        var result = TokenSet()
        var i = 0
        var j = 0
        while i < items.count && j < other.items.count {
            if items[i] == other.items[j] {
                result.items.append(items[i])
                i += 1
                j += 1
            } else if items[i] < other.items[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    public func subtracting(_ other: TokenSet) -> TokenSet {
        var result = TokenSet()
        var j = 0
        for token in items {
            while j < other.items.count && other.items[j] < token { j += 1 }
            if j < other.items.count && other.items[j] == token { continue }
            result.items.append(token)
        }
        return result
    }

    public mutating func formUnion(_ other: TokenSet) {
        var merged: [UInt64] = []
        merged.reserveCapacity(items.count + other.items.count)
        var i = 0
        var j = 0
        while i < items.count || j < other.items.count {
            if j >= other.items.count || (i < items.count && items[i] < other.items[j]) {
                merged.append(items[i])
                i += 1
            } else if i >= items.count || other.items[j] < items[i] {
                merged.append(other.items[j])
                j += 1
            } else {
                merged.append(items[i])
                i += 1
                j += 1
            }
        }
        items = merged
    }
}
