import CallsimCore

/// The built-in scenarios, as the picker and the call screen see them.
enum PracticeCatalog {
    static func scenarios() throws -> [any PracticeScenario] {
        []
    }
}
