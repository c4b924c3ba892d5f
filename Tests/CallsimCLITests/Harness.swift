#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization
import Testing

/// The project's root folder, found from this file's path.
let projectRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
}()

/// The debug binary the test command builds (`swift build --build-tests`).
let callsimBinary = projectRoot.appendingPathComponent(".build/debug/callsim").path

struct HarnessError: Error, CustomStringConvertible {
    var description: String
}

/// A fresh HOME and XDG_STATE_HOME, removed when the value goes away.
final class TemporaryHome {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    var stateHome: URL { url.appendingPathComponent("state") }
    var historyFile: URL { stateHome.appendingPathComponent("callsim/history") }

    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "HOME": url.path, "XDG_STATE_HOME": stateHome.path, "XDG_DATA_HOME": url.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": url.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": url.appendingPathComponent("cache").path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8", "TERM": "xterm", "COLUMNS": "100", "LINES": "30",
            // No user ~/.inputrc may change key bindings under test.
            "INPUTRC": "/dev/null",
        ]
        environment.merge(extra) { $1 }
        return environment
    }
}

private func spawn(_ arguments: [String], environment: [String: String], actions: inout posix_spawn_file_actions_t,
                   attributes: inout posix_spawnattr_t) throws -> pid_t {
    let argv = ([callsimBinary] + arguments).map { strdup($0) } + [nil]
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, callsimBinary, &actions, &attributes, argv, envp)
    guard status == 0 else { throw HarnessError(description: "cannot start \(callsimBinary): \(String(cString: strerror(status)))") }
    return pid
}

/// glibc's POSIX_SPAWN_SETSID, which the Glibc module does not export.
private let spawnSetSession: Int16 = 0x80

/// posix_openpt and friends need _XOPEN_SOURCE, which the Glibc module is not built with.
private struct PseudoTerminalFunctions {
    var open: @convention(c) (Int32) -> Int32
    var grant: @convention(c) (Int32) -> Int32
    var unlock: @convention(c) (Int32) -> Int32
    /// ptsname_r: tests run in parallel, and ptsname's static buffer would hand one test another's terminal.
    var name: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    /// posix_spawn_file_actions_addclosefrom_np (glibc 2.34 and later), when present.
    static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)? = {
        guard let pointer = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(pointer, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self)
    }()

    static func load() -> PseudoTerminalFunctions? {
        let handle = dlopen(nil, RTLD_NOW)
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let pointer = dlsym(handle, name) else { return nil }
            return unsafeBitCast(pointer, to: type)
        }
        guard let open = symbol("posix_openpt", as: (@convention(c) (Int32) -> Int32).self),
              let grant = symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self),
              let unlock = symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self),
              let name = symbol("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self)
        else { return nil }
        return PseudoTerminalFunctions(open: open, grant: grant, unlock: unlock, name: name)
    }
}

private func waitForProcess(_ pid: pid_t, timeout: Double) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    while Date() < deadline {
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid {
            // WIFEXITED / WEXITSTATUS are macros Swift does not import.
            if status & 0x7F == 0 { return (status >> 8) & 0xFF }
            return 128 + (status & 0x7F)
        }
        usleep(10_000)
    }
    return nil
}

/// callsim running on a pseudo-terminal that is its controlling terminal (so Ctrl-C is a signal).
final class TerminalSession {
    private let master: Int32
    private let pid: pid_t
    private var exited: Int32?
    private(set) var output: [UInt8] = []

