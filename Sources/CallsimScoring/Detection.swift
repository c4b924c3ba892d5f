import CallsimCore

/// Judgements several indicators share: who said what, whether a turn answers another.
extension CallAnalysis {
    func string(_ turn: TurnAnalysis) -> String { String(String.UnicodeScalarView(turn.normalized)) }

    /// The agent says their own name (the context's agent name, 敝姓X, "my name is", 的王小明).
    func agentGivesName(_ turn: TurnAnalysis) -> Bool {
        let text = string(turn)
        if let name = context.agentName.map(TextNormalizer.normalize), !name.isEmpty {
            if text.contains(name) { return true }
            let scalars = Array(name.unicodeScalars)
            if let first = scalars.first, TurnFeatures.isHan(first) {
                let surname = String(first)
                if text.contains("敝姓" + surname) || text.contains("我姓" + surname) { return true }
            } else if let firstWord = name.split(separator: " ").first, firstWord.count >= 2 {
                if turn.contentTokens.contains(TurnFeatures.stem(String(firstWord))) || text.contains(String(firstWord)) { return true }
            }
        }
        let t = turn.normalized
        // 敝姓陳 / 我姓陳 / 我叫…
        for cue in ["敝姓", "我姓", "我叫"] {
            let cueScalars = Array(cue.unicodeScalars)
            var i = 0
            while i + cueScalars.count < t.count {
                if Array(t[i..<(i + cueScalars.count)]) == cueScalars, TurnFeatures.isHan(t[i + cueScalars.count]) { return true }
                i += 1
            }
        }
        // …的王小明, 專員許家豪, 我是陳明: a surname and one or two more characters, then the clause ends.
        let leads: Set<Unicode.Scalar> = ["的", "員", "是", "叫", "問"]
        for i in 1..<max(1, t.count) where leads.contains(t[i - 1]) && Surnames.isSurname(t[i]) {
            var j = i + 1
            while j < t.count && TurnFeatures.isHan(t[j]) && j - i < 4 { j += 1 }
            let length = j - i
            let endsClause = j >= t.count || !TurnFeatures.isHan(t[j])
            if (length == 2 || length == 3) && endsClause { return true }
        }
        // English: "my name is Tyler", "this is Dana", "Chloe speaking", "I'm Sam from".
        let original = turn.text
        for cue in ["my name is ", "my name's ", "this is ", "i'm ", "i am ", "it's "] {
            var searchRange = original.startIndex..<original.endIndex
            while let range = original.range(of: cue, options: .caseInsensitive, range: searchRange) {
                let rest = original[range.upperBound...]
                if let word = rest.split(whereSeparator: { !$0.isLetter && $0 != "'" }).first,
                   word.first?.isUppercase == true, word.count >= 2,
                   !companyWords.contains(String(word).lowercased()) {
                    if cue == "my name is " || cue == "my name's " { return true }
                    let after = rest.dropFirst(word.count).prefix(8).lowercased()
                    if after.hasPrefix(",") || after.hasPrefix(".") || after.hasPrefix(" from") || after.hasPrefix(" with")
                        || after.hasPrefix(" at") || after.hasPrefix(" here") || after.hasPrefix(" calling") || after.hasPrefix(" and")
                        || after.hasPrefix(" —") || after.hasPrefix(" -") || after.isEmpty {
                        return true
                    }
                }
                searchRange = range.upperBound..<original.endIndex
            }
        }
        if let range = original.range(of: " speaking", options: .caseInsensitive),
           let last = original[..<range.lowerBound].split(whereSeparator: { !$0.isLetter }).last,
           last.first?.isUppercase == true {
            return true
        }
        return false
    }

    var companyWords: Set<String> { Set((context.company ?? "").lowercased().split(separator: " ").map(String.init)) }

    /// The agent names the company they represent (the known company, or any organisation when unknown).
    func agentGivesCompany(_ turn: TurnAnalysis) -> Bool {
        let text = string(turn).replacingOccurrences(of: "&", with: "and")
        if let company = context.company.map({ TextNormalizer.normalize($0).replacingOccurrences(of: "&", with: "and") }), !company.isEmpty {
            if text.contains(company) { return true }
            let scalars = Array(company.unicodeScalars)
            if let first = scalars.first, TurnFeatures.isHan(first) {
            } else if let firstWord = company.split(separator: " ").first, firstWord.count >= 4, text.contains(String(firstWord)) {
                return true
            }
            return false
        }
        let t = turn.normalized
        let window = String(String.UnicodeScalarView(t.prefix(40)))
        let suffixes = ["電信", "銀行", "公司", "人壽", "保險", "產險", "家電", "保全", "科技", "生技", "集團", "企業", "客服中心", "網", "光纖",
                        "電力", "瓦斯", "證券", "旅行社", "航空", "百貨", "購物", "事業", "有限", "國際", "文化", "出版", "通訊", "汽車", "健身"]
        if suffixes.contains(where: { window.contains($0) }) { return true }
        let original = turn.text
        for cue in ["from ", "with ", "at ", "calling ", "reached ", "welcome to ", "behalf of "] {
            var searchRange = original.startIndex..<original.endIndex
            while let range = original.range(of: cue, options: .caseInsensitive, range: searchRange) {
                if let word = original[range.upperBound...].split(whereSeparator: { !$0.isLetter }).first,
                   word.first?.isUppercase == true, word.count >= 3 {
                    return true
                }
                searchRange = range.upperBound..<original.endIndex
            }
        }
        return false
    }

