import Testing
import CallsimCore
@testable import CallsimScoring

struct ScorecardTests {
    let outbound = """
    # direction: outbound
    # company: 遠星電信
    # customer: 林太太
    # outcome: sale
    C: 喂？
    A: 林太太您好，我是遠星電信的王小明，今天打給您是想說明續約優惠，請問現在方便嗎？
    C: 好啊。
    A: 想先請問您平常網路都用在哪些地方？
    C: 晚上追劇常常卡住。
    A: 了解，所以您是說晚上追劇會卡，對嗎？這個方案月租599元，上網吃到飽不降速。要不要幫您辦理？
    C: 好，幫我辦。
    A: 跟您核對一下：599方案，月租599元，7月1號生效，從信用卡自動扣繳，這樣對嗎？
    C: 對。
    A: 提醒您有七天猶豫期，有問題可以打客服專線0800-123-456。謝謝林太太，再見。
    """

    @Test func jsonHasTheDocumentedKeysInOrder() throws {
        let transcript = try TranscriptParser.parse(outbound, file: "calls/0001.txt")
        let card = Scorer().score(transcript)
        let line = card.jsonLine(file: "calls/0001.txt")
        let keys = ["\"file\"", "\"direction\"", "\"lang\"", "\"outcome\"", "\"indicators\"", "\"categories\"", "\"score\"", "\"critical\""]
        let positions = keys.compactMap { line.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(line.hasPrefix("{\"file\": \"calls/0001.txt\", \"direction\": \"outbound\", \"lang\": \"zh-TW\", \"outcome\": \"sale\", \"indicators\": [{\"id\": \"compliance.identify\", \"status\": \"hit\", \"turns\": [2], \"codes\": [\"P2.2.1\", \"K08\"]}"))
        #expect(line.contains("\"categories\": {\"compliance\": "))
        #expect(line.contains("\"complaint\": null"))
        #expect(!line.contains("\n"))
        #expect(IndicatorCatalog.ids.allSatisfy { line.contains("\"id\": \"\($0)\"") })
    }

    @Test func scoreIsHitsOverApplicable() throws {
        let transcript = try TranscriptParser.parse(outbound, file: "t")
        let card = Scorer().score(transcript)
        let applicable = card.results.filter { $0.status != .na }
        let hits = applicable.filter { $0.status == .hit }
        #expect(card.score == Int((Double(hits.count) / Double(applicable.count) * 100).rounded()))
        for category in IndicatorCategory.allCases {
            let rows = card.results.filter { IndicatorCatalog.indicator($0.id)?.category == category && $0.status != .na }
            if rows.isEmpty {
                #expect(card.categoryScore(category) == nil)
            } else {
                let expected = Int((Double(rows.filter { $0.status == .hit }.count) / Double(rows.count) * 100).rounded())
                #expect(card.categoryScore(category) == expected)
            }
        }
    }

    @Test func documentedExampleArithmetic() {
        #expect(Scorer.percent(17, 21) == 81)
        #expect(Scorer.percent(2, 3) == 67)
    }

    @Test func rubricFiltersAndWeights() throws {
        let transcript = try TranscriptParser.parse(outbound, file: "t")
        let only = Rubric(applicable: ["compliance.identify", "closing.payment"])
        let card = Scorer().score(transcript, rubric: only)
        #expect(card.results.filter { $0.status != .na }.map(\.id) == ["compliance.identify", "closing.payment"])
        #expect(card.score == 100)
        let short = try TranscriptParser.parse("C: 喂？\nA: 謝謝您。", file: "t")
        let pair: Set<String> = ["compliance.identify", "closing.courtesy"]
        #expect(Scorer().score(short, rubric: Rubric(applicable: pair)).score == 50)
        let weighted = Scorer().score(short, rubric: Rubric(applicable: pair, weights: ["closing.courtesy": 3]))
        #expect(weighted.result("compliance.identify")?.status == .missed)
        #expect(weighted.score == 75)
        #expect(weighted.categoryScore(.closing) == 100)
        #expect(weighted.categoryScore(.compliance) == 0)
    }

    @Test func contextSuppliesNamesAndPrice() throws {
        let text = "# direction: outbound\nC: 喂？\nA: 您好，我是王小明，我們方案完全免費喔。\nC: 好。\nA: 謝謝。"
        let transcript = try TranscriptParser.parse(text, file: "t")
        let free = Scorer().score(transcript)
        #expect(free.result("compliance.no_misrepresentation")?.status == .hit)
        let paid = Scorer().score(transcript, context: CallContext(company: "遠星電信", price: "599", costsMoney: true))
        #expect(paid.result("compliance.no_misrepresentation")?.status == .violated)
        #expect(paid.score == 0)
        #expect(paid.result("compliance.identify")?.status == .missed)
    }

    @Test func inferredDirectionAndOutcome() throws {
        let inbound = try TranscriptParser.parse("A: Thanks for calling Northwind, this is Sam. How can I help?\nC: My bill went up and I'm upset.\nA: I'm sorry about that.", file: "t")
        let card = Scorer().score(inbound)
        #expect(card.direction == .inbound)
        #expect(card.directionInferred)
        let outbound = try TranscriptParser.parse("C: 喂？\nA: 您好，我是遠星電信的王小明，今天打給您是想介紹新方案，方便嗎？", file: "t")
        let second = Scorer().score(outbound)
        #expect(second.direction == .outbound)
        #expect(second.directionInferred)
        #expect(second.lang == .zhTW)
    }

    @Test func sameInputSameOutput() throws {
        let transcript = try TranscriptParser.parse(outbound, file: "t")
        #expect(Scorer().score(transcript).jsonLine(file: "t") == Scorer().score(transcript).jsonLine(file: "t"))
    }

    @Test func fileNamesAreEscaped() throws {
        let transcript = try TranscriptParser.parse("C: hi\nA: hello", file: "t")
        let line = Scorer().score(transcript).jsonLine(file: "a \"b\"\\c.txt")
        #expect(line.hasPrefix("{\"file\": \"a \\\"b\\\"\\\\c.txt\""))
    }
}

struct EvaluationTests {
    @Test func parsesLabelsAndReportsBadLines() throws {
        let labels = try Evaluation.parseLabels("# comment\ncompliance.identify hit\nclosing.ask na\n", file: "x.labels")
        #expect(labels == ["compliance.identify": .hit, "closing.ask": .na])
        #expect(throws: DiagnosticList.self) { try Evaluation.parseLabels("compliance.identify maybe\n", file: "x.labels") }
        do {
            _ = try Evaluation.parseLabels("ok line\nnot.an.id hit\n", file: "x.labels")
        } catch {
            #expect(error.diagnostics.map(\.line) == [1, 2])
        }
    }

    @Test func kappaAndViolatedFigures() {
        #expect(Evaluation.kappa([(.hit, .hit), (.missed, .missed)]) == 1)
        #expect(Evaluation.kappa([(.na, .na), (.na, .na)]) == nil)
        let k = Evaluation.kappa([(.hit, .hit), (.hit, .missed), (.missed, .missed), (.missed, .hit)])
        #expect(k == 0)
    }
}

struct AllowedRemedyTests {
    let call = """
    # direction: inbound
    A: 您好，好買網客服敝姓林。
    C: 我的包裹寄錯了，很生氣，我要你們補償運費！
    A: 真的很抱歉，我幫您退運費150元，三個工作天內退回。
    """

    @Test func allowedCompensationIsWithinAuthority() throws {
        let transcript = try TranscriptParser.parse(call, file: "t")
        let without = Scorer().score(transcript)
        #expect(without.result("complaint.escalate")?.status == .missed)
        let allowed = Scorer().score(transcript, context: CallContext(allowedRemedies: ["運費"]))
        #expect(allowed.result("complaint.escalate")?.status == .na)
        #expect(allowed.result("complaint.resolve")?.status == .hit)
    }
}
