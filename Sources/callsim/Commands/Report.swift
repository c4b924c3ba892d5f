import ArgumentParser
import CallsimCore
import CallsimStore
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Progress reports: score trend, category and indicator hit rates, evidence per code of the standard, weakest areas.",
        discussion: """
            Without --trainee: the class view (all trainees side by side) and each trainee's weakest areas.
            --html writes one self-contained file with charts (offline, printable); --csv writes trainees.csv,
            indicators.csv, codes.csv and trend.csv into a folder; --json prints the whole report.
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "Only this trainee.")
    var trainee: String?

    @Option(help: "Only calls started on or after this day (yyyy-MM-dd, UTC).")
    var since: String?

    @Option(help: ArgumentHelp("Write the report as one HTML file with charts.", valueName: "FILE"))
    var html: String?

    @Option(help: ArgumentHelp("Write CSV files into this folder (created when missing).", valueName: "DIR"))
    var csv: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Folder of scenario files for practice suggestions (default: the built-in Personas/).", valueName: "DIR"))
    var personas: String?

    @Option(help: "Language of the text report (zh-TW or en); the HTML report carries both.")
    var lang: String?

    func run() throws {
        var sinceDate: Date?
        if let since {
            guard let date = RecordDates.parse(since) else { throw ValidationError("--since: not a date: \(since) (use yyyy-MM-dd)") }
            sinceDate = date
        }
        let store = try database.openForReading()
        if let trainee, try !storeAction({ try store.trainees() }).contains(trainee) {
            throw CLIError("no trainee named \(trainee) (known: \(try storeAction { try store.trainees() }.joined(separator: ", ")))")
        }
        let report = try storeAction {
            try store.report(trainee: trainee, since: sinceDate, scenarios: ScenarioRubrics.available(personas: personas))
        }
        if let html {
            try ReportFiles.write(HTMLReport.render(report, focus: trainee), to: html)
        }
        if let csv {
            try ReportFiles.writeCSV(report, folder: csv)
        }
        if json {
            StandardOutput.write(String(decoding: try RecordDates.jsonEncoder.encode(report), as: UTF8.self) + "\n")
        } else if html == nil && csv == nil {
            StandardOutput.write(TextReport.render(report, focus: trainee, language: UILanguage.resolve(option: lang.flatMap(Language.init(code:)))))
        }
    }
}
