#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import CallsimStore
import Foundation

/// `--db PATH` for every command that uses the database (else `CALLSIM_DB`, else the XDG data folder).
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database file (default: $CALLSIM_DB, else $XDG_DATA_HOME/callsim/callsim.sqlite).", valueName: "PATH"))
    var path: String?

    var resolvedPath: String {
        Store.resolvePath(option: path, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens for writing, and marks calls whose process died as interrupted.
    func open() throws -> Store {
        do {
            let store = try Store(path: resolvedPath)
            announce(try store.markInterrupted())
            return store
        } catch let error as StoreError {
            throw CLIError("\(error.description)")
        }
    }

    /// Opens for reading; falls back to read-only when the file or its folder cannot be written.
    func openForReading() throws -> Store {
        do {
            guard FileManager.default.fileExists(atPath: resolvedPath) else {
                throw CLIError("\(resolvedPath): no database yet; play a call first (or use --db PATH)")
            }
            let store = try Store.openForReading(path: resolvedPath)
            announce((try? store.markInterrupted()) ?? [])
            return store
        } catch let error as StoreError {
            throw CLIError("\(error.description)")
        }
    }
}

/// Tells, once, about calls just found interrupted (their process died without ending them).
private func announce(_ found: [SessionInfo]) {
    let language = UILanguage.resolve(option: nil)
    for session in found {
        Console.error(language == .zhTW
            ? "callsim：通話 #\(session.id)（\(session.scenarioID)，\(session.turnCount) 句）中斷了；以 `callsim resume \(session.id)` 繼續，或 `callsim show \(session.id) --score` 評分。"
            : "callsim: call #\(session.id) (\(session.scenarioID), \(session.turnCount) turns) was interrupted; continue with `callsim resume \(session.id)` or score it with `callsim show \(session.id) --score`.")
    }
}

/// Runs a store call, turning its errors into one clear line.
func storeAction<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw CLIError("\(error.description)")
    }
}

/// The trainee a call is recorded under: `--trainee`, else CALLSIM_TRAINEE, else the login name.
func defaultTrainee(_ option: String?) -> String {
    if let option, !option.trimmingCharacters(in: .whitespaces).isEmpty { return option.trimmingCharacters(in: .whitespaces) }
    let environment = ProcessInfo.processInfo.environment
    for key in ["CALLSIM_TRAINEE", "USER", "LOGNAME"] {
        if let value = environment[key], !value.isEmpty { return value }
    }
    return "trainee"
}

/// Dates on screen and in exports: UTC, to the minute.
enum RecordDates {
    static func minute(_ date: Date) -> String {
        let t = fields(date)
        return "\(t.year)-\(two(t.month))-\(two(t.day)) \(two(t.hour)):\(two(t.minute))"
    }

    static func iso(_ date: Date) -> String {
        let t = fields(date)
        return "\(t.year)-\(two(t.month))-\(two(t.day))T\(two(t.hour)):\(two(t.minute)):\(two(t.second))Z"
    }

    /// UTC calendar fields without a DateFormatter (costly to build, and history prints thousands).
    static func fields(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }

    /// `--since`: yyyy-MM-dd (UTC midnight) or a full ISO 8601 time.
    static func parse(_ text: String) -> Date? {
        for pattern in ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd HH:mm"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = pattern
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(iso(date))
        }
        return encoder
    }()
}

/// Unbuffered standard output, so prompts and lines keep their order on a pipe.
enum StandardOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
