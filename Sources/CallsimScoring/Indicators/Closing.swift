import CallsimCore

struct BenefitIndicator: Indicator {
    /// A sentence naming three or more things: "a, b and c" or 「a、b、c」.
    static func listsFeatures(_ turn: TurnAnalysis) -> Bool {
        let t = turn.normalized
        for range in turn.sentences {
            let sentence = Array(t[range])
            if sentence.filter({ $0 == "、" }).count >= 2 { return true }
            if let and = TurnFeatures.find(Array(" and ".unicodeScalars), in: sentence, from: 0) {
                let before = sentence[..<and]
                if before.filter({ $0 == "," }).count >= 2, let lastComma = before.lastIndex(of: ","), and - lastComma < 30 { return true }
            }
        }
        return false
    }

    let id = "closing.benefit"
    let name: [Language: String] = [.zhTW: "說明產品利益", .en: "Explains a benefit"]
    let category = IndicatorCategory.closing
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Outbound sales calls that reach the offer. Hit when the agent explains at least one feature or benefit of the product (吃到飽, 保固三年, saves you, comes with); name, price and popularity alone are not benefits."
    let modelLines: [Language: String] = [.zhTW: "這個方案上網吃到飽不降速，通勤追劇也不用再加購流量。", .en: "It includes unlimited data, so you won't need to buy top-ups on your commute."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# direction: outbound\nC: 你說。\nA: 這個方案月租599元，上網吃到飽不降速。"),
        IndicatorExample(.missed, "# direction: outbound\nC: 你說。\nA: 這組三盒6800元，很多長輩都有訂。"),
        IndicatorExample(.na, "# direction: outbound\nC: 喂？\nA: 您好，我是遠星電信的王小明，晚點再打給您。"),
        IndicatorExample(.hit, "# direction: outbound\nC: Go on.\nA: It's $30 a month and includes unlimited data."),
        IndicatorExample(.missed, "# direction: outbound\nC: Go on.\nA: It's $30 a month, lots of people have it."),
        IndicatorExample(.na, "# direction: inbound\nA: Thanks for calling Northwind, this is Sam.\nC: What's my balance?\nA: It's $42."),
        IndicatorExample(.hit, "# direction: outbound\nC: Hello?\nA: Our program is five visits a year, fertilizing, weed control and aeration, at $49 a visit."),
        IndicatorExample(.hit, "# direction: outbound\nC: 喂？\nA: 我們的方案每年到府五次，施肥、除草、打洞都包，一次1500元。"),
        IndicatorExample(.hit, "# direction: outbound\nC: Okay.\nA: Our box comes with all the ingredients pre-portioned, and the trial box is totally free, you just try first."),
        IndicatorExample(.hit, "# direction: outbound\nC: 好。\nA: 我們的體驗組食材都幫您配好，二十分鐘就能上菜，現在完全免費。"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard call.direction == .outbound, call.firstOffer != nil else { return .na }
        if let turn = call.agentTurns.first(where: { $0.has(.benefit) }) { return IndicatorVerdict(.hit, [turn.number]) }
        // What the product does, listed ("fertilizing, weed control and aeration" / 「施肥、除草、打洞」).
        if let turn = call.agentTurnsFromOffer.first(where: Self.listsFeatures) { return IndicatorVerdict(.hit, [turn.number]) }
        return IndicatorVerdict(.missed, call.firstOffer.map { [$0 + 1] } ?? [])
    }
}

struct ObjectionIndicator: Indicator {
    let id = "closing.objection"
    let name: [Language: String] = [.zhTW: "處理顧客異議", .en: "Handles objections"]
    let category = IndicatorCategory.closing
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "When the customer objects to an offer (price, no need, already has a provider, no time, needs to think, distrust); not a do-not-call request, nor a complainant rejecting a remedy. Hit when the agent's next turn answers each objection with information that fits it, an alternative, or a question about it; missed when one is ignored or met with the unchanged pitch or pressure."
    let modelLines: [Language: String] = [.zhTW: "價格確實要考慮，我們另外有月租599的方案，以您的用量其實很夠用。", .en: "That's fair on price — we also have a smaller plan at $20 that would cover what you use."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# direction: outbound\nA: 這個方案月租799元。\nC: 有點貴耶。\nA: 價格確實要考慮，另外有月租599的方案。"),
        IndicatorExample(.missed, "# direction: outbound\nA: 這組三盒6800元。\nC: 我要先跟我太太商量一下。\nA: 這組三盒6800元，名額有限，今天就幫您訂好不好？"),
        IndicatorExample(.na, "# direction: outbound\nA: 這個方案月租799元。\nC: 好，幫我辦。"),
        IndicatorExample(.hit, "# direction: outbound\nA: It's $65 a month.\nC: That's too expensive for us.\nA: I understand. We also have a $45 plan that would cover your usage."),
        IndicatorExample(.missed, "# direction: outbound\nA: It's $65 a month.\nC: I need to talk to my wife first.\nA: It's a limited time offer, shall I sign you up today?"),
        IndicatorExample(.na, "# direction: outbound\nA: It's $65 a month.\nC: Sounds good, sign me up."),
        IndicatorExample(.hit, "# direction: outbound\nC: Hello?\nA: Boiler cover is £14.50 a month. Shall I set that up?\nC: Is there a minimum term? I don't want to be tied in.\nA: It's a rolling monthly plan, so you can cancel any time with thirty days' notice."),
        IndicatorExample(.missed, "# direction: outbound\nC: Hello?\nA: The review costs £150. Shall I book you in?\nC: A hundred and fifty pounds? That's a lot.\nA: Okay. Shall I book you in?"),
        IndicatorExample(.missed, "# direction: outbound\nC: 喂？\nA: 我們專案信貸利率1.88%，要不要幫您辦？\nC: 我覺得怪怪的，我自己去分行問好了。\nA: 好吧。"),
        IndicatorExample(.na, "# direction: outbound\nC: 喂？\nA: 請問您家裡平常怎麼買菜？\nC: 我跟我先生還有兩個小孩，平常都自己煮。\nA: 我們蔬菜箱一箱880元，要不要幫您訂？\nC: 好啊，幫我訂。\nA: 好的，謝謝您。"),
        IndicatorExample(.hit, "# direction: outbound\nA: 升級300M月租899元。\nC: 多兩百喔…\nA: 多兩百可以換三倍速度，前六個月還打八折，只要719元。"),
        IndicatorExample(.missed, "# direction: outbound\nA: 熱水器補助方案三萬八。\nC: 我還是等我兒子回來問他好了。\nA: 那我幫您排這禮拜六安裝好不好？"),
        IndicatorExample(.hit, "# direction: outbound\nA: 這門課一期兩萬四。\nC: 兩萬四喔…有點貴欸。\nA: 這個月報名加送四堂一對一會話課。"),
        IndicatorExample(.missed, "# direction: outbound\nA: The annual plan is $99.\nC: I don't really watch that much anymore.\nA: So shall I renew it for you?"),
        IndicatorExample(.na, "# direction: outbound\nA: What are you paying now?\nC: I'm paying $160 a month right now with another company.\nA: We can do it for $118."),
        IndicatorExample(.na, "# direction: outbound\nA: What do you do for dinner?\nC: We both work late, no time to go to the market.\nA: Our box comes with everything pre-portioned."),
        IndicatorExample(.na, "# direction: outbound\nA: We can cover you for $118 a month.\nC: That's a lot better. What's the deductible?\nA: $500."),
        IndicatorExample(.missed, "# direction: outbound\nA: The annual plan is $99 a year.\nC: I don't really watch that much anymore.\nA: Well, $99 a year is a really good deal though. Do you want me to switch you over?"),
        IndicatorExample(.missed, "# direction: outbound\nA: 年繳方案1490元。\nC: 我沒有要換，不需要。\nA: 一年才1490元而已啦，要不要幫您換？"),
        IndicatorExample(.hit, "# direction: outbound\nA: 升級鈦金卡年費2400元。\nC: 那卡號會換嗎 我很多自動扣繳都綁這張 換卡很麻煩\nA: 了解 卡號不會換 只是換卡面跟權益 所有扣繳都不用改"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        if call.direction == .inbound && call.complaint != nil { return .na }
        var raised: [Int] = []
        var ignored: [Int] = []
        var answered: [Int] = []
        for (i, turn) in call.turns.enumerated() where turn.speaker == .customer && !turn.has(.customerDNC) {
            let kinds = Self.kinds.filter { turn.has($0) && !Self.isNeutral($0, in: turn, answering: call.turns[..<i].last { $0.speaker == .agent }) }
            if kinds.isEmpty { continue }
            if call.direction == .inbound && call.firstOffer.map({ $0 > i }) ?? true { continue }
            raised.append(i)
            guard let reply = call.agentTurns(after: i, count: 1).first else { continue }
            let earlier = call.turns[..<i].filter { $0.speaker == .agent }.reduce(into: TokenSet()) { $0.formUnion($1.contentTokens) }
            let fresh = reply.contentTokens.subtracting(earlier).subtracting(turn.contentTokens)
            let unchanged = !reply.contentTokens.isEmpty && Double(fresh.count) < Double(reply.contentTokens.count) * 0.35
            let asksAboutIt = reply.questions.contains { range in
                !reply.matches.contains { range.contains($0.start) && [.ask, .permission].contains($0.act) }
            }
            let general = reply.has(.alternative) || asksAboutIt
            let allMet = kinds.allSatisfy { kind in
                if general && !unchanged { return true }
                switch kind {
                case .objectionPrice:
                    // A figure, a cheaper way, or news about the cost (the fee is refunded if…).
                    // …or added value (four bonus lessons, 多送).
                    return reply.hasMoney || reply.has(.priceWord) || reply.has(.alternative) || (!unchanged && reply.hasAny([.refundWord, .benefit]))
                case .objectionNoNeed, .objectionProvider, .objectionThink:
                    // New information or a way to decide later, not pressure.
                    return !unchanged && !reply.has(.urgency)
                        // The price repeated ("$99 is a really good deal though") is insistence, not news about the need.
                        && (reply.hasAny([.benefit, .explain, .sendInfo, .timeAck, .callback, .check]) || (reply.hasMoney && kind != .objectionNoNeed))
                case .objectionNoTime: return reply.hasAny([.timeAck, .callback])
                case .objectionDistrust: return reply.hasAny([.legitimacy, .explain]) && !unchanged
                default: return false
                }
            }
            if allMet && !reply.hasAny([.argue]) { answered.append(reply.number) } else { ignored.append(turn.number) }
        }
        guard !raised.isEmpty else { return .na }
        return ignored.isEmpty ? IndicatorVerdict(.hit, answered) : IndicatorVerdict(.missed, ignored)
    }

    /// What the customer pays now, or the company they are with, said in answer to the agent's question, is
    /// information, not an objection; "no time to go to the market" describes a routine, not this call.
    static func isNeutral(_ kind: Act, in turn: TurnAnalysis, answering question: TurnAnalysis?) -> Bool {
        let said = turn.matchesOf(kind).map { String(String.UnicodeScalarView(turn.normalized[$0.start..<$0.end])) }
        switch kind {
        case .objectionPrice, .objectionProvider:
            // "That's a lot better": a comparison, not the price.
            if kind == .objectionPrice && turn.matchesOf(kind).allSatisfy({ match in
                let after = String(String.UnicodeScalarView(turn.normalized[match.end...].prefix(10)))
                return [" better", " cheaper", " nicer", " more like it"].contains { after.hasPrefix($0) }
            }) { return true }
            guard question?.isQuestion ?? false else { return false }
            return said.allSatisfy { neutralFacts.contains($0) }
        case .objectionNoTime: return isRoutine(kind, in: turn)
        default: return false
        }
    }

    /// Every "no time" in the turn is "no time to <do something else>", not to talk now.
    static func isRoutine(_ act: Act, in turn: TurnAnalysis) -> Bool {
        turn.matchesOf(act).allSatisfy { match in
            let after = String(String.UnicodeScalarView(turn.normalized[match.end...].prefix(12)))
            return after.hasPrefix(" to ") && !["talk", "chat", "listen", "speak", "hear"].contains { after.dropFirst(4).hasPrefix($0) }
        }
    }

    static let neutralFacts: Set<String> = ["i'm paying", "i pay", "we pay", "we're paying", "another company", "i'm with", "we're with", "i'm on", "we're on"]

    static let kinds: [Act] = [.objectionPrice, .objectionNoNeed, .objectionProvider, .objectionNoTime, .objectionThink, .objectionDistrust]
}

struct AskIndicator: Indicator {
    let id = "closing.ask"
    let name: [Language: String] = [.zhTW: "主動促成交易", .en: "Asks for the commitment"]
    let category = IndicatorCategory.closing
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Outbound sales calls that reach the offer and have no do-not-call request. Hit when the agent explicitly asks for the commitment (要不要幫您辦理？ / shall I sign you up?); 'think it over' or 'take a look' is not an ask."
    let modelLines: [Language: String] = [.zhTW: "那我現在就幫您登記這個方案，好嗎？", .en: "Shall I go ahead and sign you up for that today?"]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# direction: outbound\nA: 這台特價9990元，保固三年。要不要幫您訂一台？\nC: 好。"),
        IndicatorExample(.missed, "# direction: outbound\nA: 這組三盒6800元，您可以參考看看。\nC: 再說。"),
        IndicatorExample(.na, "# direction: outbound\nA: 這台特價9990元。\nC: 不要再打來了。\nA: 好的，幫您從名單移除。"),
        IndicatorExample(.hit, "# direction: outbound\nA: It's $65 a month. Want me to go ahead and set that up for you?\nC: Yes."),
        IndicatorExample(.missed, "# direction: outbound\nA: It's $65 a month. Have a think about it.\nC: Okay."),
        IndicatorExample(.na, "# direction: outbound\nA: It's $65 a month.\nC: Take me off your list.\nA: Of course, done."),
        IndicatorExample(.hit, "# direction: outbound\nC: 喂？\nA: 我們的英文家教一對一，一堂800元，要不要幫小朋友報名？"),
        IndicatorExample(.hit, "# direction: outbound\nC: 喂？\nA: 這檔基金可以定期定額，您會想先從每個月三千元開始嗎？"),
        IndicatorExample(.hit, "# direction: outbound\nC: Hello?\nA: Our Unlimited plan is $45 a month. Would you like to switch today?"),
        IndicatorExample(.hit, "# direction: outbound\nC: Hello?\nA: The softener is $29 a month. Want me to get one set up for you?"),
        IndicatorExample(.hit, "# direction: outbound\nA: 熱泵熱水器可以省七成能源費用，一台38000元。那我幫您排這禮拜六安裝好不好？\nC: 我再想想。"),
        IndicatorExample(.hit, "# direction: outbound\nA: The annual plan is $99 and saves you $30. Do you want me to switch you over?\nC: Yeah, fine."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard call.direction == .outbound, call.firstOffer != nil, call.dncRequest == nil else { return .na }
        if let turn = call.agentTurns.first(where: { $0.has(.ask) }) { return IndicatorVerdict(.hit, [turn.number]) }
        return IndicatorVerdict(.missed)
    }
}

struct ConfirmIndicator: Indicator {
    let id = "closing.confirm"
    let name: [Language: String] = [.zhTW: "確認交易內容", .en: "Confirms the order"]
    let category = IndicatorCategory.closing
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "When a sale is agreed. Hit when the agent reads back what was agreed (the product or plan and the price or quantity) and asks the customer to confirm."
    let modelLines: [Language: String] = [.zhTW: "跟您核對一下：暢享599方案，月租599元，綁約24個月，這樣沒問題嗎？", .en: "Just to confirm: that's the Fiber 500 plan at $65 a month on a 12-month agreement — is that right?"]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# outcome: sale\nC: 好，幫我辦。\nA: 跟您核對一下：599方案，月租599元，綁約24個月，這樣沒問題嗎？"),
        IndicatorExample(.missed, "# outcome: sale\nC: 好，幫我辦。\nA: 好的，那付款方式要刷卡嗎？"),
        IndicatorExample(.na, "# outcome: no-sale\nC: 不用了。\nA: 好的，謝謝您。"),
        IndicatorExample(.hit, "# outcome: sale\nC: Yes, let's do it.\nA: So to recap: Fiber 500 at $65 a month. Does that all sound right?"),
        IndicatorExample(.missed, "# outcome: sale\nC: Yes, let's do it.\nA: Great, how would you like to pay?"),
        IndicatorExample(.na, "# outcome: no-sale\nC: No thanks.\nA: No problem, thanks for your time."),
        IndicatorExample(.missed, "# outcome: sale\nA: 要不要幫您加開影音包？\nC: 好，幫我辦。\nA: 好的，跟您確認一下：幫您加開影音加值包，這樣對嗎？"),
        IndicatorExample(.missed, "# outcome: sale\nA: Shall I add the sports pack?\nC: Yes, let's do it.\nA: So to confirm, that's the sports pack, is that right?"),
        IndicatorExample(.hit, "# outcome: sale\nC: 好啦 年繳好了\nA: 好 那我幫您把方案改成年繳1490元 用您原本綁定的信用卡扣款 這樣可以嗎\nC: 可以"),
        IndicatorExample(.hit, "# outcome: sale\nC: Okay, I'll switch.\nA: Great, the annual plan at $99 a year, billed to the card on file, correct?\nC: Yes."),
    ]

