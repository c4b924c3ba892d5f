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
                 Self.endingSummary(entry.endings), entry.title]
            }
            print(TextTable.render([header] + rows), terminator: "")
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    /// The number of endings and their distinct kinds: `4 resolved,escalated,hangup`.
    static func endingSummary(_ endings: [Entry.EndingEntry]) -> String {
        var kinds: [String] = []
        for ending in endings where !kinds.contains(ending.kind) { kinds.append(ending.kind) }
        return "\(endings.count) \(kinds.joined(separator: ","))"
    }
}
