import CallsimCore

/// A whole call read once: every turn analysed, plus what the indicators share (direction,
/// first offer, do-not-call request, complaint, sale, names). Indicators only read it.
public struct CallAnalysis: Sendable {
    public let transcript: Transcript
    public let context: CallContext
    public let turns: [TurnAnalysis]
    public let language: Language
    public let direction: CallDirection
    public let directionInferred: Bool
    /// Index (into `turns`) of the first agent turn presenting an offer or price.
    public let firstOffer: Int?
    /// Position in that turn where the offer starts.
    public let firstOfferPosition: Int
    public let dncRequest: Int?
    public let complaint: Int?
    public let saleAgreed: Bool
    /// Index of the customer turn that accepted, when found.
    public let saleTurn: Int?
    public let outcome: CallOutcome?
    public let outcomeInferred: Bool
    /// The customer's name, surname or title as known from the context or said in the call.
    public let customerNames: [String]
    /// The company and agent names, normalised once ("&" read as "and").
    let companyScalars: [Unicode.Scalar]
    let companyWordSet: Set<String>
    let customerNameScalars: [[Unicode.Scalar]]
    public let customerSurnames: [String]
    /// Past the opening: the customer said something beyond a phone greeting.
    public let customerEngaged: Bool

    public init(_ transcript: Transcript, context given: CallContext? = nil) {
        self.transcript = transcript
        let headerContext = CallContext(transcript: transcript)
        let context = given.map { headerContext.merged(over: $0) } ?? headerContext
        self.context = context
        var analysed: [TurnAnalysis] = []
        analysed.reserveCapacity(transcript.turns.count)
        for (index, turn) in transcript.turns.enumerated() {
            analysed.append(TurnAnalysis(number: index + 1, turn: turn))
        }
        turns = analysed
        agentTurns = analysed.filter { $0.speaker == .agent }

        if let lang = context.language {
            language = lang
        } else {
            let han = analysed.reduce(0) { $0 + $1.hanCount }
            let latin = analysed.reduce(0) { $0 + $1.latinCount }
            language = han * 3 >= latin ? .zhTW : .en
        }

        if let stated = context.direction {
            direction = stated
            directionInferred = false
        } else {
            direction = Self.inferDirection(analysed)
            directionInferred = true
        }

        var offerIndex: Int? = nil
        var offerPosition = 0
        for (i, turn) in analysed.enumerated() where turn.speaker == .agent {
            // Naming the product in the sentence that gives the reason for the call is not yet presenting it.
            let purposeSentences = turn.sentences.filter { range in turn.matches.contains { $0.act == .purpose && range.contains($0.start) } }
            let pitch = turn.matches.filter { match in
                // "The trial box is totally free" presents the offer as surely as a price does.
                (match.act == .offer || match.act == .priceWord || match.act == .ask || match.act == .freeClaim) && !purposeSentences.contains { $0.contains(match.start) }
            }
            let money = turn.hasMoney ? Self.firstMoneyPosition(turn) : nil
            if !pitch.isEmpty || money != nil {
                offerIndex = i
                offerPosition = (pitch.map(\.start) + [money].compactMap { $0 }).min() ?? 0
                break
            }
        }
        firstOffer = offerIndex
        firstOfferPosition = offerPosition

        dncRequest = analysed.firstIndex { $0.speaker == .customer && $0.has(.customerDNC) }
        let direction = self.direction
        complaint = analysed.firstIndex { Self.isComplaint($0, direction: direction) }

        // Sale: the header or scenario outcome says so, or the customer accepts after an ask or offer.
        var acceptance: Int? = nil
        if let offer = offerIndex {
            for i in (offer + 1)..<max(offer + 1, analysed.count) where analysed[i].speaker == .customer {
                let turn = analysed[i]
                let previousAgent = analysed[..<i].last { $0.speaker == .agent }
                guard let previousAgent else { continue }
                // Yes to a question is a sale only when the question offered or asked for the sale.
                let offered = previousAgent.hasAny([.ask, .offer])
                // "Let's do it" after an answered question is a decision on the offer still open.
                let decided = Self.decisiveAcceptance.contains { turn.contains($0) }
                if (offered || decided) && turn.has(.customerAccept) && !turn.hasAny([.customerRefuse, .customerDNC]) && !turn.isQuestion {
                    acceptance = i
                    break
                }
                if (offered || previousAgent.hasMoney) && turn.has(.customerAccept) && turn.isQuestion && turn.has(.customerPaymentQuestion) {
                    acceptance = i
                    break
                }
            }
        }
        if let stated = context.outcome {
            outcome = stated
            outcomeInferred = false
            saleAgreed = stated == .sale
            if saleAgreed && acceptance == nil {
                acceptance = analysed.firstIndex { $0.speaker == .customer && $0.has(.customerAccept) && $0.number > (offerIndex ?? 0) }
            }
        } else {
            let dnc = dncRequest
            saleAgreed = acceptance != nil && dnc == nil && Self.saleFollowUp(analysed, after: acceptance ?? 0)
            if dnc != nil {
                outcome = .dnc
            } else if saleAgreed {
                outcome = .sale
            } else if complaint != nil {
                outcome = analysed.contains { $0.speaker == .agent && $0.has(.escalate) } ? .escalated : .resolved
            } else {
                outcome = nil
            }
            outcomeInferred = outcome != nil
        }
        saleTurn = saleAgreed ? acceptance : nil

        var names: [String] = []
        if let name = context.customerName { names.append(name) }
        names += context.customerNameVariants
        for (i, turn) in analysed.enumerated() where turn.speaker == .customer {
            let previous = analysed[..<i].last { $0.speaker == .agent }
            let askedName = previous.map { p in ["name", "稱呼", "貴姓", "姓名"].contains { p.contains($0) } } ?? false
            names += Self.namesSaid(in: turn, askedForName: askedName)
        }
        let normalizedNames = names.map { TextNormalizer.normalize($0) }.filter { !$0.isEmpty }
        customerNames = normalizedNames
        customerNameScalars = normalizedNames.map { Array($0.unicodeScalars) }.filter { $0.count >= 2 }
        let company = context.company ?? ""
        companyScalars = TextNormalizer.scalars(company.split(separator: "&", omittingEmptySubsequences: false).joined(separator: "and"))
        companyWordSet = Set(company.lowercased().split(separator: " ").map(String.init))
        customerSurnames = Self.surnames(from: normalizedNames)
        customerEngaged = analysed.contains { $0.speaker == .customer && !$0.isGreetingOnly }
    }