    /// Tags that ask the customer to confirm what was just read back (這樣可以嗎 after the terms).
    static let confirmTags = ["這樣可以嗎", "這樣沒問題", "這樣對嗎", "這樣ok嗎", "沒錯吧", "correct?", "is that right", "sound right", "sounds right", "all good?"]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard call.saleAgreed else { return .na }
        let afterSale = Set(call.agentTurnsAfterSale.map(\.number))
        for turn in call.agentTurnsClosingSale {
            let tagged = Self.confirmTags.contains(where: { turn.contains($0) })
            // Before the acceptance only a read-back closed by a confirming tag counts; "要不要幫您訂？" asks.
            guard afterSale.contains(turn.number) ? (tagged || turn.hasAny([.readback, .paraphraseLead])) : tagged else { continue }
            // The product alone is not a read-back of what was agreed: it needs the price or a quantity.
            let digits = turn.normalized.filter(TurnFeatures.isDigit).count
            let quantity = digits > turn.phoneNumbers.reduce(0) { $0 + $1.count } // a number that is not a phone number read back
            let namesTerms = turn.hasMoney || turn.has(.priceWord) || quantity
            if namesTerms && (turn.isQuestion || turn.has(.confirmQuestion) || tagged) { return IndicatorVerdict(.hit, [turn.number]) }
        }
        return IndicatorVerdict(.missed, call.saleTurn.map { [$0 + 1] } ?? [])
    }
}

