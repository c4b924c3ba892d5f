/// Every indicator of the catalog (docs/indicators.md), in catalog order.
public enum IndicatorCatalog {
    public static let all: [any Indicator] = [
        IdentifyIndicator(), PurposeIndicator(), PermissionIndicator(), HonorDNCIndicator(),
        NoMisrepresentationIndicator(), PrivacyIndicator(), CoolingOffIndicator(), RecordingIndicator(),
        AcknowledgeIndicator(), ParaphraseIndicator(), OpenQuestionIndicator(), AnswerQuestionIndicator(),
        UseNameIndicator(), EmpathyIndicator(),
        BenefitIndicator(), ObjectionIndicator(), AskIndicator(), ConfirmIndicator(), PaymentIndicator(),
        DeliveryIndicator(), ContactIndicator(), CourtesyIndicator(),
        ComplaintPositiveIndicator(), ComplaintKeyPointsIndicator(), ComplaintResolveIndicator(),
        ComplaintEscalateIndicator(), ComplaintRecordIndicator(),
        RecordsUpdateIndicator(),
    ]

    public static let ids: [String] = all.map(\.id)

    static let categoryIndices: [Int] = all.map { indicator in
        IndicatorCategory.allCases.firstIndex(of: indicator.category) ?? 0
    }

    public static func indicator(_ id: String) -> (any Indicator)? { all.first { $0.id == id } }
}
