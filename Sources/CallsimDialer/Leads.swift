import CallsimCore

/// One person on a call list.
public struct Lead: Sendable, Hashable, Codable {
    public var id: String
    /// E.164 digits.
    public var phone: UInt64
    public var name: String
    public var timeZone: String
    public var offsetMinutes: Int
    /// A scenario id: the persona who answers when the lead is connected in a shift.
    public var persona: String
    public var segment: String
    public var source: String
    /// Whether the person agreed to marketing calls; nil when the list does not say.
    public var consent: Bool?
    public var status: LeadStatus
    public var attempts: Int
    /// Line of the lead list where the row starts.
    public var line: Int

    public init(id: String, phone: UInt64, name: String = "", timeZone: String, offsetMinutes: Int, persona: String = "",
                segment: String = "", source: String = "", consent: Bool? = nil, status: LeadStatus = .new, attempts: Int = 0, line: Int = 0) {
        self.id = id; self.phone = phone; self.name = name; self.timeZone = timeZone; self.offsetMinutes = offsetMinutes
        self.persona = persona; self.segment = segment; self.source = source; self.consent = consent
        self.status = status; self.attempts = attempts; self.line = line
    }
}

/// A strict RFC 4180 reader: comma-separated, fields optionally in double quotes, `""` for a quote inside,
/// line breaks inside quotes allowed, CRLF or LF between records.
public enum CSVReader {
    public struct Record: Sendable {
        public var fields: [String]
        /// Line where the record starts (1-based).
        public var line: Int
    }

    /// Calls `body` with each record, or with the problem that made a record unreadable (the reader then
    /// resumes at the next line).
    public static func read(_ text: String, _ body: (Result<Record, Diagnostic>) -> Void, file: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var index = 0
        var line = 1
        let count = bytes.count
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        while index < count {
            let startLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var problem: String?
            var endOfRecord = false
            var fieldStart = true
            var quoted = false
            while index < count, !endOfRecord {
                let byte = bytes[index]
                if quoted {
                    if byte == quote {
                        if index + 1 < count, bytes[index + 1] == quote { field.append(quote); index += 2; continue }
                        quoted = false
                        index += 1
                        // After a closing quote only a comma or the end of the record may follow.
                        if index < count, bytes[index] != comma, bytes[index] != cr, bytes[index] != lf {
                            problem = "unexpected character after a closing quote in field \(fields.count + 1)"
                        }
                        continue
                    }
                    if byte == lf { line += 1 }
                    field.append(byte)
                    index += 1
                    continue
                }
                switch byte {
                case quote where fieldStart:
                    quoted = true
                    fieldStart = false
                    index += 1
                case quote:
                    problem = problem ?? "a quote inside an unquoted field \(fields.count + 1) (quote the whole field and double the quote)"
                    field.append(byte)
                    index += 1
                case comma:
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    fieldStart = true
                    index += 1
                case cr where index + 1 < count && bytes[index + 1] == lf:
                    index += 2; line += 1; endOfRecord = true
                case lf, cr:
                    index += 1; line += 1; endOfRecord = true
                default:
                    fieldStart = false
                    field.append(byte)
                    index += 1
                }
            }
            if quoted { problem = "a quoted field is never closed (it starts on line \(startLine))" }
            fields.append(String(decoding: field, as: UTF8.self))
            if fields.count == 1, fields[0].isEmpty { continue }  // blank line
            if let problem {
                body(.failure(Diagnostic(file: file, line: startLine, message: problem)))
            } else {
                body(.success(Record(fields: fields, line: startLine)))
            }
        }
    }
}

/// Reads lead lists: a header row naming the columns, then one lead a row.
public enum LeadListParser {
    public static let columns = ["id", "phone", "name", "timezone", "persona", "segment", "source", "consent", "status", "attempts"]
    static let required = ["id", "phone", "timezone"]

    public struct Parsed: Sendable {
        public var leads: [Lead]
        /// One per bad row (and header problems); in lenient mode these rows are left out.
        public var problems: [Diagnostic]
    }

    /// Strict refuses a list with any bad row; lenient keeps the good rows and returns the bad ones as warnings.
    public enum Policy: Sendable { case strict, lenient }

    public static func load(csv: String, file: String, policy: Policy, zoneOffset: (String) -> Int?) -> Result<Parsed, DiagnosticList> {
        var parsed = parse(csv: csv, file: file, zoneOffset: zoneOffset)
        if policy == .strict, !parsed.problems.isEmpty { return .failure(DiagnosticList(parsed.problems)) }
        parsed.problems = parsed.problems.map { var d = $0; d.severity = .warning; return d }
        if parsed.leads.isEmpty {
            return .failure(DiagnosticList(parsed.problems.map { var d = $0; d.severity = .error; return d }
                + [Diagnostic(file: file, line: 1, message: "no usable leads")]))
        }
        return .success(parsed)
    }

