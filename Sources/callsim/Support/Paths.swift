import Foundation

/// Per-user files, after the XDG base directory specification.
enum Paths {
    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    private static var home: URL {
        if let home = environment["HOME"], !home.isEmpty { return URL(fileURLWithPath: home, isDirectory: true) }
        return FileManager.default.homeDirectoryForCurrentUser
    }

    /// An XDG variable is used only when it holds an absolute path, as the specification says.
    private static func base(_ variable: String, default relative: String) -> URL {
        if let value = environment[variable], value.hasPrefix("/") {
            return URL(fileURLWithPath: value, isDirectory: true)
        }
        return home.appendingPathComponent(relative, isDirectory: true)
    }

    /// `$XDG_STATE_HOME/callsim` (history and other state that is not worth backing up).
    static var stateDirectory: URL { base("XDG_STATE_HOME", default: ".local/state").appendingPathComponent("callsim", isDirectory: true) }

    /// `$XDG_CACHE_HOME/callsim` (else `~/.cache/callsim`); nil without either, so nothing is cached.
    static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("callsim")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/callsim")
    }

    /// The line editor's history of agent lines.
    static var historyFile: URL { stateDirectory.appendingPathComponent("history") }

    /// Creates a directory and its parents; returns nil (and says why on stderr) when that fails.
    @discardableResult
    static func ensureDirectory(_ url: URL) -> URL? {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        } catch {
            Console.error("callsim: cannot create \(url.path): \(error.localizedDescription)")
            return nil
        }
    }
}
