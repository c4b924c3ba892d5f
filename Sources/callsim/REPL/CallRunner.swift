import CallsimCore
import Foundation

/// How one practice call is run.
struct CallOptions: Sendable {
    var seed: UInt64
    var uiLanguage: Language
    var trainee: String?
    /// The customer reacts to silence (only for a person at a terminal).
    var deadAir = true
    /// Replaces the persona's dead-air limit (CALLSIM_DEAD_AIR_SECONDS).
    var deadAirSeconds: Double?
    /// Starts the call at a named beat of the scenario (drill).
    var fromBeat: String?
    /// Shows the brief before the call.
    var showBrief = true
    /// Longest agent line sent to the persona, in characters.
    var maxLineLength = 2000
    /// Asks the wrap-up forms after the call (`--no-forms` turns them off).
    var wrapUpForms = true

    init(seed: UInt64, uiLanguage: Language, trainee: String? = nil) {
        self.seed = seed
        self.uiLanguage = uiLanguage
        self.trainee = trainee
    }
}

/// A finished call.
struct CallResult: Sendable {
    var scenarioID: String
    var seed: UInt64
    var transcript: Transcript
    var ending: CallEnding
    /// Notes kept with /notes, for the wrap-up forms.
    var notes: [String]
    /// True when the agent left with /quit (no scorecard).
    var quit: Bool
    var startedAt: Date
    var endedAt: Date
}

/// Follows a call as it happens (the session recorder commits each turn as it is typed).
protocol CallObserver: AnyObject {
    func callStarted(scenario: any PracticeScenario, options: CallOptions, at date: Date)
    /// `index` is the turn's 0-based position in the transcript.
    func turnEntered(_ turn: Turn, index: Int)
    func callEnded(_ result: CallResult)
}

/// The slash commands of the call screen, in the order /help lists them.
enum CallCommand: String, CaseIterable, Sendable {
    case help, brief, script, notes, hint, transcript, hangup, quit

    var word: String { "/" + rawValue }
    static var words: [String] { allCases.map(\.word) }
}

/// Runs one practice call on a line source: the brief, the conversation, dead air, the ending.
/// Scoring and wrap-up happen after `run` returns, with its result.
final class CallRunner {
    private let source: any LineSource
    private let observers: [any CallObserver]
    private let color: Bool
    static let ringSeconds = 0.6

    init(source: any LineSource, observers: [any CallObserver] = [], color: Bool = Console.useColor) {
        self.source = source
        self.observers = observers
        self.color = color
    }

