import CallsimCore

/// One indicator's result in a scorecard.
public struct IndicatorResult: Sendable, Hashable, Codable {
    public var id: String
    public var status: IndicatorStatus
    /// 1-based turn numbers (all turns, both speakers) that are the evidence.
    public var turns: [Int]
    public var codes: [String]

    public init(id: String, status: IndicatorStatus, turns: [Int], codes: [String]) {
        self.id = id
        self.status = status
        self.turns = turns
        self.codes = codes
    }
}

/// The scored call: what the `score --json` object holds.
public struct Scorecard: Sendable, Hashable, Codable {
    public var direction: CallDirection
    public var directionInferred: Bool
    public var lang: Language
    public var outcome: CallOutcome?
    public var outcomeInferred: Bool
    public var results: [IndicatorResult]
    /// 0-100 per category, nil when every indicator of the category is `na`.
    public var categories: [IndicatorCategory: Int?]
    public var score: Int
    /// Critical indicators that are violated; any makes `score` 0.
    public var critical: [String]

    public func result(_ id: String) -> IndicatorResult? { results.first { $0.id == id } }

    public func categoryScore(_ category: IndicatorCategory) -> Int? { categories[category] ?? nil }

    /// The JSON object of `score --json`: exactly the documented keys, in the documented order, on one line.
    /// (Whether direction and outcome were inferred shows in the readable report.)
    public func jsonLine(file: String) -> String {
        var bytes: [UInt8] = []
        appendJSONLine(file: file, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the JSON object (no newline) as UTF-8, for batch output.
    public func appendJSONLine(file: String, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + 3072)
        out += JSON.bytes.file
        JSON.appendString(file, to: &out)
        out += JSON.bytes.direction
        out += direction.rawValue.utf8
        out += JSON.bytes.lang
        out += lang.rawValue.utf8
        out += JSON.bytes.outcome
        if let outcome {
            out.append(0x22)
            out += outcome.rawValue.utf8
            out.append(0x22)
        } else {
            out += JSON.bytes.null
        }
        out += JSON.bytes.indicators
        for (i, result) in results.enumerated() {
            if i > 0 { out += JSON.bytes.comma }
            out += JSON.idPrefix(result.id)
            out += JSON.statusText[result.status] ?? []
            for (k, turn) in result.turns.enumerated() {
                if k > 0 { out += JSON.bytes.comma }
                out += String(turn).utf8
            }
            out += JSON.bytes.codes
            out += JSON.codes(result.codes)
            out.append(0x7D)
        }
        out += JSON.bytes.categories
        for (i, category) in IndicatorCategory.allCases.enumerated() {
            if i > 0 { out += JSON.bytes.comma }
            out.append(0x22)
            out += category.rawValue.utf8
            out += JSON.bytes.colon
            if let value = categoryScore(category) { out += String(value).utf8 } else { out += JSON.bytes.null }
        }
        out += JSON.bytes.score
        out += String(score).utf8
        out += JSON.bytes.critical
        for (i, id) in critical.enumerated() {
            if i > 0 { out += JSON.bytes.comma }
            out.append(0x22)
            out += id.utf8
            out.append(0x22)
        }
        out += JSON.bytes.end
    }
}

/// A scenario's rubric: which indicators apply (others become `na`) and their weights (default 1).
public struct Rubric: Sendable, Hashable, Codable {
    public var applicable: Set<String>?
    public var weights: [String: Double]

    public init(applicable: Set<String>? = nil, weights: [String: Double] = [:]) {
        self.applicable = applicable
        self.weights = weights
    }

    public func weight(_ id: String) -> Double { max(0, weights[id] ?? 1) }
}

enum JSON {
    /// The fixed pieces of the `score --json` object.
    enum bytes {
        static let file = Array("{\"file\": ".utf8)
        static let direction = Array(", \"direction\": \"".utf8)
        static let lang = Array("\", \"lang\": \"".utf8)
        static let outcome = Array("\", \"outcome\": ".utf8)
        static let indicators = Array(", \"indicators\": [".utf8)
        static let codes = Array("], \"codes\": ".utf8)
        static let categories = Array("], \"categories\": {".utf8)
        static let colon = Array("\": ".utf8)
        static let score = Array("}, \"score\": ".utf8)
        static let critical = Array(", \"critical\": [".utf8)
        static let end = Array("]}".utf8)
        static let comma = Array(", ".utf8)
        static let null = Array("null".utf8)
    }

    /// `{"id": "compliance.identify", "status": "`, built once per catalog id.
    static let idPrefixes: [String: [UInt8]] = Dictionary(
        IndicatorCatalog.ids.map { ($0, Array("{\"id\": \"\($0)\", \"status\": \"".utf8)) }, uniquingKeysWith: { first, _ in first })

    static func idPrefix(_ id: String) -> [UInt8] { idPrefixes[id] ?? Array("{\"id\": \"\(id)\", \"status\": \"".utf8) }

    static let statusText: [IndicatorStatus: [UInt8]] = Dictionary(
        IndicatorStatus.allCases.map { ($0, Array(($0.rawValue + "\", \"turns\": [").utf8)) }, uniquingKeysWith: { first, _ in first })

    /// `["P2.2.1", "K08"]`, built once per distinct list.
    static func codes(_ codes: [String]) -> [UInt8] {
        if let cached = codesCache[codes] { return cached }
        return Array(("[" + codes.map { "\"\($0)\"" }.joined(separator: ", ") + "]").utf8)
    }

    static let codesCache: [[String]: [UInt8]] = Dictionary(
        CompetencyCodes.byIndicator.values.map { ($0, Array(("[" + $0.map { "\"\($0)\"" }.joined(separator: ", ") + "]").utf8)) },
        uniquingKeysWith: { first, _ in first })

    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in value.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
