import CallsimCore

struct IdentifyIndicator: Indicator {
    let id = "compliance.identify"
    let name: [Language: String] = [.zhTW: "表明身分與公司", .en: "Identifies self and company"]
    let category = IndicatorCategory.compliance
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Every call. Hit when, within the agent's first two turns, the agent gives their own name (or surname: 敝姓王) and the company they represent (the known company when the header or scenario names one)."
    let modelLines: [Language: String] = [.zhTW: "您好，我是遠星電信的王小明。", .en: "Hello, my name is Sam Lee, calling from Northwind Energy."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "C: 喂？\nA: 林太太您好，我是遠星電信的王小明。"),
        IndicatorExample(.hit, "A: 台亞電信您好，敝姓陳，很高興為您服務。\nC: 你好。"),
        IndicatorExample(.missed, "# company: 遠星電信\nC: 喂？\nA: 您好，這邊是遠星電信，想跟您介紹新方案。"),
        IndicatorExample(.missed, "# company: 遠星電信\nC: 喂？\nA: 您好，敝姓蔡，這邊是市政府關懷專線。"),
        IndicatorExample(.hit, "C: Hello?\nA: Hi, this is Marcus with BrightPath Solar."),
        IndicatorExample(.missed, "C: Hello?\nA: Hi there, I'm calling about your energy bill.\nC: Okay.\nA: We have a new plan for you."),
        IndicatorExample(.hit, "# company: 好食光有機農場\n# agent: 林佩君\nC: 喂\nA: 喂您好 我這邊是好食光有機農場的佩君啦"),
        IndicatorExample(.hit, "# company: 永信證券投資信託\n# agent: 張凱翔\nC: 喂，你好。\nA: 您好，我是永信投信的理專張凱翔。"),
        IndicatorExample(.hit, "# company: 樂購網\nA: 樂購網客服您好，我是小美，很高興為您服務。\nC: 我要問訂單。"),
        IndicatorExample(.hit, "# company: 追劇王影音\nC: 喂\nA: 喂您好我是追劇王影音的客服專員 Kevin 王 打來是想跟您介紹年繳方案"),
        IndicatorExample(.hit, "# company: 信和商業銀行\nC: 喂？\nA: 許先生您好，我是信和銀行個金部的黃建國。"),
        IndicatorExample(.hit, "# company: Harbour Bank\nC: Hello?\nA: Hi, it's Mandy Chan from Harbour Bank."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        let opening = call.firstAgentTurns(2)
        let named = opening.filter { call.agentGivesName($0) }
        let company = opening.filter { call.agentGivesCompany($0) }
        if !named.isEmpty && !company.isEmpty {
            return IndicatorVerdict(.hit, [named[0].number, company[0].number])
        }
        return IndicatorVerdict(.missed, opening.map(\.number))
    }
}

struct PurposeIndicator: Indicator {
    let id = "compliance.purpose"
    let name: [Language: String] = [.zhTW: "說明來電目的", .en: "States the purpose of the call"]
    let category = IndicatorCategory.compliance
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Outbound calls. Hit when, within the agent's first three turns and before any price or offer, the agent says why they are calling (今天打給您是… / I'm calling because…)."
    let modelLines: [Language: String] = [.zhTW: "今天打給您，是因為您的合約下個月到期，想跟您說明續約的優惠。", .en: "I'm calling because your contract ends next month and I'd like to go over your renewal options."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# direction: outbound\nC: 喂？\nA: 您好，我是遠星電信的王小明，今天打給您是想跟您說明續約優惠。"),
        IndicatorExample(.missed, "# direction: outbound\nC: 喂？\nA: 您好，我們這個方案月租只要499元喔！"),
        IndicatorExample(.na, "# direction: inbound\nA: 遠星電信您好，敝姓王。\nC: 我想問帳單。"),
        IndicatorExample(.hit, "# direction: outbound\nC: Hello?\nA: Hi, it's Sam from Northwind. I'm calling because your contract ends next month."),
        IndicatorExample(.missed, "# direction: outbound\nC: Hello?\nA: Hi, our new plan is only $30 a month!"),
        IndicatorExample(.na, "# direction: inbound\nA: Thanks for calling Northwind, this is Sam.\nC: Hi, I have a billing question."),
        IndicatorExample(.hit, "# direction: outbound\nC: 喂？\nA: 您好，瑞豐淨水的小蕭。因為您家的濾心快到更換期了，想順便跟您介紹新的淨水機。"),
        IndicatorExample(.hit, "# direction: outbound\nC: Hello?\nA: Hi, Jordan with Evergreen Lawn Care. We're calling homeowners on your street about our seasonal lawn program."),
        IndicatorExample(.hit, "# direction: outbound\nC: Hello?\nA: Hiya, it's Priya from Sunward Holidays. I'm just giving you a quick ring about a holiday deal that's come up."),
        IndicatorExample(.hit, "# direction: outbound\nC: 喂？\nA: 您好，我是晨光旅遊的小芳，打個電話跟您說一下您上週看的行程有新的出團日期。"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard call.direction == .outbound else { return .na }
        for turn in call.firstAgentTurns(3) {
            guard let position = turn.firstPosition(of: [.purpose]) else { continue }
            if call.isBeforeOffer(index: call.index(of: turn), position: position) { return IndicatorVerdict(.hit, [turn.number]) }
        }
        return IndicatorVerdict(.missed, call.firstAgentTurns(1).map(\.number))
    }
}

