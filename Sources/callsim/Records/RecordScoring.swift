import CallsimCore
import CallsimStore
import Foundation

/// Scores a stored call with the product's scorer and turns the scorecard into the stored form.
enum RecordScoring {
    static func score(_ detail: SessionDetail) throws -> ScoreSummary {
        throw CLIError("scoring is not available in this build")
    }
}