struct PaymentIndicator: Indicator {
    let id = "closing.payment"
    let name: [Language: String] = [.zhTW: "確認付款方式", .en: "Settles payment"]
    let category = IndicatorCategory.closing
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "When a sale is agreed. Hit when, after the customer agrees, the agent settles how the customer will pay (offers options or confirms the method: 刷卡 / 貨到付款 / on your bill / direct debit)."
    let modelLines: [Language: String] = [.zhTW: "付款方式您要刷卡分期，還是貨到付款呢？", .en: "How would you like to pay — card, or added to your monthly bill?"]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# outcome: sale\nC: 好，幫我訂。\nA: 付款方式您要刷卡還是貨到付款？"),
        IndicatorExample(.missed, "# outcome: sale\nC: 好，幫我訂。\nA: 好的，謝謝您。"),
        IndicatorExample(.na, "# outcome: no-sale\nC: 不用了。\nA: 好的，謝謝。"),
        IndicatorExample(.hit, "# outcome: sale\nC: Yes, go ahead.\nA: It'll be added to your monthly bill by direct debit."),
        IndicatorExample(.missed, "# outcome: sale\nC: Yes, go ahead.\nA: Great, thank you."),
        IndicatorExample(.na, "# outcome: no-sale\nC: No thanks.\nA: Okay, thanks."),
        IndicatorExample(.hit, "# outcome: sale\nC: 好\nA: 好 那幫您升級 年費2400元 會列在您的信用卡帳單上 這樣沒問題吧\nC: 沒問題"),
        IndicatorExample(.hit, "# outcome: sale\nC: Okay.\nA: So the annual plan, $99 a year, charged to the card on file, correct?\nC: Yes."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard call.saleAgreed else { return .na }
        // The read-back the customer agrees to may settle the method (用您原本綁定的信用卡扣款, billed to the card on file).
        let readBack = call.agentTurnsClosingSale.first.map { turn in
            call.agentTurnsAfterSale.contains { $0.number == turn.number } || turn.has(.readback) || ConfirmIndicator.confirmTags.contains { turn.contains($0) }
        } ?? false
        let turns = readBack ? call.agentTurnsClosingSale : call.agentTurnsAfterSale
        if let turn = turns.first(where: { $0.has(.payment) }) { return IndicatorVerdict(.hit, [turn.number]) }
        return IndicatorVerdict(.missed, call.saleTurn.map { [$0 + 1] } ?? [])
    }
}

