import CallsimCore

/// Complaint indicators apply only when the customer complains about the agent's organisation
/// or its product or service (a complaint about a competitor does not count).
struct ComplaintPositiveIndicator: Indicator {
    let id = "complaint.positive"
    let name: [Language: String] = [.zhTW: "正面回應抱怨", .en: "Responds positively"]
    let category = IndicatorCategory.complaint
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Complaint calls. Hit when the agent's first reply to the complaint apologises or thanks the customer for raising it, without blame; violated when it blames the customer or argues (那是您自己的問題 / that's not our fault); missed when it is neutral."
    let modelLines: [Language: String] = [.zhTW: "真的很抱歉造成您的不便，謝謝您告訴我們。", .en: "I'm really sorry about that, and thank you for letting us know."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# direction: inbound\nA: 您好，好買網客服敝姓林。\nC: 我訂的東西寄錯了，很火大！\nA: 真的很抱歉，謝謝您告訴我們。"),
        IndicatorExample(.violated, "# direction: inbound\nA: 您好，好買網客服敝姓林。\nC: 我訂的東西寄錯了！\nA: 應該是您自己點錯了吧。"),
        IndicatorExample(.missed, "# direction: inbound\nA: 您好，好買網客服敝姓林。\nC: 我訂的東西寄錯了！\nA: 請給我訂單編號。"),
        IndicatorExample(.na, "# direction: inbound\nA: 您好，好買網客服敝姓林。\nC: 我想查訂單進度。"),
        IndicatorExample(.hit, "# direction: inbound\nA: Thanks for calling, this is Sam.\nC: You still charged my card after I cancelled!\nA: I'm so sorry about that."),
        IndicatorExample(.violated, "# direction: inbound\nA: Thanks for calling, this is Sam.\nC: You sent me the wrong item!\nA: You must have ordered the wrong one, that's not our fault."),
        IndicatorExample(.missed, "# direction: inbound\nA: Thanks for calling, this is Sam.\nC: You still charged my card after I cancelled!\nA: Can I have your account number?"),
        IndicatorExample(.na, "# direction: inbound\nA: Thanks for calling, this is Sam.\nC: I'd like to check my balance."),
        IndicatorExample(.violated, "# direction: inbound\nA: 您好，鮮達物流客服敝姓周。\nC: 我訂的冷凍水餃送來都退冰了！\nA: 會退冰應該是您收貨之後沒有馬上放冰箱吧。"),
        IndicatorExample(.violated, "# direction: inbound\nA: Thanks for calling, this is Sam.\nC: The salmon arrived thawed!\nA: You probably didn't put it in the freezer straight away."),
        IndicatorExample(.na, "# direction: outbound\nA: Hi, this is Carlos from Lumen Mobile, calling about our switch offer. Is now a good time?\nC: I'm so fed up with my carrier. Their support kept me on hold for an hour.\nA: I'm sorry to hear that."),
        IndicatorExample(.na, "# direction: inbound\nA: Good afternoon, Harbourline Bank, this is Kelvin speaking.\nC: Hi, I think I lost my credit card this morning. I'm quite worried someone will use it.\nA: I'm sorry to hear that, let me block it right away."),
        IndicatorExample(.na, "# direction: inbound\nA: 您好，萬安產險客服，敝姓周。\nC: 我上禮拜出車禍，很擔心理賠要怎麼申請。\nA: 別擔心，我跟您說明理賠流程。"),
        IndicatorExample(.hit, "# direction: inbound\nA: 萬程旅行社客服中心您好，敝姓蘇。\nC: 我報名的北海道團突然說人數不足取消了！我假都請好了，你叫我怎麼辦？\nA: 真的非常抱歉，我完全可以理解您現在有多生氣。"),
        IndicatorExample(.hit, "# direction: inbound\nA: Sunward Holidays, this is Amy.\nC: You cancelled my tour two weeks before departure! What am I supposed to do now?\nA: I'm so sorry, I completely understand how upsetting that is."),
        IndicatorExample(.hit, "# direction: inbound\nA: 您好，宏遠電信客服。\nC: 我家網路已經斷四天了！你們到底要不要處理啊？\nA: 真的很抱歉，我馬上幫您查。"),
        IndicatorExample(.hit, "# direction: inbound\nA: Thanks for calling, this is Sam.\nC: My internet has been down for four days.\nA: I'm so sorry about that."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard let complaint = call.complaint else { return .na }
        guard let reply = call.agentTurns(after: complaint, count: 1).first else { return IndicatorVerdict(.missed, [complaint + 1]) }
        if reply.has(.blame) { return IndicatorVerdict(.violated, [reply.number]) }
        if reply.hasAny([.apology, .thanksForRaising]) { return IndicatorVerdict(.hit, [reply.number]) }
        return IndicatorVerdict(.missed, [reply.number])
    }
}

