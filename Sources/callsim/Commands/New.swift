import ArgumentParser
import CallsimCore
import CallsimPersonas
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new scenario file from a template.",
        discussion: """
        The file is complete and commented: a persona, a campaign, a call script, beats,
        endings, a drill and golden tests that reach every ending. It passes `callsim lint`
        and `callsim test` as written; change the words and keep the tests passing.
        An existing file is never overwritten.
        """
    )

    @Argument(help: "Scenario id: lower-case letters, digits and '-' (the file is ID.yaml).")
    var id: String

    @Option(help: "sales or complaint.")
    var template: String

    @Option(help: ArgumentHelp("Language of the call: zh-TW or en.", valueName: "LANG"))
    var lang: String = "zh-TW"

    @Option(help: ArgumentHelp("Folder to write to (default: the current folder).", valueName: "DIR"))
    var output: String = "."

    func run() throws {
        guard let kind = ScenarioTemplate(rawValue: template) else {
            throw ValidationError("--template must be sales or complaint, found '\(template)'")
        }
        guard lang == "zh-TW" || lang == "en", let language = Language(code: lang) else {
            throw ValidationError("--lang must be zh-TW or en, found '\(lang)'")
        }
        let text: String
        do {
            text = try kind.render(id: id, language: language)
        } catch {
            throw CLIError(error.description)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("\(output): no such folder")
        }
        let url = URL(fileURLWithPath: output).appendingPathComponent("\(id).yaml")
        let path = ScenarioCatalog.displayPath(url)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw CLIError("\(path) already exists; choose another id or remove the file first")
        }
        // Exclusive create: never replace a file that appeared meanwhile.
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw CLIError("\(path): cannot write the file")
        }
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        print("wrote \(path)")
        print("next: callsim lint \(path) && callsim test \(path)")
    }
}