    public static func parse(csv: String, file: String, zoneOffset: (String) -> Int?) -> Parsed {
        var leads: [Lead] = []
        var problems: [Diagnostic] = []
        var header: [String: Int]?
        var headerWidth = 0
        var seenIDs: Set<String> = []
        var zoneCache: [String: Int?] = [:]
        var columnIndex: [Int?] = []
        var lastZone: (name: String, offset: Int?) = ("", nil)
        CSVReader.read(csv, { result in
            let record: CSVReader.Record
            switch result {
            case .failure(let problem): problems.append(problem); return
            case .success(let value): record = value
            }
            guard let columnsByName = header else {
                var map: [String: Int] = [:]
                for (index, raw) in record.fields.enumerated() {
                    let name = raw.trimmingSpaces.lowercased()
                    let canonical = name == "time zone" || name == "time_zone" || name == "tz" ? "timezone" : name
                    guard columns.contains(canonical) else {
                        let hint = closestMatch(canonical, in: columns).map { "; did you mean '\($0)'?" } ?? ""
                        problems.append(Diagnostic(file: file, line: record.line, message: "unknown column '\(raw)'\(hint)"))
                        continue
                    }
                    map[canonical] = index
                }
                for name in required where map[name] == nil {
                    problems.append(Diagnostic(file: file, line: record.line, message: "the header has no '\(name)' column"))
                }
                header = map
                headerWidth = record.fields.count
                return
            }
            guard required.allSatisfy({ columnsByName[$0] != nil }) else { return }
            guard record.fields.count == headerWidth else {
                problems.append(Diagnostic(file: file, line: record.line,
                                           message: "expected \(headerWidth) fields as in the header, found \(record.fields.count)"))
                return
            }
            if columnIndex.isEmpty { columnIndex = columns.map { columnsByName[$0] } }
            func field(_ name: String) -> String {
                guard let position = columns.firstIndex(of: name), let column = columnIndex[position] else { return "" }
                return record.fields[column].trimmingSpaces
            }
            var rowProblems: [String] = []
            let id = field("id")
            if id.isEmpty { rowProblems.append("the id is empty") } else if seenIDs.contains(id) { rowProblems.append("duplicate id '\(id)'") }
            var phone: UInt64 = 0
            switch PhoneNumber.parse(field("phone")) {
            case .success(let number): phone = number
            case .failure(let problem): rowProblems.append(problem.message)
            }
            let zone = field("timezone")
            let offset: Int?
            if zone == lastZone.name, !zone.isEmpty { offset = lastZone.offset }
            else if let cached = zoneCache[zone] { offset = cached } else { offset = zoneOffset(zone); zoneCache[zone] = offset }
            lastZone = (zone, offset)
            if offset == nil {
                rowProblems.append(zone.isEmpty ? "the time zone is empty" : "unknown time zone '\(zone)' (use an IANA name such as Asia/Taipei)")
            }
            var consent: Bool?
            switch field("consent").lowercased() {
            case "": consent = nil
            case "y", "yes", "true", "1", "是", "同意": consent = true
            case "n", "no", "false", "0", "否", "不同意": consent = false
            default: rowProblems.append("consent must be yes or no, found '\(field("consent"))'")
            }
            var status = LeadStatus.new
            let statusText = field("status").uppercased()
            if !statusText.isEmpty {
                if let parsed = LeadStatus(rawValue: statusText) { status = parsed } else {
                    rowProblems.append("unknown status '\(field("status"))' (use \(LeadStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
            }
            var attempts = 0
            let attemptsText = field("attempts")
            if !attemptsText.isEmpty {
                if let value = Int(attemptsText), value >= 0 { attempts = value } else {
                    rowProblems.append("attempts must be a whole number of 0 or more, found '\(attemptsText)'")
                }
            }
            if !rowProblems.isEmpty {
                problems.append(Diagnostic(file: file, line: record.line, message: rowProblems.joined(separator: "; ")))
                return
            }
            seenIDs.insert(id)
            leads.append(Lead(id: id, phone: phone, name: field("name"), timeZone: zone, offsetMinutes: offset ?? 0,
                              persona: field("persona"), segment: field("segment"), source: field("source"), consent: consent,
                              status: status, attempts: attempts, line: record.line))
        }, file: file)
        if header == nil { problems.append(Diagnostic(file: file, line: 1, message: "the lead list is empty (it needs a header row)")) }
        return Parsed(leads: leads, problems: problems)
    }
}

/// A do-not-call list: one number a line; blank lines and `#` comments are ignored.
public enum DoNotCallList {
    public static func parse(_ text: String, file: String) -> (numbers: Set<UInt64>, problems: [Diagnostic]) {
        var numbers: Set<UInt64> = []
        var problems: [Diagnostic] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let entry = line.trimmingSpaces
            if entry.isEmpty { continue }
            switch PhoneNumber.parse(entry) {
            case .success(let number): numbers.insert(number)
            case .failure(let problem): problems.append(Diagnostic(file: file, line: lineNumber, message: problem.message))
            }
        }
        return (numbers, problems)
    }
}