    func run(scenario: any PracticeScenario, options: CallOptions) throws -> CallResult {
        var engine = try scenario.makeEngine(seed: options.seed, from: options.fromBeat)
        let lang = options.uiLanguage
        let startedAt = Date()
        var notes: [String] = []
        var reportedTurns = 0

        func out(_ text: String) {
            print(text)
            Console.flush()
        }
        func publishNewTurns() {
            let turns = engine.transcript.turns
            while reportedTurns < turns.count {
                for observer in observers { observer.turnEntered(turns[reportedTurns], index: reportedTurns) }
                reportedTurns += 1
            }
        }
        func customerText(_ line: String) -> String {
            let separator = lang == .zhTW ? "：" : ": "
            return Console.styled(scenario.customerName, .bold, .yellow, color: color) + separator + line
        }

        out(Console.styled(scenario.title, .bold, color: color) + "  [\(scenario.id)]")
        out(Console.styled(UIText.seedLine.text(lang, String(options.seed), String(options.seed)), .dim, color: color))
        if options.showBrief { out(""); out(renderBrief(scenario, lang)) }
        for observer in observers { observer.callStarted(scenario: scenario, options: options, at: startedAt) }

        out("")
        let ringing = scenario.brief.direction == .outbound ? UIText.ringing : UIText.incomingCall
        out(Console.styled(ringing.text(lang), .dim, color: color))
        if source.isInteractive {
            // A short ring, so the customer's first words come as on a phone.
            if scenario.brief.direction == .outbound { Thread.sleep(forTimeInterval: Self.ringSeconds) }
            out(Console.styled(UIText.connected.text(lang), .dim, color: color))
        }

        var step = engine.start()
        for line in step.customerLines { out(customerText(line)) }
        publishNewTurns()
        var lastShown = ContinuousClock.now
        // Dead air counts from the last customer line, or from the end of a Ctrl-C question.
        var silentSince = lastShown
        var ending = step.ending
        var agentHungUp = false
        var quit = false

        let deadAirLimit: Double? = {
            guard options.deadAir, source.isInteractive else { return nil }
            return options.deadAirSeconds ?? engine.deadAirLimit
        }()
        let prompt = Console.prompt(UIText.agentPrompt.text(lang) + "> ", .bold, .cyan, color: color)

        func hangUp() {
            step = engine.agentHangsUp()
            for line in step.customerLines { out(customerText(line)) }
            publishNewTurns()
            agentHungUp = true
            ending = step.ending ?? CallEnding(outcome: .hangup, summary: "")
        }

        conversation: while ending == nil {
            var timeout: Double?
            if let deadAirLimit {
                let elapsed = seconds(since: silentSince)
                timeout = max(0, deadAirLimit - elapsed)
            }
            let event = source.readLine(prompt: prompt, completions: CallCommand.words, timeout: timeout)
            switch event {
            case .timeout:
                step = engine.silence(seconds: seconds(since: silentSince))
                for line in step.customerLines { source.printAbove(customerText(line)) }
                publishNewTurns()
                lastShown = .now
                silentSince = lastShown
                if let stepEnding = step.ending {
                    source.abandonPendingLine()
                    ending = stepEnding
                }
            case .endOfInput:
                hangUp()
            case .interrupt:
                if confirmHangUp(lang) {
                    hangUp()
                } else {
                    out(UIText.keepTalking.text(lang))
                    silentSince = .now
                }
            case .invalidLine:
                out(warning(UIText.lineHasControlCharacters.text(lang)))
            case .line(let raw):
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty { continue }
                if line.hasPrefix("/") {
                    let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
                    let word = String(parts[0])
                    let argument = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
                    guard let command = CallCommand.allCases.first(where: { $0.word == word.lowercased() }) else {
                        out(warning(UIText.unknownCommand.text(lang, word, CallCommand.words.joined(separator: " "))))
                        continue
                    }
                    switch command {
                    case .help: out(UIText.helpText.text(lang))
                    case .brief: out(renderBrief(scenario, lang))
                    case .script: out(renderScript(scenario, lang))
                    case .notes:
                        if argument.isEmpty {
                            out(notes.isEmpty ? UIText.notesEmpty.text(lang)
                                : ([UIText.notesTitle.text(lang)] + notes.enumerated().map { "  \($0.offset + 1). \($0.element)" })
                                    .joined(separator: "\n"))
                        } else {
                            notes.append(argument)
                            out(UIText.noteKept.text(lang))
                        }
                    case .hint:
                        if let hint = engine.hint() {
                            out(Console.styled(UIText.hintTitle.text(lang), .bold, .green, color: color) + (lang == .zhTW ? "：" : ": ") + hint)
                        } else {
                            out(UIText.noHint.text(lang))
                        }
                    case .transcript: out(renderTranscript(engine.transcript, scenario: scenario, lang))
                    case .hangup: hangUp()
                    case .quit:
                        quit = true
                        hangUp()
                        break conversation
                    }
                    continue
                }
                if let problem = problem(with: line, options: options) {
                    out(warning(problem))
                    continue
                }
                if source.isInteractive {
                    source.remember(line)
                } else {
                    // Piped lines are not echoed by a terminal: show them as the call goes.
                    out(Console.styled(UIText.agentPrompt.text(lang), .bold, .cyan, color: color)
                        + (lang == .zhTW ? "：" : ": ") + line)
                }
                let response: Double? = source.isInteractive ? seconds(since: lastShown) : nil
                step = engine.agentSays(line, responseSeconds: response)
                for customerLine in step.customerLines { out(customerText(customerLine)) }
                publishNewTurns()
                lastShown = .now
                silentSince = lastShown
                ending = step.ending
            }
        }

        let finalEnding = ending ?? CallEnding(outcome: .hangup, summary: "")
        out(Console.styled((agentHungUp ? UIText.agentHungUp : UIText.customerHungUp).text(lang), .dim, color: color))
        out("")
        out(Console.styled(UIText.callEnded.text(lang, finalEnding.outcome.label(lang)), .bold, color: color)
            + (finalEnding.summary.isEmpty ? "" : " — " + finalEnding.summary))
        let result = CallResult(
            scenarioID: scenario.id, seed: options.seed, transcript: engine.transcript, ending: finalEnding,
            notes: notes, quit: quit, startedAt: startedAt, endedAt: Date()
        )
        for observer in observers { observer.callEnded(result) }
        return result
    }

