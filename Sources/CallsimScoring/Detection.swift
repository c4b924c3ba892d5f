import CallsimCore

/// Judgements several indicators share: who said what, whether a turn answers another.
extension CallAnalysis {
    func string(_ turn: TurnAnalysis) -> String { String(String.UnicodeScalarView(turn.normalized)) }

    static let nameLeadWords: Set<String> = ["from", "with", "at", "here", "calling", "and", "ringing", "over"]
    static let notNames: Set<String> = ["the", "a", "an", "your", "our", "just", "regarding", "about", "calling", "not", "sorry", "so", "really", "very"]

    /// The agent says their own name (the context's agent name, 敝姓X, "my name is", 的王小明).
    func agentGivesName(_ turn: TurnAnalysis) -> Bool {
        if let name = context.agentName, !name.isEmpty {
            let scalars = TextNormalizer.scalars(name)
            if TurnFeatures.find(scalars, in: turn.normalized, from: 0) != nil { return true }
            if let first = scalars.first, TurnFeatures.isHan(first) {
                if TurnFeatures.find(Array("敝姓".unicodeScalars) + [first], in: turn.normalized, from: 0) != nil
                    || TurnFeatures.find(Array("我姓".unicodeScalars) + [first], in: turn.normalized, from: 0) != nil {
                    return true
                }
            } else if let firstWord = name.split(separator: " ").first, firstWord.count >= 2,
                      turn.words.contains(where: { $0.lower == firstWord.lowercased() }) {
                return true
            }
        }
        let t = turn.normalized
        // 敝姓陳 / 我姓陳 / 我叫…
        for cue in Self.surnameCues {
            var i = 0
            while i + cue.count < t.count {
                if TurnFeatures.matchesAt(t, i, cue), TurnFeatures.isHan(t[i + cue.count]) { return true }
                i += 1
            }
        }
        // …的王小明, 專員許家豪, 我是陳明: a surname and one or two more characters, then the clause ends.
        if t.count > 1 {
            for i in 1..<t.count where Surnames.isSurname(t[i]) && Self.isNameLead(t[i - 1]) {
                var j = i + 1
                while j < t.count && TurnFeatures.isHan(t[j]) && j - i < 4 { j += 1 }
                let length = j - i
                let endsClause = j >= t.count || !TurnFeatures.isHan(t[j])
                if (length == 2 || length == 3) && endsClause { return true }
            }
        }
        // English: "my name is Tyler", "this is Dana", "Chloe speaking", "I'm Sam from".
        let words = turn.words
        guard !words.isEmpty else { return false }
        for cue in [["my", "name", "is"], ["my", "name's"]] {
            for i in turn.positions(after: cue) where i < words.count && words[i].capitalized { return true }
        }
        for cue in [["speaking", "with"], ["this", "is"], ["i'm"], ["i", "am"], ["it's"]] {
            for i in turn.positions(after: cue) where i < words.count {
                let word = words[i]
                guard word.capitalized, word.lower.count >= 2, !Self.notNames.contains(word.lower), !companyWords.contains(word.lower) else { continue }
                if word.followedBy != nil || i + 1 >= words.count || Self.nameLeadWords.contains(words[i + 1].lower) { return true }
            }
        }
        // "Chloe speaking", "Sam here from Northwind".
        for (i, word) in words.enumerated() where i > 0 && (word.lower == "speaking" || word.lower == "here") {
            let name = words[i - 1]
            if name.capitalized && name.followedBy == nil && !Self.notNames.contains(name.lower) && !["i", "it", "we"].contains(name.lower) {
                return true
            }
        }
        return false
    }

    static let surnameCues: [[Unicode.Scalar]] = ["敝姓", "我姓", "我叫"].map { Array($0.unicodeScalars) }
    @inline(__always) static func isNameLead(_ s: Unicode.Scalar) -> Bool {
        s == "的" || s == "員" || s == "是" || s == "叫" || s == "問"
    }

    var companyWords: Set<String> { companyWordSet }

    static let organisationSuffixes: [[Unicode.Scalar]] = [
        "電信", "銀行", "公司", "人壽", "保險", "產險", "家電", "保全", "科技", "生技", "集團", "企業", "客服中心", "網", "光纖",
        "電力", "瓦斯", "證券", "旅行社", "航空", "百貨", "購物", "事業", "有限", "國際", "文化", "出版", "通訊", "汽車", "健身",
    ].map { Array($0.unicodeScalars) }
    static let companyLeadWords: [[String]] = [["from"], ["with"], ["at"], ["calling"], ["reached"], ["welcome", "to"], ["behalf", "of"]]

