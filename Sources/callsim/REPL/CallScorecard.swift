import CallsimCore
import Foundation

/// The scorecard shown at hang-up.
enum CallScorecard {
    static func render(result: CallResult, scenario: any PracticeScenario, language: Language, color: Bool) -> String {
        var lines = [Console.styled(UIText.scorecardTitle.text(language), .bold, color: color)]
        let separator = language == .zhTW ? "：" : ": "
        for (index, turn) in result.transcript.turns.enumerated() {
            let who = turn.speaker == .customer ? scenario.customerName : UIText.agentPrompt.text(language)
            var line = String(format: "%3d ", index + 1) + who + separator + turn.text
            if let seconds = turn.responseSeconds {
                line += "  (" + UIText.timeSeconds.text(language, String(format: "%.1f", seconds)) + ")"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
