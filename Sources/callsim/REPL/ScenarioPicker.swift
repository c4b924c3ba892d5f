import CallsimCore

/// The numbered list of scenarios shown by `callsim` without an id.
struct ScenarioPicker {
    let scenarios: [any PracticeScenario]
    let source: any LineSource
    let uiLanguage: Language
    let color: Bool

    func render() -> String {
        var lines = [Console.styled(UIText.pickerTitle.text(uiLanguage), .bold, color: color)]
        let width = String(scenarios.count).count
        for (index, scenario) in scenarios.enumerated() {
            let number = String(repeating: " ", count: width - String(index + 1).count) + String(index + 1)
            lines.append("  \(number). " + scenario.title + "  "
                + Console.styled("\(temperamentLabel(scenario.temperament, uiLanguage)) · \(scenario.language.rawValue) · \(scenario.id)", .dim, color: color))
        }
        return lines.joined(separator: "\n")
    }

    /// The scenario a typed answer names: its number in the list or its id.
    func scenario(for answer: String) -> (any PracticeScenario)? {
        let trimmed = answer.trimmingCharacters(in: .whitespaces)
        if let number = Int(trimmed), number >= 1, number <= scenarios.count { return scenarios[number - 1] }
        return scenarios.first { $0.id == trimmed }
    }

    /// Asks until a scenario is chosen; nil on Ctrl-C or the end of input. Piped input gets one try.
    func choose() throws -> (any PracticeScenario)? {
        guard !scenarios.isEmpty else { throw CLIError(UIText.pickerNoScenarios.text(uiLanguage)) }
        print(render())
        let prompt = Console.prompt(UIText.pickerPrompt.text(uiLanguage), .bold, color: color)
        while true {
            switch source.readLine(prompt: prompt, completions: scenarios.map(\.id), timeout: nil) {
            case .line(let answer):
                if answer.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                if let chosen = scenario(for: answer) { return chosen }
                let message = UIText.pickerInvalid.text(uiLanguage, answer)
                guard source.isInteractive else { throw CLIError(message) }
                print(message)
            case .invalidLine:
                guard source.isInteractive else { throw CLIError(UIText.lineHasControlCharacters.text(uiLanguage)) }
                print(UIText.lineHasControlCharacters.text(uiLanguage))
            case .endOfInput, .interrupt:
                return nil
            case .timeout:
                continue
            }
        }
    }
}
