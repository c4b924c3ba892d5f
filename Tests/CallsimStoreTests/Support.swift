#if canImport(Glibc)
import Glibc
#endif
import CallsimCore
import CallsimStore
import Foundation

/// A fresh folder under the system temp folder, removed by `cleanup`.
struct TempFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "callsim-store-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    func cleanup() {
        chmod(path, 0o700)
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The package root and the built command-line binary.
enum Built {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var callsim: String { packageRoot + "/.build/debug/callsim" }
    static var callsimExists: Bool { FileManager.default.isExecutableFile(atPath: callsim) }
}

/// A running `callsim` process with pipes.
final class Child {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    private var buffer = Data()

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: Built.callsim)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Reads stdout until it contains `text` (or the process ends); true when found.
    func waitFor(_ text: String, timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if String(decoding: buffer, as: UTF8.self).contains(text) { return true }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return String(decoding: buffer, as: UTF8.self).contains(text) }
            buffer.append(chunk)
        }
        return false
    }

    var stdoutSoFar: String { String(decoding: buffer, as: UTF8.self) }

    func finish() -> (status: Int32, stdout: String, stderr: String) {
        closeInput()
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        buffer.append(rest)
        return (process.terminationStatus, String(decoding: buffer, as: UTF8.self), errorText)
    }

    /// Sends a signal; falls back to SIGKILL when the process outlives it by 10 s.
    func kill(_ signal: Int32) {
        Glibc.kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// Runs `callsim` to the end with the given stdin.
func runCallsim(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
    let child = try Child(arguments, environment: environment)
    child.input.fileHandleForWriting.write(Data(stdin.utf8))
    return child.finish()
}

/// A small scorecard in the scorer's shape.
func sampleScore(hits: Set<String>, all: [(String, String, [String])] = sampleIndicators) -> ScoreSummary {
    let results = all.map { id, category, codes in
        IndicatorOutcome(id: id, category: category, status: hits.contains(id) ? "hit" : "missed",
                         turns: hits.contains(id) ? [2] : [], codes: codes)
    }
    let categories = Array(Set(all.map(\.1))).sorted().map { name -> ScoreSummary.Category in
        let members = results.filter { $0.category == name }
        return ScoreSummary.Category(name: name, score: members.filter { $0.status == "hit" }.count * 100 / max(1, members.count))
    }
    let score = categories.compactMap(\.score).reduce(0, +) / max(1, categories.count)
    return ScoreSummary(results: results, categories: categories, score: score, critical: [])
}

let sampleIndicators: [(String, String, [String])] = [
    ("compliance.identify", "compliance", ["P2.2.1", "K08"]),
    ("listening.empathy", "listening", ["P2.2.4", "A01"]),
    ("closing.ask", "closing", ["P2.4.1", "S08"]),
    ("closing.courtesy", "closing", ["P3.2.1", "A01"]),
]
