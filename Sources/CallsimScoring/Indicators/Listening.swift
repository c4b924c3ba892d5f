import CallsimCore

struct AcknowledgeIndicator: Indicator {
    let id = "listening.acknowledge"
    let name: [Language: String] = [.zhTW: "回應顧客所說", .en: "Acknowledges the customer"]
    let category = IndicatorCategory.listening
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Every call in which the customer says anything beyond a phone greeting. Hit when, at least once, the agent's turn right after a customer line acknowledges it (了解 / 明白 / 原來如此 / I see / got it), restates it or validates a feeling."
    let modelLines: [Language: String] = [.zhTW: "了解，原來是這樣。", .en: "I see, that makes sense."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "A: 您好，我是遠星電信的王小明。\nC: 我最近網路常常斷線。\nA: 了解，斷線真的很困擾。"),
        IndicatorExample(.missed, "A: 您好，我是遠星電信的王小明。\nC: 我最近網路常常斷線。\nA: 我們新方案月租499元。"),
        IndicatorExample(.na, "C: 喂？\nA: 您好，我是遠星電信的王小明。\nC: 喂？喂？"),
        IndicatorExample(.hit, "A: Hi, this is Sam from Northwind.\nC: My bill went up again this month.\nA: I see, let me take a look."),
        IndicatorExample(.missed, "A: Hi, this is Sam from Northwind.\nC: My bill went up again this month.\nA: Our new plan is $30 a month."),
        IndicatorExample(.na, "C: Hello?\nA: Hi, this is Sam from Northwind.\nC: Hello?"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard call.customerEngaged else { return .na }
        for (i, turn) in call.turns.enumerated() where turn.speaker == .customer && !turn.isGreetingOnly {
            guard i + 1 < call.turns.count, call.turns[i + 1].speaker == .agent else { continue }
            let reply = call.turns[i + 1]
            if reply.hasAny([.acknowledge, .empathy]) || call.isParaphrase(reply, of: turn.contentTokens) {
                return IndicatorVerdict(.hit, [reply.number])
            }
        }
        return IndicatorVerdict(.missed)
    }
}

struct ParaphraseIndicator: Indicator {
    let id = "listening.paraphrase"
    let name: [Language: String] = [.zhTW: "複述確認需求", .en: "Paraphrases the need"]
    let category = IndicatorCategory.listening
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "When the customer states a need, a problem or a complaint (a do-not-call request alone is none). Hit when the agent restates it in their own words, naming its specific content (所以您是說… 對嗎？ / so the main issue is…)."
    let modelLines: [Language: String] = [.zhTW: "所以您是說，晚上看影片的時候常常會卡，對嗎？", .en: "So the main issue is that the bill went up after May, is that right?"]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "C: 我晚上看影片常常卡住。\nA: 所以您是說晚上看影片會卡住，對嗎？"),
        IndicatorExample(.missed, "C: 我晚上看影片常常卡住。\nA: 我們有新方案，月租599元。"),
        IndicatorExample(.na, "C: 喂？\nA: 您好，我是遠星電信的王小明。\nC: 不要再打來了。"),
        IndicatorExample(.hit, "C: My bill went up after May and I need it sorted.\nA: So your bill has gone up since May, is that right?"),
        IndicatorExample(.missed, "C: My bill went up after May and I need it sorted.\nA: Our new plan is $30 a month."),
        IndicatorExample(.na, "C: Hello?\nA: Hi, this is Sam from Northwind.\nC: Take me off your list."),
        IndicatorExample(.hit, "C: I'd like to retire at sixty-two and not have to scrimp.\nA: I see, so retiring at sixty-two with enough to live comfortably is the main goal."),
        IndicatorExample(.hit, "# direction: inbound\nC: 我訂的繪本有三本封面破損！\nA: 跟您確認一下，繪本有三本封面破損，對嗎？"),
        IndicatorExample(.hit, "C: 我兒子開始打線上遊戲，我太太晚上也會追劇，大家同時用就需要快一點的。\nA: 原來如此，所以主要是晚上兒子打遊戲、太太追劇，大家同時用需要更快的速度，對吧？"),
        IndicatorExample(.hit, "C: 我希望卡號不要換 很多自動扣繳都綁這張\nA: 了解 您是擔心自動扣繳要重新設定對吧 卡號不會換"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        let needs = call.needStatements()
        guard let first = needs.first else { return .na }
        var tokens = TokenSet()
        for (i, turn) in call.turns.enumerated() where i >= first {
            if turn.speaker == .customer {
                if needs.contains(i) { tokens.formUnion(turn.contentTokens) }
            } else if call.isParaphrase(turn, of: tokens) {
                return IndicatorVerdict(.hit, [turn.number])
            }
        }
        return IndicatorVerdict(.missed, [first + 1])
    }
}