struct ComplaintKeyPointsIndicator: Indicator {
    let id = "complaint.key_points"
    let name: [Language: String] = [.zhTW: "掌握客訴重點", .en: "Confirms the key points"]
    let category = IndicatorCategory.complaint
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Complaint calls. Hit when the agent restates the facts of the complaint (what, when, which order or bill) to confirm them."
    let modelLines: [Language: String] = [.zhTW: "跟您確認一下：您上週五訂的氣炸鍋，收到的卻是電熱水壺，是這樣嗎？", .en: "So the June bill came to $412, when it's usually about $140 — is that right?"]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# direction: inbound\nC: 我家網路從禮拜六就連不上，很火大！\nA: 跟您確認一下，是從禮拜六開始網路就連不上，對嗎？"),
        IndicatorExample(.missed, "# direction: inbound\nC: 我家網路從禮拜六就連不上，很火大！\nA: 好，我幫您處理。"),
        IndicatorExample(.na, "# direction: inbound\nC: 我想辦出國漫遊。\nA: 好的。"),
        IndicatorExample(.hit, "# direction: inbound\nC: My June bill is $412, it's usually $140. I'm really upset.\nA: So the June bill is $412 when it's normally $140, is that right?"),
        IndicatorExample(.missed, "# direction: inbound\nC: My June bill is $412, it's usually $140. I'm really upset.\nA: Okay, let me look."),
        IndicatorExample(.na, "# direction: inbound\nC: I'd like to add a line.\nA: Sure."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard let complaint = call.complaint else { return .na }
        var tokens = TokenSet()
        for turn in call.turns[complaint...] {
            if turn.speaker == .customer { tokens.formUnion(turn.contentTokens); continue }
            if call.isParaphrase(turn, of: tokens) { return IndicatorVerdict(.hit, [turn.number]) }
        }
        return IndicatorVerdict(.missed, [complaint + 1])
    }
}

