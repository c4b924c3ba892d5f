import CallsimPersonas
import Foundation

/// Scenarios already loaded from a folder, kept in `$XDG_CACHE_HOME/callsim/` (else
/// `~/.cache/callsim/`), one file per scenario so that start-up decodes them on every core
/// instead of parsing YAML again. An entry counts only while its scenario file has the same
/// path, size and modification time and the entry was written by this very binary; anything
/// unreadable is ignored (the file is parsed again). Only files that loaded without any
/// diagnostic are kept, so problems are always reported.
struct ScenarioCache {
    /// Where a source file stood when its entry was written.
    struct Stamp: Codable, Hashable {
        var size: Int64
        var modifiedSeconds: Int64
        var modifiedNanoseconds: Int64
    }

    private struct Entry: Codable {
        var format: Int
        var build: String
        var path: String
        var stamp: Stamp
        var scenario: Scenario
    }

    private static let format = 2

    let directory: URL
    let build: String

    /// Nil when caching is off (`CALLSIM_NO_CACHE`), there is no home for a cache or the
    /// binary cannot be identified.
    init?(folder: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard environment["CALLSIM_NO_CACHE"] == nil else { return nil }
        guard let base = Paths.cacheDirectory(environment: environment), let build = Self.buildIdentity() else { return nil }
        self.build = build
        directory = base.appendingPathComponent("scenarios-\(Self.hex(folder.standardizedFileURL.path))")
    }

    private func entryURL(_ source: URL) -> URL {
        directory.appendingPathComponent(source.lastPathComponent + ".json")
    }

    /// The cached scenario of this file, when it was cached from the file as it is now.
    func scenario(for source: URL, stamp: Stamp) -> Scenario? {
        guard let data = FileManager.default.contents(atPath: entryURL(source).path),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.format == Self.format, entry.build == build, entry.path == source.standardizedFileURL.path,
              entry.stamp == stamp else { return nil }
        return entry.scenario
    }

    /// Stores a cleanly loaded scenario, replacing the entry atomically (a half-written file is
    /// never read). Failures are ignored: the cache only saves time.
    func store(_ scenario: Scenario, for source: URL, stamp: Stamp) {
        let entry = Entry(format: Self.format, build: build, path: source.standardizedFileURL.path, stamp: stamp, scenario: scenario)
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = entryURL(source)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else { return }
        if rename(temporary.path, target.path) != 0 { unlink(temporary.path) }
    }

    /// Drops the entry of a file that no longer loads cleanly.
    func remove(for source: URL) {
        unlink(entryURL(source).path)
    }

    /// Size and modification time, or nil when the file cannot be examined.
    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        return Stamp(size: Int64(info.st_size), modifiedSeconds: Int64(modified.tv_sec),
                     modifiedNanoseconds: Int64(modified.tv_nsec))
    }

    /// This executable's path, size and modification time: a rebuilt binary never reads
    /// values cached by another build, whose model may differ.
    static func buildIdentity() -> String? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath
        guard let path, let stamp = stamp(path) else { return nil }
        return "\(path)|\(stamp.size)|\(stamp.modifiedSeconds).\(stamp.modifiedNanoseconds)"
    }

    /// FNV-1a of the folder path: a stable file name per folder.
    static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
