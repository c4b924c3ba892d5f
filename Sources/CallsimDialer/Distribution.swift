import Foundation
import CallsimCore

/// A duration distribution in seconds.
public enum Distribution: Sendable, Hashable, Codable, CustomStringConvertible {
    case exponential(mean: Double)
    /// Given by the mean and standard deviation of the durations themselves.
    case lognormal(mean: Double, sd: Double)
    case uniform(min: Double, max: Double)
    case fixed(Double)

    public var mean: Double {
        switch self {
        case .exponential(let mean): return mean
        case .lognormal(let mean, _): return mean
        case .uniform(let low, let high): return (low + high) / 2
        case .fixed(let value): return value
        }
    }

    public var description: String {
        switch self {
        case .exponential(let mean): return "exponential(\(formatNumber(mean)))"
        case .lognormal(let mean, let sd): return "lognormal(\(formatNumber(mean)), \(formatNumber(sd)))"
        case .uniform(let low, let high): return "uniform(\(formatNumber(low)), \(formatNumber(high)))"
        case .fixed(let value): return "fixed(\(formatNumber(value)))"
        }
    }

    public func sample(_ generator: inout SeededGenerator) -> Double {
        switch self {
        case .exponential(let mean):
            return -mean * log1mUnit(&generator)
        case .lognormal(let mean, let sd):
            let variance = log(1 + (sd * sd) / (mean * mean))
            let mu = log(mean) - variance / 2
            return exp(mu + variance.squareRoot() * standardNormal(&generator))
        case .uniform(let low, let high):
            return low + (high - low) * generator.nextUnit()
        case .fixed(let value):
            return value
        }
    }

    /// Parses `exponential(180)`, `exp(180)`, `lognormal(180, 90)`, `uniform(10, 30)`, `fixed(2)` or a bare number.
    public static func parse(_ text: String) -> Result<Distribution, ValueError> {
        let trimmed = text.trimmingSpaces
        if let value = parseSeconds(trimmed) {
            return value >= 0 ? .success(.fixed(value)) : .failure(ValueError("a duration cannot be negative"))
        }
        guard let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") else {
            return .failure(ValueError("expected a distribution such as exponential(180), lognormal(180, 90), uniform(10, 30) or fixed(2), found '\(text)'"))
        }
        let name = trimmed[..<open].trimmingSpaces.lowercased()
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        var arguments: [Double] = []
        for part in inside.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = parseSeconds(String(part).trimmingSpaces) else {
                return .failure(ValueError("'\(part.trimmingSpaces)' is not a number of seconds in '\(text)'"))
            }
            guard value >= 0 else { return .failure(ValueError("negative value in '\(text)'")) }
            arguments.append(value)
        }
        func need(_ count: Int) -> String? {
            arguments.count == count ? nil : "\(name) takes \(count) argument\(count == 1 ? "" : "s"), found \(arguments.count) in '\(text)'"
        }
        switch name {
        case "exponential", "exp":
            if let problem = need(1) { return .failure(ValueError(problem)) }
            guard arguments[0] > 0 else { return .failure(ValueError("the mean of an exponential must be positive")) }
            return .success(.exponential(mean: arguments[0]))
        case "lognormal":
            if let problem = need(2) { return .failure(ValueError(problem)) }
            guard arguments[0] > 0 else { return .failure(ValueError("the mean of a lognormal must be positive")) }
            return .success(.lognormal(mean: arguments[0], sd: arguments[1]))
        case "uniform":
            if let problem = need(2) { return .failure(ValueError(problem)) }
            guard arguments[0] <= arguments[1] else { return .failure(ValueError("uniform(min, max) needs min <= max in '\(text)'")) }
            return .success(.uniform(min: arguments[0], max: arguments[1]))
        case "fixed":
            if let problem = need(1) { return .failure(ValueError(problem)) }
            return .success(.fixed(arguments[0]))
        default:
            let known = ["exponential", "lognormal", "uniform", "fixed"]
            let hint = closestMatch(name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            return .failure(ValueError("unknown distribution '\(name)'\(hint); use one of \(known.joined(separator: ", "))"))
        }
    }
}

/// -log(1 - U) with U uniform on [0, 1): never infinite.
@inline(__always)
func log1mUnit(_ generator: inout SeededGenerator) -> Double {
    log(1 - generator.nextUnit())
}

/// Box-Muller; one value per call keeps the generator stream simple to reason about.
@inline(__always)
func standardNormal(_ generator: inout SeededGenerator) -> Double {
    let u1 = 1 - generator.nextUnit()
    let u2 = generator.nextUnit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
}

/// Seconds from `90`, `90s`, `15m`, `2h`, `3d` or `1.5h`.
public func parseSeconds(_ text: String) -> Double? {
    var body = Substring(text.trimmingSpaces.lowercased())
    var unit = 1.0
    if let last = body.last, last.isLetter {
        switch last {
        case "s": unit = 1
        case "m": unit = 60
        case "h": unit = 3600
        case "d": unit = 86400
        default: return nil
        }
        body = body.dropLast()
    }
    guard !body.isEmpty, let value = Double(body), value.isFinite else { return nil }
    return value * unit
}

func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

extension StringProtocol {
    /// Without leading and trailing white space; plain ASCII text takes a fast path.
    var trimmingSpaces: String {
        let string = String(self)
        if let first = string.utf8.first, let last = string.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return string }
        var scalars = Substring(string)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

/// The known word nearest to `word` by edit distance, when near enough to be a likely typo.
public func closestMatch(_ word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, candidate.lowercased())
        if distance <= max(2, candidate.count / 3), best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
    }
    return best?.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[y.count]
}

/// A problem with one value, placed in a file by whoever read it.
public struct ValueError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// A distribution with its parameters worked out once, for the engine's inner loop.
struct Sampler: Sendable {
    private let kind: UInt8
    private let a: Double
    private let b: Double

    init(_ distribution: Distribution) {
        switch distribution {
        case .exponential(let mean): kind = 0; a = mean; b = 0
        case .lognormal(let mean, let sd):
            let variance = log(1 + (sd * sd) / (mean * mean))
            kind = 1; a = log(mean) - variance / 2; b = variance.squareRoot()
        case .uniform(let low, let high): kind = 2; a = low; b = high - low
        case .fixed(let value): kind = 3; a = value; b = 0
        }
    }

    @inline(__always)
    func sample(_ generator: inout SeededGenerator) -> Double {
        switch kind {
        case 0: return -a * log1mUnit(&generator)
        case 1: return exp(a + b * standardNormal(&generator))
        case 2: return a + b * generator.nextUnit()
        default: return a
        }
    }
}
