import ArgumentParser
import CallsimCore
import CallsimPersonas
import CallsimScoring
import Foundation

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score transcripts against the indicator catalog.",
        discussion: "Each FILE is a transcript; a DIR scores its *.txt files in name order. With --json, one JSON object per transcript (JSON Lines)."
    )

    @Argument(help: "Transcript files or folders of *.txt transcripts.")
    var paths: [String]

    @Flag(help: "Print one JSON object per transcript instead of the readable report.")
    var json = false

    @Option(help: ArgumentHelp("Score with the names, product, price, policy and rubric of this scenario.", valueName: "ID"))
    var scenario: String?

    @Option(help: ArgumentHelp("Folder of scenario files (for --scenario).", valueName: "DIR"))
    var personas: String?

    @Option(help: "Language of the report labels (zh-TW or en); default: the call's language.")
    var lang: String?

    func run() throws {
        var context: CallContext? = nil
        var rubric: Rubric? = nil
        var loaded: Scenario? = nil
        if let scenario {
            let found = try ScenarioCatalog(override: personas).scenario(id: scenario, language: nil)
            context = found.callContext()
            rubric = found.scoringRubric
            loaded = found
        }
        var uiLanguage: Language? = nil
        if let lang {
            guard let parsed = Language(code: lang) else { throw CLIError("--lang: expected zh-TW or en, got '\(lang)'") }
            uiLanguage = parsed
        }
        let (files, missing) = TranscriptFiles.collect(paths)
        var failed = !missing.isEmpty
        for problem in missing { Console.error(problem) }
        let scorer = Scorer()
        var output = OutputBuffer()
        let color = Console.useColor
        for file in files {
            let transcript: Transcript
            do {
                transcript = try TranscriptFiles.load(file)
            } catch {
                output.flush()
                Console.error(error.description)
                failed = true
                continue
            }
            let card = scorer.score(transcript, context: context, rubric: rubric)
            if json {
                output.appendJSONLine(card, file: file)
            } else {
                output.append(ScoreReport.render(
                    transcript: transcript, scorecard: card, title: file,
                    suggestions: loaded?.suggestions(for: card.lang) ?? [:],
                    language: uiLanguage ?? card.lang, color: color))
                output.append("\n")
            }
        }
        output.flush()
        if failed { throw ExitCode(1) }
    }
}

/// Finding and reading transcript files (shared by `score` and `eval`).
enum TranscriptFiles {
    /// Files to read, in order, and one message per path that does not exist.
    static func collect(_ paths: [String], extension ext: String = "txt") -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append("\(path): error: no such file or directory")
                continue
            }
            if isDirectory.boolValue {
                let names = ((try? manager.contentsOfDirectory(atPath: path)) ?? [])
                    .filter { $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }
                    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                let base = path.hasSuffix("/") ? path : path + "/"
                files += names.map { base + $0 }
            } else {
                files.append(path)
            }
        }
        return (files, missing)
    }

    static func load(_ path: String) throws(DiagnosticList) -> Transcript {
        guard let bytes = readBytes(path) else {
            throw DiagnosticList([Diagnostic(file: path, message: "cannot read file")])
        }
        return try TranscriptParser.parse(bytes, file: path)
    }

    /// The whole file, read with one `read` call per chunk (batch scoring reads thousands of small files).
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 { return nil }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}

/// Collects output and writes it in large pieces (batch scoring prints thousands of lines).
struct OutputBuffer {
    private var bytes: [UInt8] = []

    mutating func append(_ piece: String) {
        bytes += piece.utf8
        if bytes.count >= 1 << 16 { flush() }
    }

    mutating func appendJSONLine(_ card: Scorecard, file: String) {
        card.appendJSONLine(file: file, to: &bytes)
        bytes.append(0x0A)
        if bytes.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
