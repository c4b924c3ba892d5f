#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An error the CLI reports as one line on stderr before exiting non-zero.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32
    init(_ message: String, exitCode: Int32 = 1) {
        description = message
        self.exitCode = exitCode
    }
}

/// Where output goes, and whether it may carry colour.
enum Console {
    static var stdinIsTerminal: Bool { isatty(0) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// Colour only on a terminal that is not `dumb`, and never with `NO_COLOR` set.
    static var useColor: Bool {
        let env = ProcessInfo.processInfo.environment
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
        if env["TERM"] == "dumb" { return false }
        return stdoutIsTerminal
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// ANSI styles, applied only when the console may carry colour.
enum TextStyle: String {
    case bold = "1"
    case dim = "2"
    case cyan = "36"
    case yellow = "33"
    case green = "32"
    case red = "31"
    case magenta = "35"
}

extension Console {
    static func styled(_ text: String, _ styles: TextStyle..., color: Bool = Console.useColor) -> String {
        guard color, !styles.isEmpty else { return text }
        return "\u{1B}[" + styles.map(\.rawValue).joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }

    /// A readline prompt: escape codes wrapped in \u{1} … \u{2} so readline knows they take no columns.
    static func prompt(_ text: String, _ styles: TextStyle..., color: Bool = Console.useColor) -> String {
        guard color, !styles.isEmpty else { return text }
        return "\u{1}\u{1B}[" + styles.map(\.rawValue).joined(separator: ";") + "m\u{2}" + text + "\u{1}\u{1B}[0m\u{2}"
    }
}

import CReadline

extension Console {
    /// Flushes stdout (Swift's print buffers it when stdout is not a terminal).
    static func flush() { callsim_flush_stdout() }
}
