import CallsimCore
import CallsimPersonas
import Foundation
import Synchronization

/// Finds and reads scenario files: `--personas DIR`, else `$CALLSIM_PERSONAS`, else the
/// package's own `Personas/` folder (located from this source file's path at build time,
/// then beside the executable's package root, then in the working directory).
struct ScenarioCatalog {
    let directory: URL

    init(override: String? = nil) throws {
        if let override, !override.isEmpty {
            directory = URL(fileURLWithPath: override)
        } else if let environment = ProcessInfo.processInfo.environment["CALLSIM_PERSONAS"], !environment.isEmpty {
            directory = URL(fileURLWithPath: environment)
        } else if let found = Self.builtinDirectory() {
            directory = found
        } else {
            throw CLIError("cannot find the Personas folder; pass --personas DIR or set CALLSIM_PERSONAS")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("\(directory.path): no such folder of scenarios")
        }
    }

    static func builtinDirectory() -> URL? {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        // Sources/callsim/Support/ScenarioCatalog.swift → package root.
        let source = URL(fileURLWithPath: #filePath)
        candidates.append(source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Personas"))
        // .build/<configuration>/callsim → package root.
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("Personas"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent("Personas"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// Scenario files in name order.
    func files() throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Every scenario that loads, and the problems of those that do not, file by file.
    /// Files unchanged since a clean load come from the cache; the rest are parsed.
    func loadAll() throws -> (scenarios: [Scenario], diagnostics: [Diagnostic]) {
        let urls = try files()
        let cache = ScenarioCache(folder: directory)
        // Files load independently: on every core, then gathered in name order.
        let loaded = Mutex<[(Scenario?, [Diagnostic])?]>(Array(repeating: nil, count: urls.count))
        DispatchQueue.concurrentPerform(iterations: urls.count) { index in
            let result = Self.load(file: urls[index], cache: cache)
            loaded.withLock { $0[index] = result }
        }
        var scenarios: [Scenario] = []
        var diagnostics: [Diagnostic] = []
        for case let (scenario, found)? in loaded.withLock({ $0 }) {
            diagnostics += found
            if let scenario { scenarios.append(scenario) }
        }
        return (scenarios, diagnostics)
    }

    /// One file through the cache: its cached scenario when the file is unchanged, else parsed,
    /// and kept for next time only when it loaded without any diagnostic.
    static func load(file url: URL, cache: ScenarioCache?) -> (Scenario?, [Diagnostic]) {
        guard let cache, let stamp = ScenarioCache.stamp(url.path) else { return load(file: url) }
        if var scenario = cache.scenario(for: url, stamp: stamp), scenario.id == url.deletingPathExtension().lastPathComponent {
            scenario.file = displayPath(url)
            return (scenario, [])
        }
        let (scenario, found) = load(file: url)
        if let scenario, found.isEmpty {
            cache.store(scenario, for: url, stamp: stamp)
        } else {
            cache.remove(for: url)
        }
        return (scenario, found)
    }

    /// One scenario by id (its file name), or a message listing the ids there are.
    func scenario(id: String) throws -> Scenario {
        let url = directory.appendingPathComponent("\(id).yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            let ids = (try? files())?.map { $0.deletingPathExtension().lastPathComponent } ?? []
            throw CLIError("no scenario '\(id)' in \(directory.path); scenarios: \(ids.isEmpty ? "none" : ids.joined(separator: ", "))")
        }
        let (scenario, found) = Self.load(file: url)
        guard let scenario else { throw CLIError(found.map(\.description).joined(separator: "\n")) }
        for warning in found { Console.error(warning.description) }
        return scenario
    }

    /// A scenario with this id or its translation in the language asked for.
    func scenario(id: String, language: Language?) throws -> Scenario {
        let base = try scenario(id: id)
        guard let language, language != base.language else { return base }
        let (all, _) = try loadAll()
        let family = Set([base.id] + (base.translationOf.map { [$0] } ?? []))
        if let match = all.first(where: { $0.language == language && (family.contains($0.id) || family.contains($0.translationOf ?? "")) }) {
            return match
        }
        throw CLIError("scenario '\(id)' has no \(language.rawValue) version (a file with translation_of: \(base.translationOf ?? base.id) and lang: \(language.rawValue))")
    }

    static func load(file url: URL) -> (Scenario?, [Diagnostic]) {
        let name = displayPath(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return (nil, [Diagnostic(file: name, message: "cannot read the file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
            let line = (lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil } ?? 0) + 1
            return (nil, [Diagnostic(file: name, line: line, message: "the file is not UTF-8 text")])
        }
        let (scenario, found) = ScenarioLoader.check(yaml: text, file: name)
        if let scenario, scenario.id != url.deletingPathExtension().lastPathComponent {
            return (nil, found + [Diagnostic(file: name, line: 1, column: 1, message: "id '\(scenario.id)' must match the file name '\(url.deletingPathExtension().lastPathComponent)'")])
        }
        return (scenario, found)
    }

    /// The path as the user would type it: relative to the working directory when inside it.
    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
