import CallsimCore

/// The scorer the authoring tools use by default.
public enum ScenarioScorer {
    public static let shared: (any ScenarioScoring)? = nil
}