    public let agentTurns: [TurnAnalysis]

    /// The next `count` agent turns after index `i`.
    public func agentTurns(after i: Int, count: Int) -> [TurnAnalysis] {
        guard i + 1 < turns.count else { return [] }
        return Array(turns[(i + 1)...].filter { $0.speaker == .agent }.prefix(count))
    }

    // MARK: Inference

    static func inferDirection(_ turns: [TurnAnalysis]) -> CallDirection {
        guard let firstAgent = turns.first(where: { $0.speaker == .agent }) else { return .inbound }
        let inboundCues = ["how can i help", "what can i do for you", "you've reached", "有什麼需要", "有什麼可以幫", "很高興為你服務", "請問有什麼", "thanks for calling", "thank you for calling"]
        if inboundCues.contains(where: { firstAgent.contains($0) }) { return .inbound }
        if firstAgent.hasAny([.purpose, .permission, .offer]) { return .outbound }
        return turns.first?.speaker == .customer ? .outbound : .inbound
    }

    static func firstMoneyPosition(_ turn: TurnAnalysis) -> Int? {
        turn.normalized.firstIndex { TurnFeatures.isDigit($0) || $0 == "$" || $0 == "£" }
    }

    static func isComplaint(_ turn: TurnAnalysis, direction: CallDirection) -> Bool {
        guard turn.speaker == .customer else { return false }
        // A caller who rings in upset is complaining even without a complaint word.
        // Worry over the customer's own loss (a lost card, an accident to claim for) is no dissatisfaction with the company.
        let onlyWorried = turn.matchesOf(.customerFeeling).allSatisfy { match in
            let word = String(String.UnicodeScalarView(turn.normalized[match.start..<match.end]))
            return worryWords.contains { word.hasPrefix($0) }
        }
        let ownLoss = onlyWorried && lossWords.contains { turn.contains($0) }
        let upsetCaller = direction == .inbound && turn.has(.customerFeeling) && !turn.isQuestion && !ownLoss
        guard turn.has(.customerComplaint) || upsetCaller else { return false }
        // "如果到那邊連不上要找誰？" asks about a possible problem; it is not one.
        if turn.isQuestion && ["如果", "萬一", "要是", "假如", "what if", "if it", "in case"].contains(where: { turn.contains($0) }) { return false }
        if turn.has(.customerOtherProvider) { return false }
        if direction == .inbound { return true }
        // A grievance about a third party ("their customer service", 他們那家) in a sales call is about a competitor.
        let aimedAtCaller = ["你們", "your company", "you guys", "you people", "your service", "your bill", "you charged", "貴公司"].contains { turn.contains($0) }
        if !aimedAtCaller && turn.words.contains(where: { $0.lower == "their" || $0.lower == "they" || $0.lower == "they've" }) { return false }
        if !aimedAtCaller && ["他們", "那家", "現在用的", "現在那家"].contains(where: { turn.contains($0) }) { return false }
        // In an outbound call a problem is a complaint only when aimed at the caller's company.
        return ["你們", "your company", "you guys", "you people", "your service", "your bill", "you charged", "貴公司"].contains { turn.contains($0) }
            || turn.has(.customerFeeling)
    }