struct OpenQuestionIndicator: Indicator {
    let id = "listening.open_question"
    let name: [Language: String] = [.zhTW: "開放式提問", .en: "Asks an open question"]
    let category = IndicatorCategory.listening
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "Outbound calls in which the customer stays on the line past the opening. Hit when, before the first offer, the agent asks an open question about the customer's situation or needs (什麼 / 哪些 / 怎麼 / what / how / tell me about); a yes/no question alone does not count."
    let modelLines: [Language: String] = [.zhTW: "想先請問您，平常手機大多用在哪些地方？", .en: "Before I go on, how do you mostly use your phone day to day?"]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# direction: outbound\nC: 喂？\nA: 您好，我是遠星電信的王小明，想先請問您平常網路都用在哪些地方？\nC: 看影片比較多。"),
        IndicatorExample(.missed, "# direction: outbound\nC: 喂？\nA: 您好，我是遠星電信的王小明，有興趣聽聽新方案嗎？\nC: 好啊。\nA: 月租只要499元。"),
        IndicatorExample(.na, "# direction: outbound\nC: 喂？\nA: 您好，我是遠星電信的王小明。\nC: 喂？"),
        IndicatorExample(.hit, "# direction: outbound\nC: Hello?\nA: Hi, it's Sam from Northwind. What do you mostly use your internet for?\nC: Streaming, mostly."),
        IndicatorExample(.missed, "# direction: outbound\nC: Hello?\nA: Hi, it's Sam from Northwind. Did you get our letter?\nC: Yes.\nA: Our plan is $30 a month."),
        IndicatorExample(.na, "# direction: inbound\nA: Thanks for calling Northwind, this is Sam.\nC: Hi, I have a question."),
        IndicatorExample(.na, "# direction: outbound\nC: Hello?\nA: Hi, Tyler from Summit Roofing, calling about storm checks. Do you have a minute?\nC: No. Take me off your list.\nA: Understood, I've taken your number off our list."),
        IndicatorExample(.na, "# direction: outbound\nC: 喂？\nA: 您好，我是康健保險的吳思妤，想跟您介紹醫療險，方便嗎？\nC: 以後不要再打來了。\nA: 好的，我這邊幫您登記不再來電，打擾了。"),
        IndicatorExample(.hit, "# direction: outbound\nC: 喂\nA: 喂您好 我是好食光農場的佩君 現在講話方便嗎\nC: 方便啊\nA: 想請問一下您家裡平常大概幾個人吃飯 都是怎麼買菜的\nC: 四個人 都自己煮\nA: 我們蔬菜箱一箱880元"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        guard call.direction == .outbound, call.customerEngaged else { return .na }
        // A do-not-call request as the first real reply, honoured, ends the call at the opening.
        if let firstReply = call.turns.firstIndex(where: { $0.speaker == .customer && !$0.isGreetingOnly }), call.dncRequest == firstReply,
           !call.agentTurnsAfter(firstReply).contains(where: call.isPitch) {
            return .na
        }
        for (i, turn) in call.turns.enumerated() where turn.speaker == .agent {
            let limit: Int? = (call.firstOffer == i) ? call.firstOfferPosition : nil
            if let offer = call.firstOffer, i > offer { break }
            if call.hasOpenQuestion(turn, before: limit) { return IndicatorVerdict(.hit, [turn.number]) }
        }
        return IndicatorVerdict(.missed, call.firstOffer.map { [$0 + 1] } ?? [])
    }
}

