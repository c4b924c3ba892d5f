#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GRDB
import Synchronization

/// A problem with the database, told in words a trainee can act on.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case notADatabase(path: String)
    case corrupt(path: String, detail: String)
    case foreignDatabase(path: String)
    case newerSchema(path: String, unknown: [String])
    case cannotCreate(path: String, reason: String)
    case readOnly(path: String)
    case diskFull(path: String)
    case sessionNotFound(String)
    case failed(path: String, detail: String)

    public var description: String {
        switch self {
        case let .notADatabase(path):
            "\(path): not a callsim database (not an SQLite file); left untouched. Use --db to choose another file."
        case let .corrupt(path, detail):
            "\(path): the database is damaged (\(detail)); left untouched. Move it aside or use --db to choose another file."
        case let .foreignDatabase(path):
            "\(path): an SQLite database that callsim did not create; left untouched. Use --db to choose another file."
        case let .newerSchema(path, unknown):
            "\(path): written by a newer callsim (schema \(unknown.joined(separator: ", "))); upgrade callsim to open it. Left untouched."
        case let .cannotCreate(path, reason):
            "\(path): cannot create the database: \(reason). Use --db or CALLSIM_DB to choose a writable place."
        case let .readOnly(path):
            "\(path): the database or its folder is read-only; nothing was saved. Use --db to choose a writable file."
        case let .diskFull(path):
            "\(path): the disk is full; the last change was not saved. Free some space and go on."
        case let .sessionNotFound(id):
            "no session \(id) in the database (see `callsim history`)"
        case let .failed(path, detail):
            "\(path): \(detail)"
        }
    }
}

/// The callsim database: trainees, sessions and their turns, scores, wrap-up forms and
/// dialer shifts, in one SQLite file in WAL mode so that several processes may write at once.
public final class Store: Sendable {
    /// Written into the SQLite header (PRAGMA application_id) to recognise callsim files: "CSIM".
    public static let applicationID: Int32 = 0x4353_494D

    public struct Options: Sendable {
        /// How long a writer waits for another process's transaction before failing.
        public var busyTimeout: TimeInterval = 10
        /// Caps the file size in pages (tests use it to simulate a full disk).
        public var maxPageCount: Int?
        /// Open without writing anything (reports on a read-only medium).
        public var readOnly = false
        public init(busyTimeout: TimeInterval = 10, maxPageCount: Int? = nil, readOnly: Bool = false) {
            self.busyTimeout = busyTimeout
            self.maxPageCount = maxPageCount
            self.readOnly = readOnly
        }
    }

    public let path: String
    let writer: any DatabaseWriter

