#if canImport(Glibc)
import Glibc
#endif
import CallsimCore
@testable import CallsimStore
import Foundation
import GRDB
import Testing

/// Files that are not callsim databases, databases from a newer callsim, places that cannot
/// be written, a full disk: a clear error, the file untouched, no crash.
@Suite struct BadInputTests {
    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func aTextFileIsRefusedAndLeftUntouched() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let path = folder.file("notes.txt")
        try Data("這是筆記，不是資料庫\nline two\n".utf8).write(to: URL(fileURLWithPath: path))
        let before = bytes(path)
        let error = #expect(throws: StoreError.self) { try Store(path: path) }
        #expect(error == .notADatabase(path: path))
        #expect(error?.description.contains("not a callsim database") == true)
        #expect(bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aDamagedDatabaseIsRefusedAndLeftUntouched() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let path = folder.file("damaged.sqlite")
        var data = Data("SQLite format 3\0".utf8)
        var generator = SeededGenerator(seed: 9)
        data.append(contentsOf: (0..<8192).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        try data.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try Store(path: path) }
        switch error {
        case .notADatabase?, .corrupt?: break
        default: Issue.record("unexpected error \(String(describing: error))")
        }
        #expect(bytes(path) == data)
    }

    @Test func aForeignSQLiteDatabaseIsRefusedAndLeftUntouched() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let path = folder.file("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE sessions (id INTEGER PRIMARY KEY, note TEXT)")
                try db.execute(sql: "INSERT INTO sessions (note) VALUES ('keep me')")
            }
            try queue.close()
        }
        let before = bytes(path)
        let error = #expect(throws: StoreError.self) { try Store(path: path) }
        #expect(error == .foreignDatabase(path: path))
        #expect(bytes(path) == before)
    }

    @Test func aDatabaseFromANewerCallsimIsRefusedAndLeftUntouched() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let path = folder.file("newer.sqlite")
        do {
            let store = try Store(path: path)
            _ = try store.beginSession(NewSession(trainee: "amy", scenarioID: "s", seed: 1, language: .en))
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
            }
            try store.close()
        }
        let before = bytes(path)
        let error = #expect(throws: StoreError.self) { try Store(path: path) }
        #expect(error == .newerSchema(path: path, unknown: ["v99-future"]))
        #expect(error?.description.contains("newer callsim") == true)
        #expect(bytes(path) == before)
    }

    @Test func anEmptyFileBecomesADatabase() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let path = folder.file("empty.sqlite")
        FileManager.default.createFile(atPath: path, contents: Data())
        let store = try Store(path: path)
        #expect(try store.appliedVersions() == Schema.versions)
    }

    /// A folder nobody may write: chmod for ordinary users; for root (who ignores modes) a
    /// read-only tmpfs when mounting is allowed.
    func readOnlyFolder(_ folder: TempFolder) -> String? {
        let path = folder.file("locked")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if geteuid() != 0 {
            chmod(path, 0o500)
            return path
        }
        let status = Process()
        status.executableURL = URL(fileURLWithPath: "/bin/mount")
        status.arguments = ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", path]
        status.standardError = FileHandle.nullDevice
        guard (try? status.run()) != nil else { return nil }
        status.waitUntilExit()
        return status.terminationStatus == 0 ? path : nil
    }

    func unmount(_ path: String) {
        guard geteuid() == 0 else { return }
        let status = Process()
        status.executableURL = URL(fileURLWithPath: "/bin/umount")
        status.arguments = [path]
        try? status.run()
        status.waitUntilExit()
    }

    @Test func aReadOnlyFolderGivesAClearMessage() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        guard let locked = readOnlyFolder(folder) else {
            // Root without permission to mount cannot be denied a write by file modes.
            print("skipped: no read-only folder can be made here (root without mount permission)")
            return
        }
        defer { unmount(locked) }
        let error = #expect(throws: StoreError.self) { try Store(path: locked + "/callsim.sqlite") }
        switch error {
        case .cannotCreate?, .readOnly?: break
        default: Issue.record("unexpected error \(String(describing: error))")
        }
        #expect(error?.description.contains("--db") == true)
        #expect(!FileManager.default.fileExists(atPath: locked + "/callsim.sqlite"))
    }

    @Test func aDatabaseOnAReadOnlyMediumCanStillBeRead() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let medium = folder.file("medium")
        try FileManager.default.createDirectory(atPath: medium, withIntermediateDirectories: true)
        func mount(_ arguments: [String]) -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/mount")
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return false }
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        guard geteuid() == 0, mount(["-t", "tmpfs", "-o", "size=2m", "tmpfs", medium]) else {
            print("skipped: mounting a read-only medium needs root with mount permission")
            return
        }
        defer { unmount(medium) }
        let path = medium + "/callsim.sqlite"
        do {
            let store = try Store(path: path)
            let id = try store.beginSession(NewSession(trainee: "amy", scenarioID: "s", seed: 1, language: .zhTW))
            try store.appendTurn(session: id, index: 1, turn: Turn(speaker: .agent, text: "您好"))
            try store.close()
        }
        #expect(mount(["-o", "remount,ro", medium]))
        let before = bytes(path)
        #expect(throws: StoreError.self) { try Store(path: path) }
        let reader = try Store.openForReading(path: path)
        #expect(try reader.sessions().first?.turnCount == 1)
        #expect(bytes(path) == before)
    }

    @Test func aFullDiskLosesNothingAlreadySavedAndSaysSo() throws {
        let folder = TempFolder()
        defer { folder.cleanup() }
        let path = folder.file("full.sqlite")
        do { try Store(path: path).close() }
        let pages = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") } ?? 0
        let store = try Store(path: path, options: Store.Options(maxPageCount: pages + 3))
        let session = try store.beginSession(NewSession(trainee: "amy", scenarioID: "s", seed: 1, language: .zhTW))
        let line = String(repeating: "帳單多收了三百元，", count: 60)
        var saved = 0
        var failure: Error?
        for index in 1...200 {
            do {
                try store.appendTurn(session: session, index: index, turn: Turn(speaker: .customer, text: line))
                saved = index
            } catch {
                failure = error
                break
            }
        }
        #expect(failure as? StoreError == .diskFull(path: path))
        #expect((failure as? StoreError)?.description.contains("disk is full") == true)
        #expect(saved > 0)
        // What was committed before the disk filled up is all there, and the file is sound.
        let reopened = try Store(path: path)
        #expect(try reopened.session(session).turns.count == saved)
        let check = try reopened.writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
    }

    @Test func theCLIReportsBadFilesInOneLine() throws {
        guard Built.callsimExists else {
            Issue.record("build the binary first: swift build (\(Built.callsim))")
            return
        }
        let folder = TempFolder()
        defer { folder.cleanup() }
        let path = folder.file("notes.txt")
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: path))
        for command in [["history"], ["report"], ["show", "1"]] {
            let result = try runCallsim(command + ["--db", path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("not a callsim database"))
            #expect(!result.stderr.contains("Fatal error"))
        }
        let missing = try runCallsim(["show", "42", "--db", folder.file("absent.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no database yet"))
        let badDate = try runCallsim(["report", "--since", "yesterday", "--db", folder.file("absent.sqlite")])
        #expect(badDate.status == 64)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello\n")
    }
}