    /// Selling after a do-not-call request: an offer, a price, pressure, or sending material.
    func isPitch(_ turn: TurnAnalysis) -> Bool {
        turn.hasAny([.offer, .urgency, .sendInfo, .argue]) || turn.hasMoney || (turn.has(.ask) && !turn.has(.dncAccept))
    }

    /// Content shared by two turns (Han bigrams, English stems, numbers).
    func overlap(_ a: TurnAnalysis, _ b: TurnAnalysis) -> Int { a.contentTokens.intersection(b.contentTokens).count }

    func overlap(_ a: TurnAnalysis, tokens: Set<String>) -> Int { a.contentTokens.intersection(tokens).count }

    /// Enough shared content to count as restating (two for Chinese, one for English).
    func restates(_ agent: TurnAnalysis, tokens: Set<String>) -> Bool {
        let shared = agent.contentTokens.intersection(tokens)
        let words = shared.filter { !$0.hasPrefix("#") && ($0.unicodeScalars.first.map(TurnFeatures.isLatin) ?? false) }
        return shared.count >= 2 || words.count >= 1
    }

    /// A restatement: a lead such as 所以您是說 / so you / is that right, with the customer's content.
    func isParaphrase(_ agent: TurnAnalysis, of tokens: Set<String>) -> Bool {
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

    /// Whether an agent turn addresses the customer's question in `question`.
    func addresses(_ reply: TurnAnalysis, question: TurnAnalysis) -> Bool {
        var questionTokens = Set<String>()
        var openWord = false
        var numberQuestion = false
        for range in question.questions {
            questionTokens.formUnion(TurnFeatures.contentTokens(Array(question.normalized[range])))
            let sentence = String(String.UnicodeScalarView(question.normalized[range]))
            if question.matches.contains(where: { $0.act == .openQuestionWord && range.contains($0.start) }) { openWord = true }
            if ["多少", "幾", "多久", "多長", "什麼時候", "how much", "how many", "how long", "when", "what time", "what number", "what date", "which day"]
                .contains(where: { sentence.contains($0) }) {
                numberQuestion = true
            }
        }
        if reply.has(.check) { return true }
        if overlap(reply, tokens: questionTokens) >= 1 {
            return true
        }
        if numberQuestion && (reply.hasMoney || reply.hasDate || reply.normalized.contains(where: TurnFeatures.isDigit)) { return true }
        if question.has(.customerWhoQuestion) && (agentGivesName(reply) || agentGivesCompany(reply)) { return true }
        if question.has(.customerPaymentQuestion) && reply.has(.payment) { return true }
        if !openWord, let yes = reply.firstPosition(of: [.yesNo]), yes <= 4 { return true }
        if openWord && !numberQuestion && reply.has(.explain) && !reply.hasAny([.urgency, .argue]) { return true }
        return false
    }

    /// The agent addresses the customer by name or surname with a title.
    func usesCustomerName(_ turn: TurnAnalysis) -> Bool {
        guard turn.speaker == .agent else { return false }
        let text = string(turn)
        let t = turn.normalized
        if !customerSurnames.isEmpty {
            for name in customerNames where name.unicodeScalars.count >= 2 && text.contains(name) { return true }
            for surname in customerSurnames {
                let s = Array(surname.unicodeScalars)
                if let first = s.first, TurnFeatures.isHan(first) {
                    var i = 0
                    while i < t.count {
                        if t[i] == first && Surnames.titles.contains(where: { title in i + 1 + title.count <= t.count && Array(t[(i + 1)..<(i + 1 + title.count)]) == title }) {
                            return true
                        }
                        i += 1
                    }
                } else if turn.contentTokens.contains(TurnFeatures.stem(surname)) || wordPresent(surname, in: t) {
                    return true
                }
            }
            return false
        }
        return addressesSomeoneByTitle(turn)
    }

    /// 林太太 / Mr. Chen with any surname (used when no name is known beforehand).
    func addressesSomeoneByTitle(_ turn: TurnAnalysis) -> Bool {
        let t = turn.normalized
        var i = 0
        while i + 1 < t.count {
            if Surnames.isSurname(t[i]) {
                for title in Surnames.titles where i + 1 + title.count <= t.count && Array(t[(i + 1)..<(i + 1 + title.count)]) == title {
                    // "王經理" is a colleague; titles here are customer forms only.
                    return true
                }
            }
            i += 1
        }
        let original = turn.text
        for title in ["Mr ", "Mr. ", "Mrs ", "Mrs. ", "Ms ", "Ms. ", "Miss ", "Dr ", "Dr. "] {
            if let range = original.range(of: title), let next = original[range.upperBound...].first, next.isUppercase { return true }
        }
        return false
    }

    func wordPresent(_ word: String, in t: [Unicode.Scalar]) -> Bool {
        let w = Array(word.unicodeScalars)
        guard !w.isEmpty, w.count <= t.count else { return false }
        var i = 0
        while i + w.count <= t.count {
            if Array(t[i..<(i + w.count)]) == w {
                let leftOK = i == 0 || !TurnFeatures.isLatin(t[i - 1])
                let rightOK = i + w.count >= t.count || !TurnFeatures.isLatin(t[i + w.count])
                if leftOK && rightOK { return true }
            }
            i += 1
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
