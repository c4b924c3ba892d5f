import Foundation
import Testing

/// `callsim list` reads unchanged scenario files from the start-up cache, and never lets the
/// cache hide a change, a broken file or a corrupt cache entry.
@Suite(.serialized) struct ScenarioCacheTests {
    private func list(_ folder: URL, cache: URL) throws -> PipedRun {
        var environment = inheritedEnvironment(["XDG_CACHE_HOME": cache.path])
        environment.removeValue(forKey: "CALLSIM_NO_CACHE")
        return try runPiped(["list", "--personas", folder.path], input: "", environment: environment, timeout: 60)
    }

    private func cacheFiles(_ cache: URL) -> [URL] {
        let base = cache.appendingPathComponent("callsim")
        let folders = (try? FileManager.default.contentsOfDirectory(at: base, includingPropertiesForKeys: nil)) ?? []
        return folders.flatMap { (try? FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil)) ?? [] }
            .filter { $0.pathExtension == "json" }
    }

    @Test func cacheIsTransparent() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = work.appendingPathComponent("personas"), cache = work.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["en-busy-callback.yaml", "tw-telecom-friendly.yaml"] {
            try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("Personas/\(name)"), to: folder.appendingPathComponent(name))
        }

        let first = try list(folder, cache: cache)
        #expect(first.status == 0)
        #expect(first.stdout.contains("tw-telecom-friendly"))
        #expect(cacheFiles(cache).count == 2)
        let second = try list(folder, cache: cache)
        #expect(second.stdout == first.stdout && second.stderr == first.stderr && second.status == 0)

        // A corrupt entry is ignored and rewritten.
        for file in cacheFiles(cache) { try Data("{\"format\": 1, \"scen".utf8).write(to: file) }
        let afterCorruption = try list(folder, cache: cache)
        #expect(afterCorruption.stdout == first.stdout && afterCorruption.status == 0)

        // An edited file is read again.
        let english = folder.appendingPathComponent("en-busy-callback.yaml")
        let original = try String(contentsOf: english, encoding: .utf8)
        try original.replacingOccurrences(of: "is in a meeting", with: "is on a train").write(to: english, atomically: true, encoding: .utf8)
        let edited = try list(folder, cache: cache)
        #expect(edited.stdout.contains("is on a train"))
        #expect(!edited.stdout.contains("is in a meeting"))

        // A broken file reports its problem on every run, and is not cached.
        try (original + "titel: x\n").write(to: english, atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            let broken = try list(folder, cache: cache)
            #expect(broken.status != 0)
            #expect(broken.stderr.contains("en-busy-callback.yaml:"))
            #expect(broken.stderr.contains("unknown key 'titel'"))
        }
        #expect(cacheFiles(cache).count == 1)
    }
}
