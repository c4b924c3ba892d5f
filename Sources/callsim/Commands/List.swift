import ArgumentParser
import CallsimCore
import CallsimPersonas
import Foundation

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the scenarios: id, title, language, kind, persona, beats and endings.",
        discussion: "Reads Personas/ (or --personas DIR, or $CALLSIM_PERSONAS). Files that do not load are reported on stderr."
    )

    @Flag(help: "Print one JSON array.")
    var json = false

    @Option(help: ArgumentHelp("Folder of scenario files.", valueName: "DIR"))
    var personas: String?

    struct Entry: Codable {
        var id: String
        var title: String
        var lang: String
        var kind: String
        var direction: String
        var temperament: String
        var customer: String
        var beats: Int
        var endings: [EndingEntry]
        var drills: [String]
        var tests: Int
        var translationOf: String?
        var file: String

        struct EndingEntry: Codable {
            var id: String
            var kind: String
        }

        enum CodingKeys: String, CodingKey {
            case id, title, lang, kind, direction, temperament, customer, beats, endings, drills, tests, file
            case translationOf = "translation_of"
        }
    }

    func run() throws {
        let catalog = try ScenarioCatalog(override: personas)
        let (scenarios, diagnostics) = try catalog.loadAll()
        for diagnostic in diagnostics { Console.error(diagnostic.description) }
        let entries = scenarios.map { scenario in
            Entry(
                id: scenario.id, title: scenario.title, lang: scenario.language.rawValue, kind: scenario.kind.rawValue,
                direction: scenario.direction.rawValue, temperament: scenario.persona.temperament.rawValue,
                customer: scenario.persona.address, beats: scenario.beats.count,
                endings: scenario.endings.map { .init(id: $0.id, kind: $0.kind.rawValue) },
                drills: scenario.drills.map(\.id), tests: scenario.tests.count, translationOf: scenario.translationOf,
                file: scenario.file
            )
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
        } else if entries.isEmpty {
            print("No scenarios in \(catalog.directory.path).")
        } else {
            let header = ["ID", "LANG", "KIND", "PERSONA", "BEATS", "ENDINGS", "TITLE"]
            let rows = entries.map { entry in
                [entry.id, entry.lang, "\(entry.kind)/\(entry.direction)", entry.temperament, "\(entry.beats)",
                 entry.endings.map(\.kind).joined(separator: ","), entry.title]
            }
            print(TextTable.render([header] + rows))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}

/// Columns aligned by display width (a Chinese character takes two cells).
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - displayWidth(cell) + 2)
            }.joined()
        }.joined(separator: "\n")
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let value = scalar.value
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
            let zero = (0x0300...0x036F).contains(value) || value == 0x200B
            return total + (zero ? 0 : wide ? 2 : 1)
        }
    }
}