struct PermissionIndicator: Indicator {
    let id = "compliance.permission"
    let name: [Language: String] = [.zhTW: "徵詢通話意願", .en: "Asks permission to continue"]
    let category = IndicatorCategory.compliance
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Outbound calls. Hit when, before presenting the offer, the agent asks whether it is a convenient time or whether the customer is willing to listen (方便嗎 / 耽誤您幾分鐘 / is this a good time)."
    let modelLines: [Language: String] = [.zhTW: "請問現在方便耽誤您兩分鐘嗎？", .en: "Is now a good time for a quick two-minute chat?"]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# direction: outbound\nC: 喂？\nA: 您好，我是遠星電信的王小明，請問現在方便講電話嗎？"),
        IndicatorExample(.missed, "# direction: outbound\nC: 喂？\nA: 您好，我是遠星電信的王小明，我們新方案月租只要499元。\nC: 喔。"),
        IndicatorExample(.na, "# direction: inbound\nA: 您好，遠星電信客服，敝姓王。\nC: 我要查帳單。"),
        IndicatorExample(.hit, "# direction: outbound\nC: Hello?\nA: Hi, it's Sam from Northwind. Do you have a couple of minutes?"),
        IndicatorExample(.missed, "# direction: outbound\nC: Hello?\nA: Hi, it's Sam from Northwind. Our plan is $30 a month.\nC: Okay."),
        IndicatorExample(.na, "# direction: inbound\nA: Thanks for calling Northwind, this is Sam.\nC: Hi."),
        IndicatorExample(.hit, "# direction: outbound\nC: Hello?\nA: Hi, Ryan with Apex Wealth, following up on the seminar. Do you have five minutes to talk?\nC: Sure.\nA: Our fund is $100 a month."),
        IndicatorExample(.hit, "# direction: outbound\nC: 喂？\nA: 您好，我是康健保險的小吳，想跟您介紹新方案，方便聽我說明一下嗎？\nC: 好。\nA: 月繳899元。"),
        IndicatorExample(.hit, "# direction: outbound\nC: Hello?\nA: Hi, my name's Josh from Brightmind Academy. Do you have a quick minute?\nC: Sure.\nA: The course is $300."),
        IndicatorExample(.hit, "# direction: outbound\nC: 喂？\nA: 您好，我是晨光旅遊的小芳，佔用您一分鐘可以嗎？\nC: 好。\nA: 行程是兩萬元。"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard call.direction == .outbound else { return .na }
        for turn in call.agentTurns {
            guard let position = turn.firstPosition(of: [.permission]) else { continue }
            if call.isBeforeOffer(index: call.index(of: turn), position: position) { return IndicatorVerdict(.hit, [turn.number]) }
            break
        }
        return IndicatorVerdict(.missed, call.firstOffer.map { [$0 + 1] } ?? [])
    }
}

