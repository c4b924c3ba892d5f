import Testing
import CallsimCore
import CallsimScoring

/// Calls written for these tests (not from the public labelled set), labelled by the catalog's
/// rules, so the scorer is checked on conversations it was not tuned on.
struct HeldOutCallTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var transcript: String
        var labels: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "insurance-dnc-zh", transcript: """
        # direction: outbound
        # company: 福安人壽
        # customer: 張先生
        # lang: zh-TW
        C: 喂，哪位？
        A: 張先生您好，我是福安人壽的業務專員林佳蓉，今天打給您是想跟您介紹一個醫療險的新方案，請問現在方便講兩分鐘嗎？
        C: 我在上班，而且我已經有保險了。
        A: 了解，您在忙我長話短說。請問您現在的保單有包含住院日額嗎？
        C: 有啦。我真的沒興趣，請你們以後不要再打來了。
        A: 好的，沒問題，我這邊馬上幫您註記不再來電，打擾您上班真的很抱歉，祝您工作順利。
        C: 好，掰。
        """, labels: """
        compliance.identify hit
        compliance.purpose hit
        compliance.permission hit
        compliance.honor_dnc hit
        listening.acknowledge hit
        listening.paraphrase na
        listening.open_question missed
        listening.answer_question hit
        listening.use_name hit
        listening.empathy hit
        closing.benefit na
        closing.objection hit
        closing.ask na
        closing.contact na
        closing.courtesy hit
        """),
        Case(name: "double-charge-complaint-zh", transcript: """
        # direction: inbound
        # company: 宏遠電信
        # lang: zh-TW
        A: 宏遠電信您好，我是客服人員陳思妤，請問有什麼可以為您服務？
        C: 我這個月帳單被重複扣款兩次，一次1280，我已經打來第二次了，真的很生氣！
        A: 非常抱歉讓您再跑一趟，重複扣款一定很困擾。跟您確認一下，是這個月的帳單1280元被扣了兩次，對嗎？
        C: 對。我姓蘇，你們到底要怎麼處理？
        A: 蘇小姐，我查到確實重複扣款了，我現在幫您辦理退款1280元，大約7個工作天會退回您的信用卡。
        C: 我要你們主管跟我道歉，不然我要去消保會檢舉。
        A: 了解您的不滿，我會把這件事轉給我們的客服主管，她會在明天中午以前打電話給您。這次的案件編號是CS-2024-0815。
        C: 好吧。順便跟你說，我搬家了，新地址是台中市西屯區文心路二段100號。
        A: 好的，我念一次：台中市西屯區文心路二段100號，對嗎？
        C: 對。
        A: 已經更新好了。之後有問題可以撥打客服專線0800-080-123。謝謝蘇小姐，祝您順心。
        """, labels: """
        compliance.identify hit
        compliance.purpose na
        compliance.permission na
        compliance.no_misrepresentation hit
        compliance.privacy hit
        listening.acknowledge hit
        listening.paraphrase hit
        listening.open_question na
        listening.answer_question hit
        listening.use_name hit
        listening.empathy hit
        closing.benefit na
        closing.objection na
        closing.ask na
        closing.confirm na
        closing.contact hit
        closing.courtesy hit
        complaint.positive hit
        complaint.key_points hit
        complaint.resolve hit
        complaint.escalate hit
        complaint.record hit
        records.update hit
        """),
        Case(name: "home-insurance-sale-en", transcript: """
        # direction: outbound
        # company: Harbor Home Insurance
        # customer: Mr Alvarez
        # lang: en
        # product: Home Cover Plus
        # price: £18 a month
        # recording: required
        C: Hello?
        A: Good morning, Mr Alvarez, my name is Priya and I'm calling from Harbor Home Insurance. This call is recorded for training. I'm ringing because your home policy renews next month — have you got a few minutes?
        C: Yeah, a few.
        A: Thanks. What matters most to you in a home policy these days?
        C: Honestly, the price. It went up a lot last year and I'm not sure it's worth it.
        A: That makes sense — so the renewal price jumped last year and you're wondering if you're getting value. Our Home Cover Plus is £18 a month, which includes accidental damage and a 24-hour emergency line. I can't promise it will never go up, but it's fixed for the first twelve months.
        C: Eighteen is still more than I wanted to pay.
        A: Understood. If you raise the excess to £250, it comes down to £15 a month. Shall I set that up for you?
        C: Fifteen sounds alright. Go on then.
        A: Great. Just to confirm: Home Cover Plus at £15 a month with a £250 excess, starting on the 1st of July when your current policy ends. Is that right?
        C: Yes.
        A: And would you like to pay by direct debit or card?
        C: Direct debit.
        A: Perfect, the direct debit form will arrive by email today. You have fourteen days to cancel with a full refund, and you can reach us on 0800 555 0199. Thanks for your time, Mr Alvarez.
        """, labels: """
        compliance.identify hit
        compliance.purpose hit
        compliance.permission hit
        compliance.honor_dnc na
        compliance.no_misrepresentation hit
        compliance.privacy hit
        compliance.cooling_off hit
        compliance.recording hit
        listening.acknowledge hit
        listening.paraphrase hit
        listening.open_question hit
        listening.answer_question na
        listening.use_name hit
        listening.empathy na
        closing.benefit hit
        closing.objection hit
        closing.ask hit
        closing.confirm hit
        closing.payment hit
        closing.delivery hit
        closing.contact hit
        closing.courtesy hit
        complaint.positive na
        records.update na
        """),
        Case(name: "wrong-item-blame-en", transcript: """
        # direction: inbound
        # company: QuickShip Online
        # lang: en
        # recording: required
        A: QuickShip Online, this is Jordan speaking. This call may be recorded. How can I help?
        C: I ordered a blue kettle last week and you sent me a toaster. I'm pretty annoyed, I needed it for the weekend.
        A: Well, you must have clicked the wrong item, our warehouse doesn't make mistakes.
        C: I definitely didn't. I want a replacement and I want to talk to a supervisor.
        A: There's nothing I can do about that.
        C: When will I get my kettle, then?
        A: You'd have to place a new order.
        C: Unbelievable. Goodbye.
        """, labels: """
        compliance.identify hit
        compliance.purpose na
        compliance.no_misrepresentation hit
        compliance.privacy hit
        compliance.recording hit
        listening.acknowledge missed
        listening.paraphrase missed
        listening.answer_question missed
        listening.use_name na
        listening.empathy missed
        closing.objection na
        closing.contact missed
        closing.courtesy missed
        complaint.positive violated
        complaint.key_points missed
        complaint.resolve missed
        complaint.escalate missed
        complaint.record missed
        records.update na
        """),
        Case(name: "massage-chair-card-zh", transcript: """
        # direction: outbound
        # company: 樂活購物
        # customer: 許小姐
        # lang: zh-TW
        # product: 按摩椅
        # price: 29800
        # outcome: sale
        C: 您好。
        A: 許小姐您好，我是樂活購物的客服專員黃志明，您上週有在我們門市試坐按摩椅，所以今天打來跟您說明一下週年慶的優惠，請問現在方便嗎？
        C: 可以，你說。
        A: 請問您平常比較容易痠痛的是哪些部位呢？
        C: 主要是肩頸，因為我每天都要打電腦，下班常常很緊繃。
        A: 原來如此，所以您主要是肩頸因為長時間打電腦很緊繃。這台按摩椅有肩頸加強模式，週年慶特價29800元，還可以分12期零利率。要不要幫您訂一台？
        C: 好啊，那就分期好了。
        A: 好的，那請您提供信用卡卡號跟背面的末三碼，我幫您刷分期。
        C: 喔，卡號是……好，我唸給你。
        A: 謝謝，已經幫您刷好了，按摩椅會在下週六下午送到府上安裝。謝謝許小姐，祝您有愉快的一天。
        """, labels: """
        compliance.identify hit
        compliance.purpose hit
        compliance.permission hit
        compliance.no_misrepresentation hit
        compliance.privacy violated
        compliance.cooling_off missed
        compliance.recording na
        listening.acknowledge hit
        listening.paraphrase hit
        listening.open_question hit
        listening.answer_question na
        listening.use_name hit
        closing.benefit hit
        closing.objection na
        closing.ask hit
        closing.confirm missed
        closing.payment hit
        closing.delivery hit
        closing.contact missed
        closing.courtesy hit
        complaint.positive na
        """),
        Case(name: "driver-callback-en", transcript: """
        # direction: outbound
        # company: Meadow Energy
        # lang: en
        C: Yeah, hello?
        A: Hi, this is Ben from Meadow Energy. I'm calling about a cheaper fixed tariff for your home — is now a good time?
        C: Not really, I'm driving and I'm in a hurry.
        A: No problem at all, I'll be quick — when would be a better time for me to call you back?
        C: Try me tomorrow after six.
        A: Will do, I'll call you back tomorrow after 6 p.m. Thanks, and drive safely.
        """, labels: """
        compliance.identify hit
        compliance.purpose hit
        compliance.permission hit
        compliance.honor_dnc na
        listening.acknowledge hit
        listening.paraphrase na
        listening.open_question missed
        listening.answer_question na
        listening.use_name na
        listening.empathy hit
        closing.benefit na
        closing.objection hit
        closing.ask na
        closing.contact hit
        closing.courtesy hit
        """),
        Case(name: "seminar-negations-zh", transcript: """
        # direction: outbound
        # company: 永信投顧
        # lang: zh-TW
        C: 喂？
        A: 您好，我是永信投顧的理財專員吳宗翰，今天打來是想通知您我們下週有一場免費的退休理財講座，我不是要推銷商品，想問您這週方便聊一下嗎？
        C: 講座喔？那你們的基金會不會保證賺錢？
        A: 這個要跟您說清楚，基金投資一定有風險，報酬不是保證的，講座上會說明怎麼依照年齡配置。
        C: 嗯，我再考慮看看好了。
        A: 沒問題，那我先把講座的資料用簡訊傳給您參考，您看完有興趣再打我們的服務專線02-2345-6789報名就好。謝謝您，祝您順心。
        """, labels: """
        compliance.identify hit
        compliance.purpose hit
        compliance.permission hit
        compliance.no_misrepresentation hit
        listening.acknowledge hit
        listening.paraphrase na
        listening.open_question missed
        listening.answer_question hit
        closing.benefit na
        closing.objection hit
        closing.ask na
        closing.contact hit
        closing.courtesy hit
        """),
        Case(name: "impersonation-en", transcript: """
        # direction: outbound
        # company: ClearPath Debt Advisors
        # lang: en
        C: Hello?
        A: Hello, this is Mark from the IRS tax relief office. I'm calling about your outstanding balance. Do you have a moment?
        C: Okay, go ahead.
        A: We can settle your tax debt for just $499 and save you thousands. Your current accountant's firm is a scam, they overcharge everyone.
        C: I'm not interested. Please don't call me again.
        A: I understand, I'll remove your number right away. Goodbye.
        """, labels: """
        compliance.identify missed
        compliance.purpose hit
        compliance.permission hit
        compliance.honor_dnc hit
        compliance.no_misrepresentation violated
        compliance.privacy hit
        listening.acknowledge hit
        listening.open_question missed
        listening.answer_question na
        closing.benefit hit
        closing.objection na
        closing.ask na
        closing.contact na
        closing.courtesy hit
        """),
        Case(name: "smart-meter-signup-zh", transcript: """
        # direction: outbound
        # company: 晴天電力
        # customer: 李先生
        # lang: zh-TW
        C: 喂？
        A: 李先生您好，敝姓周，晴天電力的專員。這次打來是要通知您，您家的電表下個月可以免費升級成智慧電表，想請問您現在講電話方便嗎？
        C: 可以啊，要多少錢？
        A: 升級本身不用錢，之後每個月可以在APP上看用電量，幫您抓出比較耗電的電器。
        C: 喔，那要怎麼申請？
        A: 我直接幫您登記，安裝師傅下週三上午會到府，請問地址還是台北市信義路五段7號嗎？
        C: 對，不過我手機換了，新的是0922-333-444。
        A: 好的，跟您確認新手機是0922-333-444，對嗎？
        C: 對。
        A: 已經幫您登記好了，有問題可以打晴天電力客服0800-000-111。謝謝李先生，祝您順心。
        """, labels: """
        compliance.identify hit
        compliance.purpose hit
        compliance.permission hit
        compliance.honor_dnc na
        compliance.no_misrepresentation hit
        compliance.privacy hit
        compliance.cooling_off missed
        listening.acknowledge hit
        listening.answer_question hit
        listening.use_name hit
        listening.empathy na
        closing.ask hit
        closing.confirm missed
        closing.delivery hit
        closing.contact hit
        closing.courtesy hit
        complaint.positive na
        records.update hit
        """),
        Case(name: "card-fraud-en", transcript: """
        # direction: inbound
        # lang: en
        A: Good morning, Riverside Bank card services, you're speaking with Holly. How can I help?
        C: Hi. There's a charge on my card for $89 from a store I've never heard of. I'm really worried someone has my details.
        A: Oh no, I'm sorry — that's worrying, I completely understand. So there's an $89 charge from a merchant you don't recognise, is that right?
        C: Yes, on Tuesday.
        A: Okay. I've blocked the card right now so nothing else can go through, and I've raised a dispute for the $89, reference RB-55120. A new card will arrive within five working days.
        C: Thank you. Will I get the money back?
        A: Yes — once the dispute is reviewed, usually within ten days, the $89 goes back on your account.
        C: Great, thanks Holly.
        A: You're welcome. If anything else looks odd, call us on 0345 600 1234, any time. Take care.
        """, labels: """
        compliance.identify hit
        compliance.purpose na
        compliance.privacy hit
        listening.acknowledge hit
        listening.paraphrase hit
        listening.answer_question hit
        listening.use_name na
        listening.empathy hit
        closing.confirm na
        closing.payment na
        closing.contact hit
        closing.courtesy hit
        complaint.positive hit
        complaint.key_points hit
        complaint.resolve hit
        complaint.escalate na
        complaint.record hit
        records.update na
        """),
        Case(name: "vacuum-pressure-en", transcript: """
        C: Hello?
        A: Hi, is this Mr. Wong? This is Jake from SunnyVac. We've got a special on vacuum cleaners this week, only $199.
        C: I'm not interested, thanks.
        A: It's our best seller, everyone's buying it. Can I put you down for one?
        C: I said no. Don't call me again.
        A: Okay, but you'll regret it, this deal won't last.
        """, labels: """
        compliance.identify hit
        compliance.permission missed
        compliance.honor_dnc violated
        compliance.no_misrepresentation hit
        listening.acknowledge missed
        listening.use_name hit
        closing.benefit missed
        closing.objection missed
        closing.ask na
        closing.contact na
        closing.courtesy missed
        """),
        Case(name: "slow-broadband-zh", transcript: """
        # direction: inbound
        # company: 全家寬頻
        # lang: zh-TW
        客服：全家寬頻您好，我是客服小組的楊承恩，請問有什麼可以幫您？
        客戶：你們的網路每天晚上都很慢，看個影片一直轉圈圈，我已經忍一個月了，真的很煩。
        客服：不好意思造成您的困擾。請問您的帳號是？
        客戶：帳號是 HN88231。你們到底什麼時候要修好？
        客服：我這邊看到您那區晚上用量比較大，我幫您開一張維修單，單號是R-77120，工程師會在後天下午兩點到五點到府檢測，這樣可以嗎？
        客戶：可以。這個月的月費你們要不要退一點？
        客服：這個部分我沒辦法決定，我會轉給主管，明天中午前會有專人打電話跟您說明。
        客戶：好吧。
        客服：謝謝您，祝您有美好的一天。
        """, labels: """
        compliance.identify hit
        compliance.purpose na
        listening.acknowledge hit
        listening.paraphrase missed
        listening.answer_question hit
        listening.empathy hit
        closing.objection na
        closing.contact hit
        closing.courtesy hit
        complaint.positive hit
        complaint.key_points missed
        complaint.resolve hit
        complaint.escalate hit
        complaint.record hit
        records.update na
        """),
        Case(name: "medical-insurance-guarantee-zh", transcript: """
        # direction: outbound
        # company: 康健保險經紀
        # customer: 謝太太
        # lang: zh-TW
        C: 喂？
        A: 謝太太您好，我是康健保險經紀的吳佩珊，打來是想關心一下您家的保障，不知道您現在方便說話嗎？
        C: 嗯，可以啊。
        A: 謝謝您。想請教您，目前家裡的保單主要是保哪些項目呢？
        C: 就一些壽險啦，醫療的好像比較少，我最近一直在擔心住院的費用。
        A: 我能理解您的擔心，所以您是覺得醫療這塊比較不足，特別是住院的花費，對嗎？
        C: 對對。
        A: 我們有一張實支實付的醫療險，住院一天最高理賠三千，一個月保費大約850元。保證您穩賺不賠，比放銀行還好。
        C: 這樣喔，那我要先問問我先生。
        A: 沒問題，我先把建議書寄到您的信箱，您跟先生討論看看，我週四下午再打給您，可以嗎？
        C: 好啊。
        A: 謝謝謝太太，有問題可以打我分機2231。再見。
        """, labels: """
        compliance.identify hit
        compliance.purpose hit
        compliance.permission hit
        compliance.no_misrepresentation violated
        compliance.privacy hit
        compliance.cooling_off na
        listening.acknowledge hit
        listening.paraphrase hit
        listening.open_question hit
        listening.use_name hit
        listening.empathy hit
        closing.benefit hit
        closing.objection hit
        closing.ask missed
        closing.confirm na
        closing.contact hit
        closing.courtesy hit
        complaint.positive na
        """),
    ]

    @Test(arguments: cases)
    func scoresLikeAReviewer(_ call: Case) throws {
        let transcript = try TranscriptParser.parse(call.transcript, file: call.name)
        let card = Scorer().score(transcript)
        for line in call.labels.split(separator: "\n") {
            let parts = line.split(separator: " ")
            try #require(parts.count == 2)
            let expected = try #require(IndicatorStatus(rawValue: String(parts[1])))
            let got = card.result(String(parts[0]))?.status
            #expect(got == expected, "\(call.name) \(parts[0]): expected \(expected), got \(String(describing: got))")
        }
    }

    @Test func criticalViolationZeroesTheScore() throws {
        let call = try #require(Self.cases.first { $0.name == "impersonation-en" })
        let card = Scorer().score(try TranscriptParser.parse(call.transcript, file: call.name))
        #expect(card.critical == ["compliance.no_misrepresentation"])
        #expect(card.score == 0)
    }
}
