#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CReadline
import Foundation
import Synchronization

/// What one attempt to read a line gave.
enum LineEvent: Equatable, Sendable {
    /// A finished line (without its newline).
    case line(String)
    /// A line holding bytes that are not UTF-8.
    case invalidLine
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Ctrl-C: the partly typed line is dropped.
    case interrupt
    /// The timeout passed with the line unfinished; the partly typed line stays pending.
    case timeout
}

/// Where the call screen gets the agent's lines: the terminal, piped stdin or a script file.
protocol LineSource: AnyObject {
    /// True for a person at a terminal (prompts, colour, history, response times and dead air).
    var isInteractive: Bool { get }
    /// Reads one line. `completions` are offered by Tab for the first word; `timeout` (seconds)
    /// makes the read return `.timeout` while the typed text stays pending for the next call.
    func readLine(prompt: String, completions: [String], timeout: Double?) -> LineEvent
    /// Keeps a line for Up-arrow recall and in the history file (the agent's spoken lines only).
    func remember(_ line: String)
    /// Prints text while a line may be half typed, keeping that line intact below it.
    func printAbove(_ text: String)
    /// Drops a pending half-typed line (the call ended without the agent pressing Enter).
    func abandonPendingLine()
}

// readline's callbacks are C functions that cannot capture context: they reach the editor
// through these values, which live outside main.swift so they are not main-actor isolated.
private let completionCandidates = Mutex<[String]>([])
private let completionQueue = Mutex<[String]>([])
/// The bytes of the line readline finished (nil inside means Ctrl-D), or nil while typing.
private let finishedLine = Mutex<[UInt8]??>(nil)
private let interruptRequested = Atomic<Bool>(false)
/// SIGHUP (terminal closed) or SIGTERM: the editor gives the terminal back and reports the end of input.
private let terminationRequested = Atomic<Bool>(false)
/// SIGWINCH: readline catches it only inside rl_callback_read_char, not while poll waits.
private let resizeRequested = Atomic<Bool>(false)
/// The write end of a pipe the SIGINT handler writes to, so a signal that lands just before
/// `poll` still wakes it (the self-pipe trick); -1 until the editor makes it.
private let interruptWakeUp = Atomic<Int32>(-1)

private func lineFinished(_ line: UnsafeMutablePointer<CChar>?) {
    // Removing the handler here keeps readline from printing the prompt again after Enter.
    rl_callback_handler_remove()
    guard let line else {
        finishedLine.withLock { $0 = .some(nil) }
        return
    }
    let bytes = Array(UnsafeRawBufferPointer(start: line, count: strlen(line)))
    free(line)
    finishedLine.withLock { $0 = .some(bytes) }
}

private func nextCompletion(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 {
        let prefix = text.map { String(cString: $0) } ?? ""
        let matches = completionCandidates.withLock { candidates in candidates.filter { $0.hasPrefix(prefix) } }
        completionQueue.withLock { $0 = matches }
    }
    let next: String? = completionQueue.withLock { queue in queue.isEmpty ? nil : queue.removeFirst() }
    guard let next else { return nil }
    return strdup(next)
}

private func completeFirstWord(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    // readline resets both before every attempt: without them it falls back to file names
    // and appends a space after a unique match.
    callsim_rl_set_attempted_completion_over(1)
    callsim_rl_set_completion_append_character(0)
    guard start == 0 else { return nil }
    return rl_completion_matches(text, nextCompletion)
}

private func interruptHandler(_ signal: Int32) {
    if signal == SIGINT {
        interruptRequested.store(true, ordering: .relaxed)
    } else if signal == SIGWINCH {
        resizeRequested.store(true, ordering: .relaxed)
    } else {
        terminationRequested.store(true, ordering: .relaxed)
    }
    let descriptor = interruptWakeUp.load(ordering: .relaxed)
    if descriptor >= 0 {
        var byte: UInt8 = 1
        _ = write(descriptor, &byte, 1)
    }
}