struct HonorDNCIndicator: Indicator {
    let id = "compliance.honor_dnc"
    let name: [Language: String] = [.zhTW: "尊重拒絕來電", .en: "Honours a do-not-call request"]
    let category = IndicatorCategory.compliance
    var codes: [String] { CompetencyCodes.of(id) }
    let critical = true
    let summary = "Only when the customer asks not to be called again or to be removed from the list. Hit when the agent's next turn accepts (confirms removal or ends politely) and nothing is pitched after it; violated when the agent keeps selling, argues or ignores the request."
    let modelLines: [Language: String] = [.zhTW: "好的，我馬上把您的號碼從名單移除，之後不會再打擾您，謝謝您。", .en: "Of course. I'll take your number off our list right now so you won't be called again. Thank you for your time."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "C: 喂？\nA: 您好，我是遠星電信的王小明。\nC: 不要再打來了，把我的號碼從名單刪掉。\nA: 好的，馬上幫您從名單移除，不會再打擾您，謝謝。"),
        IndicatorExample(.violated, "C: 喂？\nA: 您好，我是遠星電信的王小明。\nC: 不要再打來了。\nA: 您先聽我講完嘛，這個方案今天特價499元，要不要幫您辦？"),
        IndicatorExample(.na, "C: 喂？\nA: 您好，我是遠星電信的王小明。\nC: 好，你說。"),
        IndicatorExample(.hit, "C: Hello?\nA: Hi, this is Sam from Northwind.\nC: Please take me off your list.\nA: Absolutely, I'll remove your number right now. Sorry to bother you."),
        IndicatorExample(.violated, "C: Hello?\nA: Hi, this is Sam from Northwind.\nC: Stop calling me.\nA: Just hear me out, it's only $30 a month, shall I sign you up?"),
        IndicatorExample(.na, "C: Hello?\nA: Hi, this is Sam from Northwind.\nC: Sure, go on."),
        IndicatorExample(.hit, "C: 以後請不要再打來推銷了，好嗎？\nA: 好的，我幫您登記，以後不要再打電話給您，不好意思打擾了。"),
        IndicatorExample(.hit, "C: 請把我的電話從名單刪掉，以後不要再打來了。\nA: 好的，我馬上把您的電話設定為不再聯繫，之後不會再有推銷電話打給您。"),
        IndicatorExample(.violated, "C: Please put me on your do-not-call list.\nA: I understand, I'll take your number off our list right now. Just so you know, the course is 50% off until Friday."),
        IndicatorExample(.violated, "C: 以後不要再打來了。\nA: 好的，我幫您從名單移除。不過提醒您，這個方案優惠到月底喔。"),
        IndicatorExample(.hit, "C: 不要再打來推銷信用卡了。\nA: 好的，我把您設定為不再聯繫，之後不會再有信用卡推銷電話打給您。"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard let request = call.dncRequest else { return .na }
        let after = call.agentTurnsAfter(request)
        let pitching = after.filter { call.isPitch($0) }
        if !pitching.isEmpty { return IndicatorVerdict(.violated, [request + 1] + pitching.map(\.number)) }
        guard let next = after.first else { return IndicatorVerdict(.hit, [request + 1]) }
        if next.hasAny([.dncAccept, .courtesy, .apology, .acknowledge]) { return IndicatorVerdict(.hit, [request + 1, next.number]) }
        return IndicatorVerdict(.violated, [request + 1, next.number])
    }
}

