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
                // The given name alone (佩君 for 林佩君), as colleagues and regulars are addressed.
                if scalars.count == 3, TurnFeatures.find(Array(scalars.dropFirst()), in: turn.normalized, from: 0) != nil { return true }
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
        // Nicknames as Taiwanese agents give them (我是小美, 的阿哲), and an English name, with or without the
        // surname, in Chinese speech (專員 Kevin 王, 我是Amy).
        if t.count > 2 {
            for i in 1..<(t.count - 1) where (t[i] == "小" || t[i] == "阿") && Self.isNameLead(t[i - 1]) && TurnFeatures.isHan(t[i + 1]) {
                if i + 2 >= t.count || !TurnFeatures.isHan(t[i + 2]) || Self.sentenceParticles.contains(t[i + 2]) { return true }
            }
            var i = 0
            while i < t.count {
                guard TurnFeatures.isLatin(t[i]) else { i += 1; continue }
                var lead = i - 1
                while lead >= 0 && t[lead] == " " { lead -= 1 }
                var end = i
                while end < t.count && TurnFeatures.isLatin(t[end]) { end += 1 }
                if lead >= 0 && Self.isNameLead(t[lead]) && end - i >= 2 && !Self.latinNonNames.contains(String(String.UnicodeScalarView(t[i..<end]))) { return true }
                i = end
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
                // Given name and surname: "it's Mandy Chan from…".
                if i + 1 < words.count, words[i + 1].capitalized,
                   words[i + 1].followedBy != nil || i + 2 >= words.count || Self.nameLeadWords.contains(words[i + 2].lower) { return true }
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

    static let latinNonNames: Set<String> = ["vip", "line", "app", "ok", "email", "atm", "id", "otp", "ai", "tv", "wifi", "pm", "am", "apple", "google"]
    static let sentenceParticles: Set<Unicode.Scalar> = ["啦", "喔", "唷", "哦", "呀", "啊", "這", "那"]
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
            if Self.saysShortName(of: scalars, in: turn.normalized) { return true }
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

    /// A Chinese company by its short name: its first two characters and two more of its own
    /// characters right after (永信投信 for 永信證券投資信託, 台新銀 for 台新國際商業銀行).
    static func saysShortName(of company: [Unicode.Scalar], in t: [Unicode.Scalar]) -> Bool {
        guard company.count >= 5, TurnFeatures.isHan(company[0]), TurnFeatures.isHan(company[1]) else { return false }
        let rest = Set(company.dropFirst(2))
        var from = 0
        while let at = TurnFeatures.find(Array(company.prefix(2)), in: t, from: from) {
            from = at + 1
            var k = at + 2
            var shared = 0
            while k < t.count && k < at + 4 && rest.contains(t[k]) { shared += 1; k += 1 }
            if shared >= 2 { return true }
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
            if turn.hasAny([.customerNeed, .customerComplaint]) || complaint == i { result.append(i); continue }
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

    static let numberQuestionCues: [[Unicode.Scalar]] = ["多少", "幾", "多久", "多長", "什麼時候", "how much", "how many", "how long", "what time",
                                                         "what number", "what date", "which day"].map { Array($0.unicodeScalars) }

    static let timeQuestionCues: [[Unicode.Scalar]] = ["什麼時候", "多久", "幾點", "哪天", "what time", "how long", "which day"].map { Array($0.unicodeScalars) }
    /// "When?" / "When will it come?" ask for a time; "…charging me when I tap?" does not.
    static func startsWithWhen(_ sentence: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < sentence.count && !TurnFeatures.isLatin(sentence[i]) && !TurnFeatures.isHan(sentence[i]) { i += 1 }
        let word = Array("when".unicodeScalars)
        guard TurnFeatures.matchesAt(sentence, i, word) else { return false }
        return i + 4 >= sentence.count || !TurnFeatures.isLatin(sentence[i + 4])
    }

    static let whatsThisAbout: [[Unicode.Scalar]] = ["怎麼了", "什麼事", "有什麼事", "要幹嘛", "做什麼", "what's this about", "what is this about", "what's it about",
                                                      "what's this regarding", "what's up", "what do you want", "what is it"].map { Array($0.unicodeScalars) }
    static let hypotheticalCues: [[Unicode.Scalar]] = ["what if", "what happens if", "如果", "萬一", "要是"].map { Array($0.unicodeScalars) }
    static let conditionalCues: [[Unicode.Scalar]] = ["if you", "you'd", "you would", "you can", "如果", "的話", "就可以", "可以"].map { Array($0.unicodeScalars) }
    static let echoParticles: Set<Unicode.Scalar> = ["喔", "哦", "啊", "耶", "噢"]
    static let tagEndings: [[Unicode.Scalar]] = [", alright?", ", all right?", ", okay?", ", ok?", ", yeah?"].map { Array($0.unicodeScalars) }

    /// Question sentences that ask the agent something: not an echo of a name (福安人壽喔？) nor a statement with a tag ("…, alright?").
    func askingSentences(_ question: TurnAnalysis) -> [Range<Int>] {
        let t = question.normalized
        let previousAgent = turns[..<max(0, question.number - 1)].last { $0.speaker == .agent }
        return question.questions.filter { range in
            var last = range.upperBound
            while last > range.lowerBound && (t[last - 1] == " " || t[last - 1] == "?") { last -= 1 }
            guard last > range.lowerBound else { return false }
            let sentence = Array(t[range.lowerBound...min(range.upperBound, t.count - 1)])
            if Self.tagEndings.contains(where: { tag in sentence.count >= tag.count && Array(sentence.suffix(tag.count)) == tag }) { return false }
            let asksWord = question.matches.contains { range.contains($0.start) && [.openQuestionWord, .customerWhoQuestion, .customerPaymentQuestion, .customerHowToApply].contains($0.act) }
                || Self.numberQuestionCues.contains { TurnFeatures.find($0, in: sentence, from: 0) != nil } || Self.startsWithWhen(sentence)
            // 喂？ / 嗯？: a sound, not a question.
            if !asksWord && sentence.filter({ TurnFeatures.isHan($0) || TurnFeatures.isLatin($0) }).count <= 2 { return false }
            // "Unlimited?" / "Three times, was it?": a word or two echoed back, or a checking tag, to take in what was said.
            let words = String(String.UnicodeScalarView(sentence)).split { !$0.isLetter && $0 != "'" }
            if !asksWord && !words.isEmpty && words.allSatisfy({ $0.allSatisfy(\.isASCII) }) {
                if words.count <= 2 { return false }
                if words.count <= 5, let tail = words.suffix(2).first, ["was", "is", "did", "does", "were"].contains(tail.lowercased()),
                   ["it", "that", "they", "i", "he", "she"].contains(words[words.count - 1].lowercased()) { return false }
            }
            if Self.echoParticles.contains(t[last - 1]) {
                let body = t[range.lowerBound..<(last - 1)].filter { TurnFeatures.isHan($0) && !Self.echoParticles.contains($0) }
                let asks = question.matches.contains { range.contains($0.start) && $0.act == .openQuestionWord }
                if body.count <= 6 && !asks { return false }
                // 「明天下午就會送到台南喔？」 repeats what the agent just said, to take it in.
                let tokens = TurnFeatures.contentTokens(t[range])
                if let previousAgent, !asks, tokens.count >= 2,
                   previousAgent.contentTokens.intersection(tokens).count * 2 >= tokens.count { return false }
            }
            return true
        }
    }

    /// Whether an agent turn addresses the customer's question sentence `range`; `isFirstReply` when it is the agent's next turn.
    func addresses(_ reply: TurnAnalysis, question: TurnAnalysis, sentence range: Range<Int>, isFirstReply: Bool) -> Bool {
        let questionTokens = TurnFeatures.contentTokens(question.normalized[range])
        let sentence = Array(question.normalized[range])
        let openWord = question.matches.contains { $0.act == .openQuestionWord && range.contains($0.start) }
        let asksWhen = Self.startsWithWhen(sentence)
        let numberQuestion = asksWhen || Self.numberQuestionCues.contains { TurnFeatures.find($0, in: sentence, from: 0) != nil }
        let timeQuestion = asksWhen || Self.timeQuestionCues.contains { TurnFeatures.find($0, in: sentence, from: 0) != nil }
        let givesNumber = reply.hasMoney || reply.hasDate || reply.hasAny([.freeClaim, .priceWord, .dateTime])
            || reply.normalized.contains(where: TurnFeatures.isDigit)
        if reply.has(.check) { return true }
        // "When?" / 多久？ is left open by a callback or hand-off without a time, and by a number that is no time (一對一).
        if timeQuestion { return reply.hasDate || reply.hasAny([.dateTime, .duration]) }
        // A hand-off or callback in the next turn is a clear next step; later it is a new topic.
        if isFirstReply && reply.hasAny([.escalate, .callback]) { return true }
        if numberQuestion && givesNumber { return true }
        if overlap(reply, tokens: questionTokens) >= 1 && !(numberQuestion && !openWord) { return true }
        if numberQuestion && overlap(reply, tokens: questionTokens) >= 2 { return true }
        // "How do I sign up?" answered by doing it.
        if question.has(.customerHowToApply) && reply.hasAny([.ask, .logged]) { return true }
        if question.has(.customerWhoQuestion) && (agentGivesName(reply) || agentGivesCompany(reply)) { return true }
        if question.has(.customerPaymentQuestion) && reply.has(.payment) { return true }
        if !openWord, let yes = reply.firstPosition(of: [.yesNo]) {
            // At the start, or right after a short lead sentence ("Good question. It's a rolling plan").
            var start = 0
            if let first = reply.sentences.first, first.count <= 16, reply.sentences.count > 1 { start = reply.sentences[1].lowerBound }
            while start < reply.normalized.count && reply.normalized[start] == " " { start += 1 }
            if yes <= 4 || (yes >= start && yes - start <= 2) { return true }
        }
        // "What if I change jobs?" answered by what happens in that case.
        if Self.hypotheticalCues.contains(where: { TurnFeatures.find($0, in: sentence, from: 0) != nil })
            && Self.conditionalCues.contains(where: { TurnFeatures.find($0, in: reply.normalized, from: 0) != nil }) { return true }
        // "What's this about?" / 怎麼了？ answered by the reason for the call or the offer itself.
        if openWord && reply.has(.purpose) { return true }
        if Self.whatsThisAbout.contains(where: { TurnFeatures.find($0, in: sentence, from: 0) != nil }) && reply.hasAny([.purpose, .offer, .ask]) { return true }
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

    /// The agent turn the customer's acceptance answers (a read-back ending 這樣可以嗎 / correct?), then those after it.
    var agentTurnsClosingSale: [TurnAnalysis] {
        guard let sale = saleTurn, sale > 0, turns[sale - 1].speaker == .agent else { return agentTurnsAfterSale }
        return [turns[sale - 1]] + agentTurnsAfter(sale)
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