/// Reads the agent's lines on a terminal with GNU readline (editing, history, Tab completion),
/// or plain lines when stdin is not a terminal. Only one may exist per process.
final class LineEditor: LineSource {
    let isInteractive: Bool
    private let historyPath: String?
    private var handlerInstalled = false
    private var previousActions: [Int32: sigaction] = [:]
    /// Set once the terminal is gone or callsim was asked to stop: every later read is the end of input.
    private var inputClosed = false
    private var wakeUpReadEnd: Int32 = -1
    /// Lines readline may keep for Up-arrow recall, and in the history file.
    static let historyLimit: Int32 = 1000
    /// For start-up benchmarks: leave as soon as the first prompt would be shown.
    private static let exitAtPrompt = ProcessInfo.processInfo.environment["CALLSIM_EXIT_AT_PROMPT"] != nil

    /// `historyFile` nil keeps no history on disk. With stdin not a terminal readline is never used.
    init(historyFile: URL?, interactive: Bool = Console.stdinIsTerminal) {
        isInteractive = interactive
        guard interactive else {
            historyPath = nil
            return
        }
        Self.ensureUTF8Locale()
        callsim_rl_set_readline_name(strdup("callsim"))
        callsim_rl_set_attempted_completion_function(completeFirstWord)
        // Signals are ours: readline's own SIGINT handling kills the process in reverse search.
        callsim_rl_set_catch_signals(0)
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for descriptor in ends {
                _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            }
            wakeUpReadEnd = ends[0]
            interruptWakeUp.store(ends[1], ordering: .relaxed)
        }
        using_history()
        stifle_history(Self.historyLimit)
        if let historyFile, let directory = Paths.ensureDirectory(historyFile.deletingLastPathComponent()) {
            let path = directory.appendingPathComponent(historyFile.lastPathComponent).path
            // append_history needs an existing file.
            let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
            if descriptor >= 0 {
                Glibc.close(descriptor)
                read_history(path)
                historyPath = path
            } else {
                Console.error("callsim: cannot open the history file \(path): \(String(cString: strerror(errno)))")
                historyPath = nil
            }
        } else {
            historyPath = nil
        }
    }

    /// readline takes LC_CTYPE from the environment and drops Chinese input under LANG=C,
    /// so a locale that is not UTF-8 is replaced with C.UTF-8 for the whole process.
    static func ensureUTF8Locale() {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" {
            return
        }
        setenv("LC_ALL", "C.UTF-8", 1)
        setlocale(LC_ALL, "")
    }

    func readLine(prompt: String, completions: [String] = [], timeout: Double? = nil) -> LineEvent {
        if Self.exitAtPrompt {
            callsim_flush_stdout()
            exit(0)
        }
        guard isInteractive else { return readPlainLine() }
        if inputClosed { return .endOfInput }
        completionCandidates.withLock { $0 = completions }
        installInterruptHandler()
        defer { restoreInterruptHandler() }
        if !handlerInstalled {
            interruptRequested.store(false, ordering: .relaxed)
            if wakeUpReadEnd >= 0 { drainWakeUps() }
            finishedLine.withLock { $0 = nil }
            rl_callback_handler_install(prompt, lineFinished)
            Self.keepInputOnInterrupt()
            handlerInstalled = true
        }
        let deadline = timeout.map { ContinuousClock.now + .milliseconds(Int(($0 * 1000).rounded())) }
        while true {
            if terminationRequested.load(ordering: .relaxed) {
                // Give the terminal back its modes, then end the call like Ctrl-D.
                abandonPendingLine()
                inputClosed = true
                return .endOfInput
            }
            if resizeRequested.exchange(false, ordering: .relaxed) {
                rl_resize_terminal()
            }
            if interruptRequested.exchange(false, ordering: .relaxed) {
                cancelLineAfterInterrupt()
                return .interrupt
            }
            if let finished = finishedLine.withLock({ value -> [UInt8]?? in defer { value = nil }; return value }) {
                handlerInstalled = false
                guard let bytes = finished else {
                    // readline leaves the cursor after the prompt on Ctrl-D.
                    Swift.print("")
                    return .endOfInput
                }
                guard let line = String(validating: bytes, as: UTF8.self) else { return .invalidLine }
                return .line(line)
            }
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let left = ContinuousClock.now.duration(to: deadline)
                if left <= .zero { return .timeout }
                let (seconds, attoseconds) = left.components
                waitMilliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            }
            callsim_flush_rl_outstream()
            var descriptors = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: wakeUpReadEnd, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, wakeUpReadEnd >= 0 ? 2 : 1, waitMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                abandonPendingLine()
                return .endOfInput
            }
            if ready == 0 { continue }
            if descriptors[1].revents != 0 {
                drainWakeUps()
                continue
            }
            let descriptor = descriptors[0]
            if descriptor.revents & Int16(POLLIN) == 0 {
                // The terminal went away (hang-up, closed pty).
                abandonPendingLine()
                return .endOfInput
            }
            rl_callback_read_char()
        }
    }

    func printAbove(_ text: String) {
        guard isInteractive, handlerInstalled else {
            Swift.print(text)
            callsim_flush_stdout()
            return
        }
        rl_clear_visible_line()
        Swift.print(text)
        callsim_flush_stdout()
        rl_forced_update_display()
        callsim_flush_rl_outstream()
    }

    func abandonPendingLine() {
        guard isInteractive, handlerInstalled else { return }
        rl_callback_handler_remove()
        handlerInstalled = false
        Swift.print("")
        callsim_flush_stdout()
    }

    /// Writes history out in full, trimmed to the limit (each line is also appended as it is typed).
    func close() {
        if isInteractive, let historyPath {
            history_truncate_file(historyPath, Self.historyLimit)
        }
    }

    // MARK: - Private

    /// The sequence that leaves readline clean in every state, reverse search included.
    private func cancelLineAfterInterrupt() {
        // What was typed ahead of Ctrl-C is dropped here, where readline is not reading.
        tcflush(0, TCIFLUSH)
        rl_free_line_state()
        rl_callback_sigcleanup()
        callsim_rl_set_point(callsim_rl_end())
        rl_redisplay()
        Swift.print("^C")
        callsim_flush_stdout()
        rl_cleanup_after_signal()
        rl_callback_handler_remove()
        handlerInstalled = false
    }

    func remember(_ line: String) {
        guard isInteractive, !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        let total = callsim_history_length()
        if total > 0, let last = history_get(callsim_history_base() + total - 1), let text = last.pointee.line,
           String(cString: text) == line {
            return
        }
        add_history(line)
        if let historyPath { append_history(1, historyPath) }
    }

    private func readPlainLine() -> LineEvent {
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let count = getline(&buffer, &capacity, callsim_stdin())
        guard count >= 0, let buffer else { return .endOfInput }
        var bytes = Array(UnsafeRawBufferPointer(start: buffer, count: count))
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard let line = String(validating: bytes, as: UTF8.self) else { return .invalidLine }
        return .line(line)
    }

    /// Ctrl-C normally makes the terminal discard unread input. readline may already have read
    /// part of that input (the first bytes of a multibyte character, or typeahead it saw queued)
    /// and then waits in a blocking read for the rest, which would never come: the call hangs.
    /// NOFLSH keeps the input until readline is done with it; readline's own terminal reset
    /// restores the user's setting.
    private static func keepInputOnInterrupt() {
        var modes = termios()
        guard tcgetattr(0, &modes) == 0 else { return }
        modes.c_lflag |= tcflag_t(NOFLSH)
        _ = tcsetattr(0, TCSANOW, &modes)
    }

    private func drainWakeUps() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(wakeUpReadEnd, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// SIGINT, SIGHUP, SIGTERM and SIGWINCH are caught only while a line is read (poll is interrupted, never restarted).
    private func installInterruptHandler() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = interruptHandler
        #else
        action.__sigaction_u.__sa_handler = interruptHandler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0 // no SA_RESTART: poll must return EINTR
        var caught = sigset_t()
        sigemptyset(&caught)
        for signal in [SIGINT, SIGHUP, SIGTERM, SIGWINCH] {
            var previous = sigaction()
            sigaction(signal, &action, &previous)
            previousActions[signal] = previous
            sigaddset(&caught, signal)
        }
        // A parent may have started callsim with these blocked; Ctrl-C must still reach the call.
        pthread_sigmask(SIG_UNBLOCK, &caught, nil)
    }

    private func restoreInterruptHandler() {
        for (signal, previous) in previousActions {
            var action = previous
            sigaction(signal, &action, nil)
        }
        previousActions.removeAll()
    }
}