    init(_ arguments: [String], environment: [String: String]) throws {
        guard let pty = PseudoTerminalFunctions.load() else { throw HarnessError(description: "no pseudo-terminal functions") }
        // Close-on-exec: a child another test starts at the same moment must not hold this terminal.
        master = pty.open(O_RDWR | O_NOCTTY | O_CLOEXEC)
        var name = [CChar](repeating: 0, count: 128)
        guard master >= 0, pty.grant(master) == 0, pty.unlock(master) == 0, pty.name(master, &name, name.count) == 0 else {
            throw HarnessError(description: "no pseudo-terminal")
        }
        let slavePath = String(cString: name)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, opening the terminal makes it the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        // Nor may the child keep other tests' pipes open (their children would wait for end of input).
        if let closeFrom = PseudoTerminalFunctions.closeFrom { _ = closeFrom(&actions, 3) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The test runner's threads may block or ignore SIGINT; the child starts with neither.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setflags(&attributes, spawnSetSession | Int16(POSIX_SPAWN_SETSIGMASK) | Int16(POSIX_SPAWN_SETSIGDEF))
        pid = try spawn(arguments, environment: environment, actions: &actions, attributes: &attributes)
    }

    deinit {
        if exited == nil {
            kill(pid, SIGKILL)
            _ = waitForProcess(pid, timeout: 2)
        }
        close(master)
    }

    var text: String { String(decoding: output, as: UTF8.self) }

    func signal(_ number: Int32) {
        kill(pid, number)
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    func send(bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// The byte offset just past the last occurrence of `needle` in the output so far.
    func offset(after needle: String) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, output.count >= pattern.count else { return nil }
        for start in stride(from: output.count - pattern.count, through: 0, by: -1)
        where output[start..<(start + pattern.count)].elementsEqual(pattern) {
            return start + pattern.count
        }
        return nil
    }

    /// Reads until the output (from `after` on) holds `needle`; false after `timeout` seconds.
    @discardableResult
    func waitFor(_ needle: String, after offset: Int = 0, timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if String(decoding: output[min(offset, output.count)...], as: UTF8.self).contains(needle) { return true }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            if !readAvailable(waitMilliseconds: Int32(min(left, 0.2) * 1000)) && exited != nil { return false }
        }
    }

    /// Reads whatever arrives within the wait; false when the terminal closed.
    private func readAvailable(waitMilliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, waitMilliseconds)
        guard ready > 0 else {
            if exited == nil, let status = waitForProcess(pid, timeout: 0) { exited = status }
            return true
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count <= 0 {
            if exited == nil { exited = waitForProcess(pid, timeout: 5) }
            return false
        }
        output += buffer[0..<count]
        return true
    }

    /// Waits for the wrap-up's first question and ends the forms with Ctrl-D.
    func skipWrapUp(timeout: Double = 10) {
        _ = waitFor("Disposition (Tab completes): ", timeout: timeout)
        send("\u{4}")
    }

    /// Waits for the process to end, reading its last output; nil when it does not end in time.
    func waitForExit(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while exited == nil, Date() < deadline {
            if !readAvailable(waitMilliseconds: 100) { break }
            if exited == nil, let status = waitForProcess(pid, timeout: 0) { exited = status }
        }
        // Drain what is left once it has ended.
        while exited != nil, readAvailable(waitMilliseconds: 50), !(pollHasNothing()) {}
        return exited
    }

    private func pollHasNothing() -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) <= 0
    }
}

/// This process's environment without a scenario-folder override, plus `extra`.
func inheritedEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "CALLSIM_PERSONAS")
    // Scenario caches of test folders stay out of the user's cache.
    environment["XDG_CACHE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-test-cache").path
    environment.merge(extra) { $1 }
    return environment
}

/// The result of running callsim with pipes.
struct PipedRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: [UInt8]
}

/// Runs callsim with `input` on stdin (a pipe), collecting stdout and stderr; fails after `timeout`.
func runPiped(_ arguments: [String], input: String, environment: [String: String], directory: URL? = nil,
              timeout: Double = 20) throws -> PipedRun {
    try runPipedBytes(arguments, input: Array(input.utf8), environment: environment, directory: directory, timeout: timeout)
}

func runPipedBytes(_ arguments: [String], input: [UInt8], environment: [String: String], directory: URL? = nil,
                   timeout: Double = 20) throws -> PipedRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: callsimBinary)
    process.arguments = arguments
    process.environment = environment
    if let directory { process.currentDirectoryURL = directory }
    let stdinPipe = Pipe(), stdoutPipe = Pipe(), stderrPipe = Pipe()
    process.standardInput = stdinPipe
    process.standardOutput = stdoutPipe
    process.standardError = stderrPipe
    try process.run()
    stdinPipe.fileHandleForWriting.write(Data(input))
    try stdinPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so a full pipe cannot block the child.
    let collected = Mutex<(Data, Data)>((Data(), Data()))
    let group = DispatchGroup()
    for (index, pipe) in [stdoutPipe, stderrPipe].enumerated() {
        group.enter()
        DispatchQueue.global().async {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            collected.withLock { if index == 0 { $0.0 = data } else { $0.1 = data } }
            group.leave()
        }
    }
    if group.wait(timeout: .now() + timeout) == .timedOut {
        process.terminate()
        throw HarnessError(description: "callsim \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
    }
    process.waitUntilExit()
    let (out, err) = collected.withLock { $0 }
    return PipedRun(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                    stderr: String(decoding: err, as: UTF8.self), stdoutBytes: Array(out))
}