    /// The agent names the company they represent (the known company, or any organisation when unknown).
    func agentGivesCompany(_ turn: TurnAnalysis) -> Bool {
        if let company = context.company, !company.isEmpty {
            let scalars = companyScalars
            if TurnFeatures.find(scalars, in: turn.normalized, from: 0) != nil { return true }
            if turn.normalized.contains("&") {
                let text = Array(turn.normalized.split(separator: "&", omittingEmptySubsequences: false).joined(separator: Array("and".unicodeScalars)))
                if TurnFeatures.find(scalars, in: text, from: 0) != nil { return true }
            }
            if let first = scalars.first, !TurnFeatures.isHan(first), let firstWord = company.split(separator: " ").first, firstWord.count >= 4 {
                return turn.words.contains { $0.lower == firstWord.lowercased() }
            }
            return false
        }
        let window = Array(turn.normalized.prefix(40))
        if Self.organisationSuffixes.contains(where: { TurnFeatures.find($0, in: window, from: 0) != nil }) { return true }
        let words = turn.words
        for cue in Self.companyLeadWords {
            for i in turn.positions(after: cue) where i < words.count && words[i].capitalized && words[i].lower.count >= 3 { return true }
        }
        return false
    }

    /// Selling after a do-not-call request: an offer, a price, pressure, or sending material.
    func isPitch(_ turn: TurnAnalysis) -> Bool {
        turn.hasAny([.offer, .urgency, .sendInfo, .argue]) || turn.hasMoney || (turn.has(.ask) && !turn.has(.dncAccept))
    }

    /// Content shared by two turns (Han bigrams, English stems, numbers).
    func overlap(_ a: TurnAnalysis, _ b: TurnAnalysis) -> Int { a.contentTokens.intersection(b.contentTokens).count }

    func overlap(_ a: TurnAnalysis, tokens: TokenSet) -> Int { a.contentTokens.intersection(tokens).count }

    /// Enough shared content to count as restating (two for Chinese, one for English).
    func restates(_ agent: TurnAnalysis, tokens: TokenSet) -> Bool {
        let shared = agent.contentTokens.intersection(tokens)
        return shared.count >= 2 || shared.contains(where: TurnFeatures.isWordToken)
    }

    /// A restatement: a lead such as 所以您是說 / so you / is that right, with the customer's content.
    func isParaphrase(_ agent: TurnAnalysis, of tokens: TokenSet) -> Bool {
        agent.speaker == .agent && agent.hasAny([.paraphraseLead, .readback]) && restates(agent, tokens: tokens)
    }

    /// Customer turns that state a need, a problem or a complaint.
    func needStatements() -> [Int] {
        var result: [Int] = []
        for (i, turn) in turns.enumerated() where turn.speaker == .customer && !turn.isGreetingOnly {
            if turn.has(.customerDNC) && !turn.hasAny([.customerNeed, .customerComplaint]) { continue }
            if turn.hasAny([.customerNeed, .customerComplaint]) { result.append(i); continue }
            // A substantial answer to the agent's open question about the customer's situation.
            if let previous = turns[..<i].last(where: { $0.speaker == .agent }), hasOpenQuestion(previous, before: nil),
               turn.contentTokens.count >= 4 {
                result.append(i)
            }
        }
        return result
    }

    /// An open question (what / how / 什麼 / 哪些 / 平常…) that is not a permission ask or a greeting.
    func hasOpenQuestion(_ turn: TurnAnalysis, before limit: Int?) -> Bool {
        guard turn.speaker == .agent else { return false }
        for range in turn.questions {
            if let limit, range.lowerBound >= limit { continue }
            let inRange = turn.matches.filter { range.contains($0.start) }
            guard inRange.contains(where: { $0.act == .openQuestionWord }) else { continue }
            if inRange.contains(where: { [.permission, .greetingQuestion, .ask, .confirmQuestion].contains($0.act) }) {
                continue
            }
            return true
        }
        return false
    }

    static let numberQuestionCues: [[Unicode.Scalar]] = ["多少", "幾", "多久", "多長", "什麼時候", "how much", "how many", "how long", "when", "what time",
                                                         "what number", "what date", "which day"].map { Array($0.unicodeScalars) }