struct DeliveryIndicator: Indicator {
    let id = "closing.delivery"
    let name: [Language: String] = [.zhTW: "約定交貨或開通", .en: "Settles delivery or activation"]
    let category = IndicatorCategory.closing
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "When a sale is agreed. Hit when the agent settles delivery, installation or activation with a date, time or address ('as soon as possible' alone is not settled)."
    let modelLines: [Language: String] = [.zhTW: "商品會在6月20號下午送到您登記的地址，這個時間方便嗎？", .en: "The engineer can install it on Saturday the 22nd between 8 and 11 a.m. — does that work?"]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# outcome: sale\nC: 好，幫我辦。\nA: 7月1號開始生效。"),
        IndicatorExample(.missed, "# outcome: sale\nC: 好，幫我訂。\nA: 我們會盡快幫您安排出貨。"),
        IndicatorExample(.na, "# outcome: no-sale\nC: 不用了。\nA: 好的，謝謝。"),
        IndicatorExample(.hit, "# outcome: sale\nC: Yes, go ahead.\nA: The installer will come on Saturday, June 22nd, between 8 and 11 a.m."),
        IndicatorExample(.missed, "# outcome: sale\nC: Yes, go ahead.\nA: We'll ship it soon."),
        IndicatorExample(.na, "# outcome: no-sale\nC: No thanks.\nA: Okay, thanks."),
        IndicatorExample(.hit, "# outcome: sale\nA: Shall I set that up?\nC: Yes, let's do it.\nA: The engineer can come on Tuesday the 9th of December, between 8 and 12."),
        IndicatorExample(.missed, "# outcome: sale\nA: Shall I set that up?\nC: Yes, let's do it.\nA: Our install team will reach out to get you on the schedule."),
        IndicatorExample(.hit, "# outcome: sale\nC: 好，那就先報半年。\nA: 好的，第一堂課排12月7號星期一晚上七點，上課連結會傳到您手機。"),
        IndicatorExample(.hit, "# outcome: sale\nA: So that's Auto Plus, $118 a month, coverage starting December 1st. Sound right?\nC: Yeah, let's do it."),
        IndicatorExample(.hit, "# outcome: sale\nC: Yeah, go on.\nA: That's gone through. Your e-tickets will be emailed within 48 hours."),
        IndicatorExample(.hit, "# outcome: sale\nC: 好，幫我辦。\nA: 好的，工程師會在12月3號下午兩點到五點到府安裝。"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard call.saleAgreed else { return .na }
        // The date often comes with the ask itself, in the agent turn just before the customer agrees.
        var candidates = call.agentTurnsAfterSale
        if let sale = call.saleTurn, sale > 0, call.turns[sale - 1].speaker == .agent { candidates.insert(call.turns[sale - 1], at: 0) }
        if let turn = candidates.first(where: { $0.has(.deliveryWord) && ($0.has(.dateTime) || $0.hasDate || $0.has(.address)) }) {
            return IndicatorVerdict(.hit, [turn.number])
        }
        return IndicatorVerdict(.missed, call.saleTurn.map { [$0 + 1] } ?? [])
    }
}