struct AnswerQuestionIndicator: Indicator {
    let id = "listening.answer_question"
    let name: [Language: String] = [.zhTW: "回答顧客問題", .en: "Answers the customer's questions"]
    let category = IndicatorCategory.listening
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "When the customer asks direct questions. Hit when every question is addressed in the agent's next turn or the one after (answered, or a clear 'let me check'); judged by shared content, the kind of answer the question asks for (a number, a yes or no, a name) or an explanation."
    let modelLines: [Language: String] = [.zhTW: "您問的提前解約，這部分我查一下再跟您說明清楚。", .en: "Good question about early cancellation — let me check the exact fee and tell you."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "C: 這個方案要綁多久？\nA: 綁約是二十四個月。"),
        IndicatorExample(.missed, "C: 提早解約會怎樣？\nA: 這真的是很難得的機會，名額有限喔。\nC: 嗯。\nA: 今天就幫您辦一張好不好？"),
        IndicatorExample(.na, "C: 喂？\nA: 您好，我是遠星電信的王小明。\nC: 好，你說。"),
        IndicatorExample(.hit, "C: How much does it cost?\nA: It's $30 a month."),
        IndicatorExample(.missed, "C: What happens if I cancel early?\nA: This is a limited time offer, don't miss it.\nC: Hm.\nA: Shall I sign you up today?"),
        IndicatorExample(.na, "C: Hello?\nA: Hi, this is Sam from Northwind.\nC: Sure, go on."),
        IndicatorExample(.missed, "C: 什麼時候會聯絡我？\nA: 就是會有人跟您聯絡啦。"),
        IndicatorExample(.hit, "C: 什麼時候會聯絡我？\nA: 明天下午三點前會有專人打給您。"),
        IndicatorExample(.missed, "C: 一堂課多久？可以換老師嗎？\nA: 我們老師都很有經驗喔。"),
        IndicatorExample(.hit, "C: Is there a minimum term?\nA: Good question. It's a rolling monthly plan, cancel any time."),
        IndicatorExample(.hit, "C: Will I definitely get more money?\nA: I can't promise returns, I'm afraid."),
        IndicatorExample(.missed, "C: When? Do I get a ticket number?\nA: Someone will get back to you."),
        IndicatorExample(.na, "A: 您好，這裡是福安人壽的王小明。\nC: 喔……福安人壽喔？\nA: 是的，今天打來跟您介紹新方案。"),
        IndicatorExample(.missed, "C: 好啊 那先訂一個月 付款怎麼付\nA: 好 那我們會盡快出貨"),
        IndicatorExample(.hit, "C: 好啊 那先訂一個月 付款怎麼付\nA: 可以貨到付款 或是轉帳都可以"),
        IndicatorExample(.hit, "A: The extra £12 is three data add-ons at £4 each.\nC: Oh... three times, was it? Can you stop it charging me when I tap?\nA: Yes, I can switch on text-to-confirm for add-ons now."),
        IndicatorExample(.hit, "A: It's £20 a month on a 12-month contract.\nC: A twelve-month contract? What if I change jobs?\nA: You can upgrade without penalty; if you did need to leave early, you'd only pay the months remaining."),
        IndicatorExample(.hit, "A: 我們今天下午出貨，明天下午送到台南。\nC: 明天下午就會送到台南喔？好，那運費怎麼算？\nA: 您多付的運費100元會退還給您。"),
        IndicatorExample(.hit, "C: 台灣銀行喔？是有想借錢啦。怎麼了？\nA: 我們現在有專案低利信貸，年利率1.88%。"),
        IndicatorExample(.missed, "C: 一堂多久？\nA: 我們是一對一教學喔。\nC: 嗯。\nA: 老師都很有經驗。"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        var asked: [Int] = []
        var unanswered: [Int] = []
        var answers: [Int] = []
        for (i, turn) in call.turns.enumerated() where turn.speaker == .customer && turn.isQuestion && !turn.isGreetingOnly {
            let sentences = call.askingSentences(turn)
            if sentences.isEmpty { continue }
            asked.append(i)
            let replies = call.agentTurns(after: i, count: 2)
            if replies.isEmpty { continue }
            // Every question in the turn needs its own answer (一堂多久？可以換老師嗎？).
            var allAnswered = true
            for sentence in sentences {
                let reply = replies.enumerated().first { call.addresses($0.element, question: turn, sentence: sentence, isFirstReply: $0.offset == 0) }
                if let reply { answers.append(reply.element.number) } else { allAnswered = false }
            }
            if !allAnswered { unanswered.append(turn.number) }
        }
        guard !asked.isEmpty else { return .na }
        return unanswered.isEmpty ? IndicatorVerdict(.hit, Array(Set(answers)).sorted()) : IndicatorVerdict(.missed, unanswered)
    }
}

struct UseNameIndicator: Indicator {
    let id = "listening.use_name"
    let name: [Language: String] = [.zhTW: "稱呼顧客姓名", .en: "Uses the customer's name"]
    let category = IndicatorCategory.listening
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "When the customer's name or title is known (header, scenario, or said in the call). Hit when the agent addresses the customer by name or surname with title at least once (林太太 / Mr. Chen); a bare 先生 / sir does not count."
    let modelLines: [Language: String] = [.zhTW: "林太太，謝謝您的說明。", .en: "Thank you, Mrs. Patel."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "# customer: 林太太\nC: 喂？\nA: 林太太您好，我是遠星電信的王小明。"),
        IndicatorExample(.missed, "C: 你好，我姓吳，我要查帳單。\nA: 好的，請稍等。"),
        IndicatorExample(.na, "C: 喂？\nA: 您好，我是遠星電信的王小明。"),
        IndicatorExample(.hit, "C: Hello, Maria speaking.\nA: Hi Maria, this is Sam from Northwind."),
        IndicatorExample(.missed, "# customer: Mrs Patel\nC: Hello?\nA: Hi, this is Sam from Northwind."),
        IndicatorExample(.na, "C: Hello?\nA: Hi, this is Sam from Northwind."),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        let using = call.agentTurns.filter { call.usesCustomerName($0) }
        if !using.isEmpty { return IndicatorVerdict(.hit, [using[0].number]) }
        return call.customerSurnames.isEmpty ? .na : IndicatorVerdict(.missed)
    }
}