    /// `--db` first, then `CALLSIM_DB`, then `$XDG_DATA_HOME/callsim/callsim.sqlite`,
    /// then `~/.local/share/callsim/callsim.sqlite`.
    public static func resolvePath(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return expandTilde(option, environment: environment) }
        if let fromEnvironment = environment["CALLSIM_DB"], !fromEnvironment.isEmpty {
            return expandTilde(fromEnvironment, environment: environment)
        }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return dataHome + "/callsim/callsim.sqlite"
    }

    static func expandTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }

    /// Opens (creating when missing) and migrates the database at `path`. Refuses, without
    /// writing a byte, a file that is not a callsim database or comes from a newer callsim.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        let fileManager = FileManager.default
        let exists = fileManager.fileExists(atPath: path)
        if exists {
            try Store.inspectExisting(path: path)
        } else if options.readOnly {
            throw StoreError.cannotCreate(path: path, reason: "no such file")
        } else {
            try Store.prepareDirectory(for: path)
        }

        var configuration = Configuration()
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.readonly = options.readOnly
        configuration.label = "callsim"
        let maxPageCount = options.maxPageCount
        let readOnly = options.readOnly
        configuration.prepareDatabase { db in
            if !readOnly {
                // Every committed turn must survive a power cut, not only a crash.
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            if let maxPageCount { try db.execute(sql: "PRAGMA max_page_count = \(maxPageCount)") }
        }

        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        do {
            if readOnly {
                writer = try DatabaseQueue(path: path, configuration: configuration)
            } else {
                writer = try DatabasePool(path: path, configuration: configuration)
                try Store.secure(path: path)
                try Schema.migrator.migrate(writer)
            }
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.failed(path: path, detail: "\(error)")
        }
    }

    /// Opens for reading: read-write when possible (so interrupted calls get marked); on a
    /// read-only medium, a private copy (SQLite cannot read a WAL database where it cannot
    /// create its shared-memory file).
    public static func openForReading(path: String) throws -> Store {
        do {
            return try Store(path: path)
        } catch let error as StoreError {
            switch error {
            case .readOnly, .cannotCreate:
                guard FileManager.default.fileExists(atPath: path) else { throw error }
                return try readOnlyCopy(of: path, error: error)
            default:
                throw error
            }
        }
    }

    static func readOnlyCopy(of path: String, error: StoreError) throws -> Store {
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        let folder = NSTemporaryDirectory() + "callsim-read-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let copy = folder + "/callsim.sqlite"
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            if FileManager.default.fileExists(atPath: path + "-wal") {
                try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
            }
            let store = try Store(path: copy)
            store.temporaryFolder.withLock { $0 = folder }
            return store
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    /// A private copy's folder, removed when the store goes away.
    let temporaryFolder = Mutex<String?>(nil)

    deinit {
        if let folder = temporaryFolder.withLock({ $0 }) {
            try? close()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Checks the header and the schema of an existing file through a read-only connection.
    static func inspectExisting(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.failed(path: path, detail: "cannot read the file (permission denied)")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.isEmpty { return }  // an empty file is a new database
        guard header == Data("SQLite format 3\0".utf8) else { throw StoreError.notADatabase(path: path) }

        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                let hasMigrations = tables.contains("grdb_migrations")
                if applicationID != Store.applicationID {
                    if tables.isEmpty { return }
                    throw StoreError.foreignDatabase(path: path)
                }
                guard hasMigrations else { throw StoreError.foreignDatabase(path: path) }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                let known = Set(Schema.versions)
                let unknown = applied.filter { !known.contains($0) }.sorted()
                if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown) }
            }
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    static func prepareDirectory(for path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StoreError.cannotCreate(path: path, reason: "\(directory) is not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreate(path: path, reason: "cannot create the folder \(directory)")
            }
        }
        if access(directory, W_OK) != 0 {
            throw StoreError.cannotCreate(path: path, reason: "the folder \(directory) is read-only")
        }
    }

    /// Owner-only permissions on the database and its WAL companions (they hold what trainees said).
    static func secure(path: String) throws {
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            chmod(file, 0o600)
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB: .notADatabase(path: path)
        case .SQLITE_CORRUPT: .corrupt(path: path, detail: error.message ?? "corrupt")
        case .SQLITE_FULL: .diskFull(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM: .readOnly(path: path)
        case .SQLITE_CANTOPEN:
            access((path as NSString).deletingLastPathComponent, W_OK) != 0
                ? .readOnly(path: path) : .failed(path: path, detail: "cannot open the database file")
        case .SQLITE_BUSY, .SQLITE_LOCKED: .failed(path: path, detail: "the database stayed locked by another callsim; try again")
        case .SQLITE_IOERR: .failed(path: path, detail: "input/output error (\(error.message ?? "disk"))")
        default: .failed(path: path, detail: error.message ?? "\(error)")
        }
    }

    /// Runs a write transaction, mapping SQLite errors to `StoreError`.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        }
    }

    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        }
    }

    /// The schema versions applied to this file, oldest first.
    public func appliedVersions() throws -> [String] {
        try read { db in try Schema.migrator.completedMigrations(db) }
    }

    public func close() throws {
        if let pool = writer as? DatabasePool { try pool.close() }
        if let queue = writer as? DatabaseQueue { try queue.close() }
    }
}