struct NoMisrepresentationIndicator: Indicator {
    let id = "compliance.no_misrepresentation"
    let name: [Language: String] = [.zhTW: "不誇大不實陳述", .en: "Makes no prohibited claim"]
    let category = IndicatorCategory.compliance
    var codes: [String] { CompetencyCodes.of(id) }
    let critical = true
    let summary = "Every call. Violated when the agent guarantees profit or returns (保證獲利, 穩賺不賠, guaranteed return; a negated claim such as 不保證 does not count), claims to be a government office or other body they are not, says it costs nothing when it costs money, or disparages a competitor with claims of fact."
    let modelLines: [Language: String] = [.zhTW: "這個商品的報酬不是保證的，詳細的風險我再跟您說明。", .en: "Returns aren't guaranteed, so let me walk you through the risks as well."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "C: 喂？\nA: 您好，我是嘉和人壽的王小明，這張保單的報酬不是保證的喔。"),
        IndicatorExample(.violated, "C: 喂？\nA: 您好，我是嘉和人壽的王小明，這張保單保證獲利，穩賺不賠！"),
        IndicatorExample(.violated, "C: 喂？\nA: 伯伯您好，這邊是健保署的關懷專線。"),
        IndicatorExample(.violated, "C: 我在別家看到比較便宜的。\nA: 他們家的機器很容易壞，還被要求回收，千萬不要買。"),
        IndicatorExample(.violated, "# price: 999\nC: 要錢嗎？\nA: 完全免費，不用錢。"),
        IndicatorExample(.hit, "C: Hello?\nA: Hi, it's Sam from Northwind Invest. I can't guarantee returns, but let me explain the fund."),
        IndicatorExample(.violated, "C: Hello?\nA: Hi, it's Sam from Northwind Invest. This fund has guaranteed returns, you can't lose."),
        IndicatorExample(.violated, "# price: $40 a month\nC: What does it cost?\nA: It's completely free."),
        IndicatorExample(.violated, "# company: 宏達資產管理\nC: 喂？\nA: 您好，這裡是國泰銀行貸款部，我是陳專員。"),
        IndicatorExample(.violated, "# company: Quickline Loans\nC: Hello?\nA: Hi, this is Union Bank's loan team, my name is Dan."),
        IndicatorExample(.hit, "# company: 宏泰銀行\nC: 喂？\nA: 您好，我是宏泰銀行信用卡中心的專員李俊宏。"),
        IndicatorExample(.violated, "C: 我現在用別家的網路。\nA: 他們那個設備都是舊貨，去年還被主管機關罰了好幾百萬。"),
        IndicatorExample(.hit, "# price: £150\nC: That's a lot.\nA: I understand. The fee is refunded if we find no saving, so there's no risk there."),
        IndicatorExample(.violated, "C: Is my money safe?\nA: Completely, this fund is zero risk and the returns are steady."),
        IndicatorExample(.violated, "C: 會不會賠？\nA: 這個基金零風險，報酬很穩定。"),
        IndicatorExample(.hit, "# company: Shield Auto Insurance\nC: Card is fine.\nA: Would you prefer monthly auto-pay from a bank account or a card?"),
        IndicatorExample(.hit, "# company: 安心產險\nC: 好。\nA: 我是安心產險的小王，保費可以從您的銀行帳戶扣款。"),
        IndicatorExample(.violated, "# company: 綠能家居\nC: 喂？哪裡找？\nA: 您好，這邊是經濟部能源署的補助專線，我姓吳。"),
        IndicatorExample(.violated, "# company: Brightside Energy\nC: Hello?\nA: Hi, this is Dan calling from the county council's energy team."),
        IndicatorExample(.violated, "# price: 38000\nC: 要多少錢？\nA: 有補助，您完全不用出錢，師傅過去安裝就好。"),
        IndicatorExample(.hit, "# price: 38000\nC: 安裝要另外付嗎？\nA: 不用，安裝不用錢，機器是38000元。"),
        IndicatorExample(.violated, "# product: trial meal box\n# price: S$19.90\nC: How much?\nA: The trial box is totally free, no charge at all."),
        IndicatorExample(.hit, "# price: $40 a month\nC: What if I don't like it?\nA: There's no charge to cancel within 14 days, and installation is free."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        var evidence: [Int] = []
        let company = call.companyScalars
        for turn in call.agentTurns {
            if turn.has(.guarantee) { evidence.append(turn.number); continue }
            // "No risk" is a prohibited claim only about returns; a refundable fee carries no risk in another sense.
            if turn.has(.riskFree) && turn.has(.investmentWord) && !turn.has(.refundWord) { evidence.append(turn.number); continue }
            if turn.has(.governmentBody) && turn.hasAny([.selfName, .companyCue]) {
                let bodies = turn.matchesOf(.governmentBody).map { Array(turn.normalized[$0.start..<$0.end]) }
                if company.isEmpty || !bodies.contains(where: { TurnFeatures.find($0, in: company, from: 0) != nil }) {
                    evidence.append(turn.number)
                    continue
                }
            }
            if Self.claimsOtherBank(turn, company: company) { evidence.append(turn.number); continue }
            if turn.has(.disparage) && turn.has(.competitorRef) { evidence.append(turn.number); continue }
            if call.context.costsMoney && turn.has(.freeClaim) {
                // "Free" about one part (installation, the hotline, the first month) is not a claim that the product costs nothing.
                // A word of the product's own name (a "trial box" that costs money) qualifies nothing.
                let product = TextNormalizer.scalars(call.context.product ?? "")
                let qualified = turn.matchesOf(.freeClaim).allSatisfy { claim in
                    turn.matches.contains {
                        $0.act == .freeQualifier && Self.sameClause(turn.normalized, claim.start, $0.start)
                            && TurnFeatures.find(Array(turn.normalized[$0.start..<$0.end]), in: product, from: 0) == nil
                    }
                }
                if !qualified { evidence.append(turn.number) }
            }
        }
        return evidence.isEmpty ? IndicatorVerdict(.hit) : IndicatorVerdict(.violated, evidence)
    }