struct EmpathyIndicator: Indicator {
    let id = "listening.empathy"
    let name: [Language: String] = [.zhTW: "同理顧客感受", .en: "Shows empathy"]
    let category = IndicatorCategory.listening
    var codes: [String] { CompetencyCodes.of(id) }
    let summary = "When the customer expresses a negative feeling (angry, frustrated, worried, upset, in a hurry). Hit when the agent names or validates the feeling (我能理解您的心情 / I can imagine how frustrating that is), or for a hurried customer offers to be brief or call back."
    let modelLines: [Language: String] = [.zhTW: "造成您的困擾真的很抱歉，我能理解您的心情。", .en: "I can imagine how frustrating that is, and I'm sorry."]
    let examples: [IndicatorExample] = [
        IndicatorExample(.hit, "C: 網路斷了三天，我真的很火大！\nA: 換成是我也會很生氣，造成您的困擾真的很抱歉。"),
        IndicatorExample(.missed, "C: 我有點擔心錢拿不回來。\nA: 不會啦，這張賣最好的。"),
        IndicatorExample(.na, "C: 這個月帳單多少？\nA: 這個月是599元。"),
        IndicatorExample(.hit, "C: I'm really frustrated, this is the third time I've called.\nA: I can imagine how frustrating that is."),
        IndicatorExample(.missed, "C: I'm in a hurry, I have to pick up my kids.\nA: Our card has 1.5% cash back and no annual fee."),
        IndicatorExample(.na, "C: What's my balance?\nA: It's $42."),
        IndicatorExample(.hit, "C: 網路晚上一直lag，真的很煩。\nA: 我懂，打到一半lag真的很令人火大。"),
        IndicatorExample(.hit, "C: 我騎車很久，其實有點擔心。\nA: 會擔心是一定的，所以更需要保障。"),
        IndicatorExample(.hit, "C: I'm worried my savings aren't keeping up with inflation.\nA: I hear you, a lot of folks are worried about exactly that."),
        IndicatorExample(.hit, "C: I'm absolutely furious, this is the third time!\nA: I can completely understand why you're furious."),
        IndicatorExample(.missed, "C: 我兒子說這種電話要小心，我怕被騙欸。\nA: 不會啦，那我幫您排禮拜六安裝好不好？"),
        IndicatorExample(.hit, "C: 我假都請好了，你叫我怎麼辦？\nA: 真的非常抱歉，我完全可以理解您現在有多生氣。"),
        IndicatorExample(.hit, "C: Oh, not really, I'm about to do the school run and I'm already late.\nA: Oh no, sorry, I know how hectic the school run is. When would be better for me to ring back?"),
        IndicatorExample(.na, "C: We both work late, no time to go to the market.\nA: Our box has all the ingredients pre-portioned."),
        IndicatorExample(.hit, "C: 換誰都會生氣吧，等了兩個禮拜！\nA: 真的很抱歉，換作是我也會很生氣，我馬上幫您查。"),
        IndicatorExample(.hit, "C: 卡號會換嗎 我很多自動扣繳都綁這張 換卡很麻煩\nA: 了解 您是擔心自動扣繳要重新設定對吧 卡號不會換"),
    ]

    func evaluate(_ call: CallAnalysis) -> IndicatorVerdict {
        // "No time to go to the market" tells a routine, not a feeling about this call.
        guard let feeling = call.turns.firstIndex(where: { turn in
            turn.speaker == .customer && (turn.has(.customerFeeling) || (turn.has(.customerHurry) && !ObjectionIndicator.isRoutine(.customerHurry, in: turn)))
        }) else {
            return .na
        }
        let hurried = call.turns[feeling].has(.customerHurry) && !ObjectionIndicator.isRoutine(.customerHurry, in: call.turns[feeling])
        for turn in call.agentTurnsAfter(feeling) {
            if turn.has(.empathy) || (hurried && turn.has(.timeAck)) { return IndicatorVerdict(.hit, [turn.number]) }
        }
        return IndicatorVerdict(.missed, [feeling + 1])
    }
}