    static let worryWords = ["worried", "concerned", "anxious", "nervous", "scared", "afraid", "擔心", "害怕", "很怕", "緊張", "焦慮", "很急", "著急"]

    static let lossWords = ["lost", "stolen", "missing", "accident", "遺失", "掉了", "弄丟", "不見", "被偷", "車禍", "意外"]

    static let decisiveAcceptance = ["let's do it", "sign me up", "i'll take it", "let's go ahead", "go ahead and", "幫我訂", "幫我辦", "我要訂", "我要買", "我要辦",
                                     "就決定", "成交", "幫我登記", "幫我申請", "就這樣辦"]

    static func saleFollowUp(_ turns: [TurnAnalysis], after index: Int) -> Bool {
        turns.dropFirst(index + 1).contains { $0.speaker == .agent && $0.hasAny([.readback, .payment, .deliveryWord, .coolingOffExplicit]) }
    }

    /// Names a customer gives: 我姓吳, 我是陳美玲, my name is Ann Lee, Maria speaking, Daniel Okafor, member number...
    static func namesSaid(in turn: TurnAnalysis, askedForName: Bool) -> [String] {
        let t = turn.normalized
        var found: [String] = []
        let zhCues: [[Unicode.Scalar]] = ["我姓", "敝姓", "我叫", "我是"].map { Array($0.unicodeScalars) }
        for cue in zhCues {
            var i = 0
            while i + cue.count < t.count {
                if TurnFeatures.matchesAt(t, i, cue), Surnames.isSurname(t[i + cue.count]) {
                    found.append(String(t[i + cue.count]))
                }
                i += 1
            }
        }
        // English: capitalised words after "my name is" / "this is", before "speaking".
        let words = turn.words
        for cue in [["my", "name", "is"], ["my", "name's"], ["this", "is"], ["it's"]] {
            for i in turn.positions(after: cue) where i < words.count && words[i].capitalized {
                found.append(words[i].lower)
                if i + 1 < words.count && words[i + 1].capitalized { found.append(words[i + 1].lower) }
            }
        }
        if let speaking = words.firstIndex(where: { $0.lower == "speaking" }), speaking > 0, words[speaking - 1].capitalized {
            found.append(words[speaking - 1].lower)
        }
        // Asked for a name, a turn that starts with a capitalised full name ("Daniel Okafor, member number 3002").
        if askedForName, words.count >= 2, words[0].capitalized, words[1].capitalized, words[0].followedBy == nil,
           !["hi", "hello", "yes", "yeah", "no", "oh", "okay", "sure", "i", "it", "the", "my", "it's"].contains(words[0].lower) {
            found.append(words[0].lower)
            found.append(words[1].lower)
        }
        return found
    }

    /// Surnames or first names by which the customer may be addressed.
    static func surnames(from names: [String]) -> [String] {
        var result: [String] = []
        for name in names {
            let scalars = Array(name.unicodeScalars)
            if let first = scalars.first, TurnFeatures.isHan(first) {
                var s = ""
                s.unicodeScalars.append(first)
                result.append(s)
            } else {
                let titles: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "madam"]
                for word in name.split(whereSeparator: { !$0.isLetter && $0 != "'" }) where !titles.contains(String(word)) && word.count >= 2 {
                    result.append(String(word))
                }
            }
        }
        return Array(Set(result)).sorted()
    }
}