    static let customerBankWords: [[Unicode.Scalar]] = ["帳", "轉", "卡", "戶", "account", "transfer", "card", "detail", "statement", "balance"].map { Array($0.unicodeScalars) }
    static let bankWords: [[Unicode.Scalar]] = ["銀行", "bank"].map { Array($0.unicodeScalars) }

    /// The agent introduces themselves as calling from a bank (這裡是台灣銀行 / this is Union Bank) when the call's company is none.
    static func claimsOtherBank(_ turn: TurnAnalysis, company: [Unicode.Scalar]) -> Bool {
        guard !company.isEmpty, !bankWords.contains(where: { TurnFeatures.find($0, in: company, from: 0) != nil }) else { return false }
        let cueEnds = turn.matches.filter { $0.act == .selfName || $0.act == .companyCue || $0.act == .callingFrom }.map(\.end)
        guard !cueEnds.isEmpty else { return false }
        for word in bankWords {
            var from = 0
            while let at = TurnFeatures.find(word, in: turn.normalized, from: from) {
                from = at + 1
                if word[0] == "b" && ((at > 0 && TurnFeatures.isLatin(turn.normalized[at - 1])) || (at + 4 < turn.normalized.count && TurnFeatures.isLatin(turn.normalized[at + 4]))) { continue }
                // 銀行帳戶 / bank account: the customer's bank, not who is calling.
                let after = Array(turn.normalized[min(turn.normalized.count, at + word.count)...].drop { $0 == " " })
                if customerBankWords.contains(where: { TurnFeatures.matchesAt(after, 0, $0) }) { continue }
                if cueEnds.contains(where: { $0 <= at && at - $0 <= 16 && sameClause(turn.normalized, $0, at) }) { return true }
            }
        }
        return false
    }

    static func sameClause(_ t: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        let (low, high) = (min(a, b), max(a, b))
        return !t[low..<high].contains(where: { $0 == "," || $0 == "." || $0 == "?" || $0 == "!" || $0 == ";" })
    }
}

struct PrivacyIndicator: Indicator {
    let id = "compliance.privacy"
    let name: [Language: String] = [.zhTW: "保護個人資料", .en: "Protects sensitive data"]
    let category = IndicatorCategory.compliance
    var codes: [String] { CompetencyCodes.of(id) }
    let critical = true
    let summary = "Every call. Violated when the agent asks for a card's security code, a PIN, a password, a one-time code (驗證碼, OTP) or the full card number, or reads back a full card or national ID number. Asking for the last four digits, or warning the customer never to share a code, is fine."
    let modelLines: [Language: String] = [.zhTW: "為了保護您的資料，請不要告訴任何人簡訊驗證碼，我這邊只需要核對卡號末四碼。", .en: "For your security I'll never ask for your card's security code; I only need the last four digits to find the account."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "C: 要怎麼付款？\nA: 可以刷卡，我只跟您核對卡號末四碼，驗證碼請不要告訴任何人。"),
        IndicatorExample(.violated, "C: 要怎麼付款？\nA: 我傳一組簡訊驗證碼到您手機，麻煩您念給我。"),
        IndicatorExample(.violated, "C: 刷卡好了。\nA: 好的，請提供您的卡號跟卡片背面的末三碼。"),
        IndicatorExample(.hit, "C: How do I pay?\nA: By card. Can I take the last four digits to match the card on file?"),
        IndicatorExample(.violated, "C: Card's easiest.\nA: Can I take the long number across the front, and the security code on the back?"),
        IndicatorExample(.violated, "C: Okay.\nA: Please read me the one-time code we just texted you."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        var evidence: [Int] = []
        for turn in call.agentTurns {
            let secret = turn.has(.secretWord) || (turn.has(.cardNumberWord) && !turn.has(.lastDigits))
            if secret && (turn.has(.requestCue) || turn.isQuestion) { evidence.append(turn.number); continue }
            if turn.hasFullCardNumber || turn.hasNationalID { evidence.append(turn.number) }
        }
        return evidence.isEmpty ? IndicatorVerdict(.hit) : IndicatorVerdict(.violated, evidence)
    }
}

