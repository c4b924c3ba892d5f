import CallsimCore

/// Asks the questions of a form (wrap-up, complaint record) on a line source, one answer per line.
struct FormPrompter {
    let source: any LineSource
    let language: Language
    let color: Bool

    init(source: any LineSource, language: Language, color: Bool = Console.useColor) {
        self.source = source
        self.language = language
        self.color = color
    }

    /// A free-text answer; nil when the input ends or the user presses Ctrl-C.
    /// With `required`, an empty answer asks again (piped input: an empty answer is returned as "").
    func text(_ question: String, required: Bool = false) -> String? {
        while true {
            switch source.readLine(prompt: prompt(question), completions: [], timeout: nil) {
            case .line(let answer):
                let trimmed = answer.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty, required, source.isInteractive {
                    print(UIText.formRequired.text(language))
                    continue
                }
                return trimmed
            case .invalidLine:
                print(UIText.lineHasControlCharacters.text(language))
                if !source.isInteractive { return nil }
            case .endOfInput, .interrupt:
                return nil
            case .timeout:
                continue
            }
        }
    }

    /// One of `choices` (Tab completes them; a number picks by position); nil when the input ends.
    func choice(_ question: String, choices: [String]) -> String? {
        let listed = choices.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        print(listed)
        while true {
            switch source.readLine(prompt: prompt(question), completions: choices, timeout: nil) {
            case .line(let answer):
                let trimmed = answer.trimmingCharacters(in: .whitespaces)
                if let number = Int(trimmed), number >= 1, number <= choices.count { return choices[number - 1] }
                if let exact = choices.first(where: { $0 == trimmed }) { return exact }
                print(UIText.formNotAChoice.text(language, trimmed, choices.joined(separator: ", ")))
                if !source.isInteractive { return nil }
            case .invalidLine:
                print(UIText.lineHasControlCharacters.text(language))
                if !source.isInteractive { return nil }
            case .endOfInput, .interrupt:
                return nil
            case .timeout:
                continue
            }
        }
    }

    private func prompt(_ question: String) -> String {
        Console.prompt(question + (language == .zhTW ? "：" : ": "), .bold, color: color)
    }
}
