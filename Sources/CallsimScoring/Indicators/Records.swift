import CallsimCore

struct RecordsUpdateIndicator: Indicator {
    let id = "records.update"
    let name: [Language: String] = [.zhTW: "更新並複誦聯絡資料", .en: "Reads back new contact details"]
    let category = IndicatorCategory.records
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "When the customer gives new or corrected contact details (phone, address, e-mail). Hit when the agent reads the new details back to confirm them; account or order numbers are not contact details."
    let modelLines: [Language: String] = [.zhTW: "我念一次給您核對：0935-218-476，對嗎？", .en: "Let me read that back: 512-555-0147 — is that correct?"]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "C: 我手機有換，新的是0935-218-476。\nA: 好，我念一次：0935-218-476，對嗎？"),
        IndicatorExample(.missed, "C: 我手機有換，新的是0935-218-476。\nA: 好，幫您改好了。"),
        IndicatorExample(.na, "C: 我的訂單編號是HB0607-3318。\nA: 好的。"),
        IndicatorExample(.hit, "C: My new email is ann.lee@example.com.\nA: So that's a-n-n dot l-e-e at example dot com, correct?"),
        IndicatorExample(.missed, "C: My new email is ann.lee@example.com.\nA: Sure, I've changed that."),
        IndicatorExample(.na, "C: My member number is 30021877.\nA: Thanks."),
        IndicatorExample(.missed, "C: Please send it to my new address.\nA: What's the new address please?\nC: Flat 12B, 8 Sham Mong Road, Tai Kok Tsui.\nA: Okay, updated."),
        IndicatorExample(.hit, "C: 我搬家了，卡片寄到新地址。\nA: 請問新地址是？\nC: 台中市西屯區文心路三段100號5樓。\nA: 我跟您核對一下，台中市西屯區文心路三段100號5樓，對嗎？"),
        IndicatorExample(.hit, "C: 打我公司電話好了，02-2511-8890轉315。\nA: 好的，幫您記下公司電話02-2511-8890分機315。"),
        IndicatorExample(.hit, "C: Call my office instead, 020 7946 0321 ext. 42.\nA: So that's 020 7946 0321, extension 42, correct?"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        var given: [Int] = []
        for (i, turn) in call.turns.enumerated() where turn.speaker == .customer {
            let details: [String]
            if !turn.emails.isEmpty && turn.hasAny([.customerNewContactCue, .customerContactWord]) {
                details = turn.emails
            } else if !turn.phoneNumbers.isEmpty && turn.has(.customerNewContactCue) {
                details = turn.phoneNumbers
            } else if turn.has(.customerNewContactCue) && turn.has(.address) && turn.has(.customerContactWord) {
                details = []
            } else if turn.has(.address) && Self.askedForNewAddress(call, before: i) {
                // The address given in answer to "what's the new address?".
                details = []
            } else {
                continue
            }
            given.append(i)
            for reply in call.agentTurns(after: i, count: 2) {
                let readBack = details.isEmpty ? reply.hasAny([.readback, .confirmQuestion]) : Self.readsBack(details, in: reply)
                if readBack { return IndicatorVerdict(.hit, [turn.number, reply.number]) }
            }
        }
        return given.isEmpty ? .na : IndicatorVerdict(.missed, given.map { $0 + 1 })
    }

    static let addressWords = ["address", "地址", "住址"]

    /// The customer announced a new address, or the agent asked for it, just before turn `i`.
    static func askedForNewAddress(_ call: CallAnalysis, before i: Int) -> Bool {
        call.turns[max(0, i - 2)..<i].contains { turn in
            turn.speaker == .customer ? turn.has(.customerNewContactCue) && addressWords.contains { turn.contains($0) }
                : addressWords.contains { turn.contains($0) } && ["new", "新"].contains { turn.contains($0) } && (turn.isQuestion || turn.has(.requestCue))
        }
    }

    static let spokenSeparators: [[Unicode.Scalar]] = ["dot", "underscore", "dash", "hyphen"].map { Array($0.unicodeScalars) }

    /// The reply repeats a number or address, letters and digits only; a spelled-out address
    /// ("a-n-n dot l-e-e") compares once the spoken separators are gone.
    static func readsBack(_ details: [String], in reply: TurnAnalysis) -> Bool {
        let alnum = reply.normalized.filter { TurnFeatures.isLatin($0) || TurnFeatures.isDigit($0) }
        var spelled: [Unicode.Scalar] = []
        var i = 0
        while i < alnum.count {
            if let separator = spokenSeparators.first(where: { TurnFeatures.matchesAt(alnum, i, $0) }) {
                i += separator.count
                continue
            }
            spelled.append(alnum[i])
            i += 1
        }
        return details.contains { detail in
            let scalars = Array(detail.unicodeScalars)
            return !scalars.isEmpty
                && (TurnFeatures.find(scalars, in: alnum, from: 0) != nil || TurnFeatures.find(scalars, in: spelled, from: 0) != nil)
        }
    }
}
