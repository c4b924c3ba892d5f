import CallsimCore

public enum IndicatorStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case hit, missed, violated, na
}

public enum IndicatorCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case compliance, listening, closing, complaint, records

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.compliance, .zhTW): return "法規遵循"
        case (.listening, .zhTW): return "傾聽與回應"
        case (.closing, .zhTW): return "銷售與結束"
        case (.complaint, .zhTW): return "客訴處理"
        case (.records, .zhTW): return "資料紀錄"
        case (.compliance, .en): return "Compliance"
        case (.listening, .en): return "Listening"
        case (.closing, .en): return "Closing"
        case (.complaint, .en): return "Complaints"
        case (.records, .en): return "Records"
        }
    }
}

/// A tiny call with the status an indicator must give it (the indicator's own test).
public struct IndicatorExample: Sendable {
    public var transcript: String
    public var expected: IndicatorStatus
    public var context: CallContext?

    public init(_ expected: IndicatorStatus, _ transcript: String, context: CallContext? = nil) {
        self.expected = expected
        self.transcript = transcript
        self.context = context
    }
}

/// What an indicator decided for one call.
public struct IndicatorVerdict: Sendable, Hashable {
    public var status: IndicatorStatus
    /// 1-based turn numbers that are the evidence.
    public var turns: [Int]

    public init(_ status: IndicatorStatus, _ turns: [Int] = []) {
        self.status = status
        self.turns = Array(Set(turns)).sorted()
    }

    public static let na = IndicatorVerdict(.na)
}

/// One behaviour indicator of the catalog. Each describes itself, carries examples in both
/// languages that the test suite runs, and a model line to suggest when it is missed.
public protocol Indicator: Sendable {
    var id: String { get }
    var name: [Language: String] { get }
    var category: IndicatorCategory { get }
    /// Codes of KPS5294-001v3 this indicator evidences.
    var codes: [String] { get }
    /// A violation fails the whole call.
    var critical: Bool { get }
    /// When it applies and how it is detected.
    var summary: String { get }
    var examples: [IndicatorExample] { get }
    var modelLines: [Language: String] { get }

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict
}

extension Indicator {
    public var critical: Bool { false }
    public func name(in language: Language) -> String { name[language] ?? id }
    public func modelLine(in language: Language) -> String { modelLines[language] ?? modelLines[.en] ?? "" }
}