struct ContactIndicator: Indicator {
    let id = "closing.contact"
    let name: [Language: String] = [.zhTW: "提供聯絡方式", .en: "Gives a way to reach us"]
    let category = IndicatorCategory.closing
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Every call not ended by a do-not-call request. Hit when the agent gives a way to reach them or the company (a hotline or number, an extension, a callback time); a number the customer gave does not count."
    let modelLines: [Language: String] = [.zhTW: "之後有任何問題，可以打我們的客服專線0800-123-456，分機205找我。", .en: "If anything comes up, you can reach us on 0800 123 456, extension 205."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "C: 好，謝謝。\nA: 有問題可以打客服專線0800-277-168。"),
        IndicatorExample(.missed, "C: 好，謝謝。\nA: 不客氣，再見。"),
        IndicatorExample(.na, "C: 不要再打來了。\nA: 好的，已幫您移除，謝謝。"),
        IndicatorExample(.hit, "C: Thanks.\nA: If anything comes up, call us at 1-888-786-6480."),
        IndicatorExample(.missed, "C: Thanks.\nA: You're welcome, bye."),
        IndicatorExample(.na, "C: Please stop calling me.\nA: Of course, I've taken you off our list."),
        IndicatorExample(.missed, "# direction: inbound\nC: 我的貨到現在還沒到！\nA: 主管現在不在，我們會再跟您聯絡。"),
        IndicatorExample(.hit, "# direction: outbound\nC: I'll think about it.\nA: Sure. Our number's 555-0187 if you have questions."),
        IndicatorExample(.missed, "# direction: inbound\nC: My order never arrived.\nA: Someone will get back to you."),
        IndicatorExample(.hit, "# direction: outbound\nC: I'm in a meeting, call me later.\nA: Of course, I'll call you at 8 tonight. Thanks."),
        IndicatorExample(.hit, "# direction: outbound\nC: 我在開會，晚點再說。\nA: 好的，我今天晚上八點打這支 0922 開頭的手機給您。"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard call.dncRequest == nil else { return .na }
        var customerNumbers = Set<String>()
        for turn in call.turns {
            if turn.speaker == .customer { customerNumbers.formUnion(turn.phoneNumbers); continue }
            let ownNumber = turn.phoneNumbers.contains { !customerNumbers.contains($0) }
            // 專線0800…, 分機2051, call us at 1-888…: a number right after the cue.
            let cueWithNumber = turn.matchesOf(.contactCue).contains { cue in
                turn.normalized[cue.end..<min(turn.normalized.count, cue.end + 8)].contains(where: TurnFeatures.isDigit)
                    || turn.normalized[cue.start..<cue.end].contains(where: TurnFeatures.isDigit)
            }
            // "Someone will get back to you" without a number or a time gives no way to reach anyone.
            let timedCallback = turn.has(.callback) && (turn.hasDate || turn.has(.dateTime))
            if ownNumber || cueWithNumber || timedCallback { return IndicatorVerdict(.hit, [turn.number]) }
        }
        return IndicatorVerdict(.missed)
    }
}

