/// What a phrase in a turn signals. Customer acts start with `customer`, agent acts with
/// nothing; a lexicon phrase only counts in a turn of the speaker its act belongs to.
public enum Act: Int, CaseIterable, Sendable {
    // Customer
    case customerGreeting, customerDNC, customerComplaint, customerFeeling, customerHurry, customerNeed
    case customerAccept, customerRefuse, customerNewContactCue, customerContactWord, customerAccountWord
    case customerDemandSupervisor, customerDemandLegal, customerDemandCompensation, customerOtherProvider
    case objectionPrice, objectionNoNeed, objectionProvider, objectionNoTime, objectionThink, objectionDistrust
    case customerDemandCue, customerHowToApply
    case customerPaymentQuestion, customerWhoQuestion
    // Agent
    case selfName, companyCue, purpose, permission, offer, benefit, ask, readback, confirmQuestion
    case acknowledge, paraphraseLead, empathy, apology, thanksForRaising, blame, remedy, escalate
    case caseNumberCue, logged, contactCue, callback, courtesy, secretWord, cardNumberWord, requestCue
    case lastDigits, guarantee, governmentBody, freeClaim, freeQualifier, competitorRef, disparage
    case recording, coolingOffExplicit, sevenDays, cancelWord, payment, deliveryWord, dateTime, address
    case urgency, argue, alternative, timeAck, legitimacy, sendInfo, dncAccept, explain, check, yesNo
    case priceWord, openQuestionWord, greetingQuestion, pitchNegation, beyondAuthority
    case riskFree, investmentWord, refundWord, callingFrom, duration

    public var isCustomerAct: Bool { rawValue <= Act.customerWhoQuestion.rawValue }

    /// Acts about the words themselves (a date, a price, a question word), found in either speaker's turn.
    public var isSharedAct: Bool {
        switch self {
        case .openQuestionWord, .dateTime, .duration, .address, .priceWord, .payment, .deliveryWord, .yesNo: return true
        default: return false
        }
    }

    /// Acts cancelled by a negation just before them in the same clause (不保證, can't guarantee).
    public var isNegatable: Bool {
        switch self {
        case .guarantee, .riskFree, .freeClaim, .secretWord, .cardNumberWord, .offer, .disparage, .blame, .remedy,
             .customerDNC, .customerFeeling, .customerComplaint, .governmentBody, .escalate, .ask, .dncAccept:
            return true
        default:
            return false
        }
    }
}

/// A set of acts, one bit each.
public struct ActSet: Sendable, Hashable {
    public var bits: UInt128 = 0
    public init() {}
    @inline(__always) public func contains(_ act: Act) -> Bool { bits & (UInt128(1) << act.rawValue) != 0 }
    @inline(__always) public mutating func insert(_ act: Act) { bits |= UInt128(1) << act.rawValue }
    public func containsAny(_ acts: [Act]) -> Bool { acts.contains { contains($0) } }
}
