import CallsimCore
import Foundation

/// Gives the saved agent lines of an interrupted call first, then the person's lines.
final class ResumedLines: LineSource {
    private var pending: ArraySlice<String>
    private let base: any LineSource

    init(saved: [String], then base: any LineSource) {
        pending = saved[...]
        self.base = base
    }

    var isInteractive: Bool { base.isInteractive }

    func readLine(prompt: String, completions: [String], timeout: Double?) -> LineEvent {
        if let line = pending.popFirst() {
            // At a terminal, shown as if typed again (piped lines are echoed by the call screen).
            if base.isInteractive { StandardOutput.write(prompt.filter { $0 != "\u{01}" && $0 != "\u{02}" } + line + "\n") }
            return .line(line)
        }
        return base.readLine(prompt: prompt, completions: completions, timeout: timeout)
    }

    func remember(_ line: String) { base.remember(line) }
    func printAbove(_ text: String) { base.printAbove(text) }
    func abandonPendingLine() { base.abandonPendingLine() }
}