struct CourtesyIndicator: Indicator {
    static let bareGoodbyes: Set<String> = ["bye", "byebye", "bye bye", "ok bye", "okay bye", "掰", "掰掰", "拜拜", "再見", "好掰", "好再見"]

    static func isBareGoodbye(_ turn: TurnAnalysis) -> Bool {
        var kept = String.UnicodeScalarView()
        for s in turn.normalized where TurnFeatures.isLatin(s) || TurnFeatures.isHan(s) || s == " " { kept.append(s) }
        let text = String(kept).split(separator: " ").joined(separator: " ")
        return bareGoodbyes.contains(text)
    }

    let id = "closing.courtesy"
    let name: [Language: String] = [.zhTW: "禮貌結束通話", .en: "Closes politely"]
    let category = IndicatorCategory.closing
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Every call. Hit when the agent's last or second-to-last turn thanks the customer or closes politely (謝謝您 / 祝您愉快 / thank you for your time)."
    let modelLines: [Language: String] = [.zhTW: "謝謝您今天撥空，祝您有愉快的一天，再見。", .en: "Thank you for your time today, have a great day."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "C: 好。\nA: 謝謝您，祝您有美好的一天。"),
        IndicatorExample(.missed, "C: 算了。\nA: 唉，這麼好的商品。"),
        IndicatorExample(.hit, "C: Okay.\nA: Thanks for your time, have a good night."),
        IndicatorExample(.missed, "C: Whatever.\nA: Your loss, it's a great deal."),
        IndicatorExample(.missed, "C: I'll talk it over.\nA: Okay.\nC: Bye.\nA: Bye."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        let closing = Array(call.agentTurns.suffix(2))
        // A bare "Bye." ends the call but is not a polite close.
        if let turn = closing.last(where: { $0.has(.courtesy) && !Self.isBareGoodbye($0) }) { return IndicatorVerdict(.hit, [turn.number]) }
        return IndicatorVerdict(.missed, closing.map(\.number))
    }
}