    // MARK: - Pieces

    private func seconds(since instant: ContinuousClock.Instant) -> Double {
        let (seconds, attoseconds) = instant.duration(to: .now).components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    private func warning(_ text: String) -> String {
        Console.styled(text, .red, color: color)
    }

    /// Why a line cannot be sent to the persona, or nil when it can.
    private func problem(with line: String, options: CallOptions) -> String? {
        if line.count > options.maxLineLength {
            return UIText.lineTooLong.text(options.uiLanguage, String(line.count), String(options.maxLineLength))
        }
        let hasControl = line.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control || scalar == "\u{FFFD}"
                || scalar.properties.generalCategory == .privateUse || scalar.properties.generalCategory == .surrogate
        }
        if hasControl { return UIText.lineHasControlCharacters.text(options.uiLanguage) }
        return nil
    }

    /// Ctrl-C: y hangs up, n goes on; a second Ctrl-C or the end of input also hangs up.
    private func confirmHangUp(_ lang: Language) -> Bool {
        while true {
            switch source.readLine(prompt: UIText.confirmHangUp.text(lang), completions: [], timeout: nil) {
            case .line(let answer):
                let word = answer.trimmingCharacters(in: .whitespaces).lowercased()
                if ["y", "yes", "是", "好", "對"].contains(word) { return true }
                if ["n", "no", "否", "不", "不要"].contains(word) { return false }
                print(UIText.confirmAnswer.text(lang))
            case .interrupt, .endOfInput: return true
            case .invalidLine, .timeout: print(UIText.confirmAnswer.text(lang))
            }
        }
    }

    func renderBrief(_ scenario: any PracticeScenario, _ lang: Language) -> String {
        let brief = scenario.brief
        let separator = lang == .zhTW ? "：" : ": "
        var lines = [Console.styled(UIText.briefTitle.text(lang), .bold, color: color)]
        func field(_ label: UIText, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("  " + label.text(lang) + separator + value)
        }
        field(.briefDirection, brief.direction == .outbound ? UIText.directionOutbound.text(lang) : UIText.directionInbound.text(lang))
        field(.briefCompany, brief.company)
        field(.briefAgent, brief.agentName)
        field(.briefProduct, brief.product)
        field(.briefPrice, brief.price)
        func list(_ label: UIText, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append("  " + label.text(lang) + separator.trimmingCharacters(in: .whitespaces))
            lines += items.map { "    - " + $0 }
        }
        list(.briefOffers, brief.offers)
        list(.briefLimits, brief.policyLimits)
        if !brief.customerRecord.isEmpty {
            lines.append("  " + UIText.briefCustomer.text(lang) + separator.trimmingCharacters(in: .whitespaces))
            lines += brief.customerRecord.map { "    " + $0.label + separator + $0.value }
        }
        return lines.joined(separator: "\n")
    }

    private func renderScript(_ scenario: any PracticeScenario, _ lang: Language) -> String {
        guard !scenario.script.isEmpty else { return UIText.scriptEmpty.text(lang) }
        var lines = [Console.styled(UIText.scriptTitle.text(lang), .bold, color: color)]
        for (index, stage) in scenario.script.enumerated() {
            lines.append("  \(index + 1). " + stage.name)
            lines += stage.modelLines.map { "     「" + $0 + "」" }
        }
        return lines.joined(separator: "\n")
    }

    private func renderTranscript(_ transcript: Transcript, scenario: any PracticeScenario, _ lang: Language) -> String {
        guard !transcript.turns.isEmpty else { return UIText.transcriptEmpty.text(lang) }
        let separator = lang == .zhTW ? "：" : ": "
        var lines = [Console.styled(UIText.transcriptTitle.text(lang), .bold, color: color)]
        for (index, turn) in transcript.turns.enumerated() {
            let who = turn.speaker == .customer ? scenario.customerName : UIText.agentPrompt.text(lang)
            var line = String(format: "%3d ", index + 1) + who + separator + turn.text
            if let seconds = turn.responseSeconds {
                line += Console.styled("  (" + UIText.timeSeconds.text(lang, String(format: "%.1f", seconds)) + ")", .dim, color: color)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