struct CoolingOffIndicator: Indicator {
    let id = "compliance.cooling_off"
    let name: [Language: String] = [.zhTW: "告知七天猶豫期", .en: "States the 7-day right to cancel"]
    let category = IndicatorCategory.compliance
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Outbound calls where a sale is agreed. Hit when the agent tells the customer about the 7-day right to cancel a distance sale (七天猶豫期 / 鑑賞期 / 解除權 / cooling-off / seven days to cancel)."
    let modelLines: [Language: String] = [.zhTW: "提醒您，電話購買享有七天猶豫期，收到商品七天內都可以無條件解除契約。", .en: "Just so you know, you have seven days to cancel this order with no penalty if you change your mind."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# direction: outbound\n# outcome: sale\nC: 好，幫我訂。\nA: 好的，提醒您享有七天猶豫期，七天內可以無條件解除。"),
        IndicatorExample(.missed, "# direction: outbound\n# outcome: sale\nC: 好，幫我訂。\nA: 好的，謝謝您。"),
        IndicatorExample(.na, "# direction: outbound\n# outcome: no-sale\nC: 不用了。\nA: 好的，謝謝您。"),
        IndicatorExample(.hit, "# direction: outbound\n# outcome: sale\nC: Yes, sign me up.\nA: Great. You have seven days to cancel with no penalty."),
        IndicatorExample(.missed, "# direction: outbound\n# outcome: sale\nC: Yes, sign me up.\nA: Great, thank you."),
        IndicatorExample(.na, "# direction: inbound\n# outcome: sale\nC: I'll take the roaming pack.\nA: Done, thank you."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard call.direction == .outbound, call.saleAgreed else { return .na }
        if let turn = call.agentTurns.first(where: { $0.has(.coolingOffExplicit) || ($0.has(.sevenDays) && $0.has(.cancelWord)) }) {
            return IndicatorVerdict(.hit, [turn.number])
        }
        return IndicatorVerdict(.missed, call.saleTurn.map { [$0 + 1] } ?? [])
    }
}

struct RecordingIndicator: Indicator {
    let id = "compliance.recording"
    let name: [Language: String] = [.zhTW: "告知通話錄音", .en: "Discloses call recording"]
    let category = IndicatorCategory.compliance
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Calls whose scenario or header says `recording: required`. Hit when the agent says, in the first three agent turns, that the call is recorded."
    let modelLines: [Language: String] = [.zhTW: "這通電話會全程錄音，以保障您的權益。", .en: "Just so you know, this call is recorded for quality and training."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# recording: required\nA: 您好，遠星電信敝姓王，本通電話將錄音以確保服務品質。\nC: 好。"),
        IndicatorExample(.missed, "# recording: required\nA: 您好，遠星電信敝姓王。\nC: 好。\nA: 請問有什麼需要幫忙？"),
        IndicatorExample(.na, "A: 您好，遠星電信敝姓王。\nC: 好。"),
        IndicatorExample(.hit, "# recording: required\nA: Thanks for calling Northwind, this is Sam. This call is recorded for quality.\nC: Fine."),
        IndicatorExample(.missed, "# recording: required\nA: Thanks for calling Northwind, this is Sam.\nC: Hi."),
        IndicatorExample(.na, "A: Thanks for calling Northwind, this is Sam.\nC: Hi."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard call.context.recordingRequired else { return .na }
        let opening = call.firstAgentTurns(3)
        if let turn = opening.first(where: { $0.has(.recording) }) { return IndicatorVerdict(.hit, [turn.number]) }
        return IndicatorVerdict(.missed, opening.map(\.number))
    }
}