struct ComplaintResolveIndicator: Indicator {
    let id = "complaint.resolve"
    let name: [Language: String] = [.zhTW: "提出具體解決方案", .en: "Offers a concrete remedy"]
    let category = IndicatorCategory.complaint
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Complaint calls. Hit when the agent offers a concrete remedy (refund, replacement, repair, credit, technician visit, waiver) with a time frame or next step; a refused remedy (沒辦法退費) does not count."
    let modelLines: [Language: String] = [.zhTW: "我現在幫您安排換貨，新的氣炸鍋明天下午會送到。", .en: "I'm putting a refund through now; it'll reach your card within five business days."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# direction: inbound\nC: 網路斷線三天了，很火大！\nA: 我幫您排工程師明天上午到府檢查。"),
        IndicatorExample(.missed, "# direction: inbound\nC: 網路斷線三天了，很火大！\nA: 這部分沒辦法退費喔。"),
        IndicatorExample(.na, "# direction: inbound\nC: 我想問方案。\nA: 好的。"),
        IndicatorExample(.hit, "# direction: inbound\nC: You overcharged me again!\nA: I'm putting a refund through now, it'll show within five business days."),
        IndicatorExample(.missed, "# direction: inbound\nC: You overcharged me again!\nA: I'll pass on your feedback."),
        IndicatorExample(.na, "# direction: inbound\nC: How do I add a line?\nA: I can do that."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard let complaint = call.complaint else { return .na }
        // A remedy the scenario allows counts in its own words too.
        let allowed = call.context.allowedRemedies.map { TextNormalizer.scalars($0) }.filter { $0.count >= 2 }
        let offersRemedy: (TurnAnalysis) -> Bool = { turn in
            turn.has(.remedy) || allowed.contains { TurnFeatures.find($0, in: turn.normalized, from: 0) != nil }
        }
        if let turn = call.agentTurnsAfter(complaint).first(where: { offersRemedy($0) && ($0.has(.dateTime) || $0.hasDate || $0.normalized.contains(where: TurnFeatures.isDigit)) }) {
            return IndicatorVerdict(.hit, [turn.number])
        }
        return IndicatorVerdict(.missed, [complaint + 1])
    }
}

struct ComplaintEscalateIndicator: Indicator {
    let id = "complaint.escalate"
    let name: [Language: String] = [.zhTW: "適時轉介權責人員", .en: "Escalates when needed"]
    let category = IndicatorCategory.complaint
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "When the complaining customer demands what is beyond the agent's authority (a supervisor, compensation beyond policy, legal action). Hit when the agent hands the case to a supervisor or responsible unit and says who will follow up and when."
    let modelLines: [Language: String] = [.zhTW: "這部分我馬上轉給客服主管，她會在明天下午五點前回電給您。", .en: "I'm escalating this to my manager, who will call you by end of day Thursday."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# direction: inbound\nC: 寄錯東西！叫你們主管來聽！\nA: 我現在轉給客服主管，她明天下午五點前會回電給您。"),
        IndicatorExample(.missed, "# direction: inbound\nC: 寄錯東西！叫你們主管來聽！\nA: 主管在開會，沒空接。"),
        IndicatorExample(.na, "# direction: inbound\nC: 寄錯東西了！\nA: 很抱歉，我馬上補寄。"),
        IndicatorExample(.hit, "# direction: inbound\nC: You overcharged me, I want a manager!\nA: I'm escalating this to my manager, she'll call you by Thursday."),
        IndicatorExample(.missed, "# direction: inbound\nC: You overcharged me, I want a manager!\nA: There's no manager available."),
        IndicatorExample(.na, "# direction: inbound\nC: You overcharged me!\nA: Sorry, I'll refund it today."),
        IndicatorExample(.hit, "# direction: inbound\nC: You charged me twice! I want you to cover my overdraft fee too.\nA: I'm sorry. I can't authorise that myself, so I'm passing it to our Customer Relations team: a case manager will call you by 5 pm tomorrow."),
        IndicatorExample(.hit, "# direction: inbound\nC: You charged me twice and I want a manager.\nA: I'm sorry. I'll pass your request to a manager, and she will call you back by 5 pm tomorrow."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard let complaint = call.complaint else { return .na }
        // Compensation the scenario lets the agent grant is within authority; a supervisor or legal threat never is.
        let allowed = call.context.allowedRemedies.map { TextNormalizer.scalars($0) }.filter { $0.count >= 2 }
        let beyondAuthority: (TurnAnalysis) -> Bool = { turn in
            // 「好，你們主管要真的去聽錄音喔」 accepts a hand-off already made; it asks for nothing new.
            if let accept = turn.firstPosition(of: [.customerAccept]), accept <= 1, !turn.hasAny([.customerDemandCue, .customerDemandLegal]) { return false }
            if turn.hasAny([.customerDemandSupervisor, .customerDemandLegal]) { return true }
            guard turn.has(.customerDemandCompensation), turn.has(.customerDemandCue) else { return false }
            return !allowed.contains { TurnFeatures.find($0, in: turn.normalized, from: 0) != nil }
        }
        // Or the agent says the request is beyond them.
        let agentSaysBeyond: (Int) -> Bool = { i in call.agentTurns(after: i, count: 1).first?.has(.beyondAuthority) ?? false }
        guard let demand = call.turns.indices.first(where: { i in
            i >= complaint && call.turns[i].speaker == .customer && (beyondAuthority(call.turns[i]) || agentSaysBeyond(i))
        }) else { return .na }
        if let turn = call.agentTurnsAfter(demand).first(where: { $0.has(.escalate) && ($0.hasAny([.dateTime, .callback]) || $0.hasDate) }) {
            return IndicatorVerdict(.hit, [turn.number])
        }
        return IndicatorVerdict(.missed, [demand + 1])
    }
}

struct ComplaintRecordIndicator: Indicator {
    let id = "complaint.record"
    let name: [Language: String] = [.zhTW: "記錄客訴並告知", .en: "Records the complaint"]
    let category = IndicatorCategory.complaint
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Complaint calls. Hit when the agent gives a case or reference number, or says the complaint is logged and who will follow up when; a vague promise (we'll look into it) is missed."
    let modelLines: [Language: String] = [.zhTW: "我已經幫您登記，案件編號是TK-0617-0045，明天會有專人回電。", .en: "I've logged this under reference FF-88213, and someone will call you by Thursday."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# direction: inbound\nC: 網路又斷線了！\nA: 已經幫您登記，案件編號是TK-0617-0045。"),
        IndicatorExample(.missed, "# direction: inbound\nC: 網路又斷線了！\nA: 我們會再了解看看。"),
        IndicatorExample(.na, "# direction: inbound\nC: 我想問帳單日期。\nA: 每月5號。"),
        IndicatorExample(.hit, "# direction: inbound\nC: I was overcharged again!\nA: I've logged it under reference FF-88213."),
        IndicatorExample(.missed, "# direction: inbound\nC: I was overcharged again!\nA: We'll look into it."),
        IndicatorExample(.na, "# direction: inbound\nC: When is my bill due?\nA: On the 5th."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard let complaint = call.complaint else { return .na }
        for turn in call.agentTurnsAfter(complaint) {
            if turn.hasCaseCode && (turn.has(.caseNumberCue) || turn.has(.logged)) { return IndicatorVerdict(.hit, [turn.number]) }
            // "ticket number is 4471", "案件編號是20240615001": a number right after the cue.
            let numbered = turn.matchesOf(.caseNumberCue).contains { cue in
                var digits = 0
                for s in turn.normalized[cue.end..<min(turn.normalized.count, cue.end + 16)] where TurnFeatures.isDigit(s) { digits += 1 }
                return digits >= 4
            }
            if numbered { return IndicatorVerdict(.hit, [turn.number]) }
            if turn.has(.logged) && (turn.hasAny([.dateTime, .callback]) || turn.hasDate) { return IndicatorVerdict(.hit, [turn.number]) }
        }
        return IndicatorVerdict(.missed, [complaint + 1])
    }
}