    /// Whether an agent turn addresses the customer's question in `question`.
    func addresses(_ reply: TurnAnalysis, question: TurnAnalysis) -> Bool {
        var questionTokens = TokenSet()
        var openWord = false
        var numberQuestion = false
        for range in question.questions {
            questionTokens.formUnion(TurnFeatures.contentTokens(question.normalized[range]))
            let sentence = Array(question.normalized[range])
            if question.matches.contains(where: { $0.act == .openQuestionWord && range.contains($0.start) }) { openWord = true }
            if Self.numberQuestionCues.contains(where: { TurnFeatures.find($0, in: sentence, from: 0) != nil }) {
                numberQuestion = true
            }
        }
        // A clear next step (let me check, a hand-off, a callback) addresses it too.
        if reply.hasAny([.check, .escalate, .callback]) { return true }
        if overlap(reply, tokens: questionTokens) >= 1 {
            return true
        }
        if numberQuestion && (reply.hasMoney || reply.hasDate || reply.hasAny([.freeClaim, .priceWord, .dateTime])
            || reply.normalized.contains(where: TurnFeatures.isDigit)) {
            return true
        }
        // "How do I sign up?" answered by doing it.
        if question.has(.customerHowToApply) && reply.hasAny([.ask, .logged]) { return true }
        if question.has(.customerWhoQuestion) && (agentGivesName(reply) || agentGivesCompany(reply)) { return true }
        if question.has(.customerPaymentQuestion) && reply.has(.payment) { return true }
        if !openWord, let yes = reply.firstPosition(of: [.yesNo]), yes <= 4 { return true }
        if openWord && !numberQuestion && reply.has(.explain) && !reply.hasAny([.urgency, .argue]) { return true }
        return false
    }

    /// The agent addresses the customer by name or surname with a title.
    func usesCustomerName(_ turn: TurnAnalysis) -> Bool {
        guard turn.speaker == .agent else { return false }
        let t = turn.normalized
        if !customerSurnames.isEmpty {
            for name in customerNameScalars where TurnFeatures.find(name, in: t, from: 0) != nil { return true }
            for surname in customerSurnames {
                let s = Array(surname.unicodeScalars)
                if let first = s.first, TurnFeatures.isHan(first) {
                    for i in 0..<t.count where t[i] == first && Surnames.titles.contains(where: { TurnFeatures.matchesAt(t, i + 1, $0) }) {
                        return true
                    }
                } else if turn.words.contains(where: { $0.lower == surname }) {
                    return true
                }
            }
            return false
        }
        return addressesSomeoneByTitle(turn)
    }

    static let englishTitles: Set<String> = ["mr", "mrs", "ms", "miss", "dr"]

    /// 林太太 / Mr. Chen with any surname (used when no name is known beforehand).
    func addressesSomeoneByTitle(_ turn: TurnAnalysis) -> Bool {
        let t = turn.normalized
        for i in 0..<t.count where Surnames.isSurname(t[i]) {
            // "王經理" is a colleague; the titles here are customer forms only.
            if Surnames.titles.contains(where: { TurnFeatures.matchesAt(t, i + 1, $0) }) { return true }
        }
        let words = turn.words
        for (i, word) in words.enumerated() where word.capitalized && Self.englishTitles.contains(word.lower) {
            if i + 1 < words.count && words[i + 1].capitalized { return true }
        }
        return false
    }

    /// Agent turns after index `i` (exclusive).
    func agentTurnsAfter(_ i: Int) -> [TurnAnalysis] {
        guard i + 1 < turns.count else { return [] }
        return turns[(i + 1)...].filter { $0.speaker == .agent }
    }

    /// Agent turns from the first offer on (the whole call when there is no offer).
    var agentTurnsFromOffer: [TurnAnalysis] {
        guard let offer = firstOffer else { return agentTurns }
        return turns[offer...].filter { $0.speaker == .agent }
    }

    /// Agent turns that settle the sale (after the customer's acceptance).
    var agentTurnsAfterSale: [TurnAnalysis] {
        if let sale = saleTurn { return agentTurnsAfter(sale) }
        return agentTurnsFromOffer
    }

    /// The first `n` agent turns.
    func firstAgentTurns(_ n: Int) -> [TurnAnalysis] { Array(agentTurns.prefix(n)) }

    /// True when `turn` (at `index`) comes before the first offer, or is that turn and `position` precedes the offer in it.
    func isBeforeOffer(index: Int, position: Int) -> Bool {
        guard let offer = firstOffer else { return true }
        return index < offer || (index == offer && position < firstOfferPosition)
    }

    func index(of turn: TurnAnalysis) -> Int { turn.number - 1 }
}
