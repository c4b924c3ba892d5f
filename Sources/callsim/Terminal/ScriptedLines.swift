import Foundation

/// Agent lines from a file or a list (replays, golden tests): no prompts, no history, no dead air.
final class ScriptedLines: LineSource {
    private var lines: ArraySlice<String>
    let isInteractive = false

    init(_ lines: [String]) {
        self.lines = lines[...]
    }

    /// The lines of a UTF-8 file; a file that is not UTF-8 is an error naming it.
    convenience init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("\(path): cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("\(path):1: error: the file is not UTF-8 text")
        }
        var lines = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        if lines.last == "" { lines.removeLast() }
        self.init(lines)
    }

    func readLine(prompt: String, completions: [String], timeout: Double?) -> LineEvent {
        guard let line = lines.popFirst() else { return .endOfInput }
        return .line(line)
    }

    func remember(_ line: String) {}

    func printAbove(_ text: String) {
        print(text)
    }

    func abandonPendingLine() {}
}
