/// The KPS5294-001v3 codes each indicator evidences, kept in one place.
public enum CompetencyCodes {
    public static let byIndicator: [String: [String]] = [
        "compliance.identify": ["P2.2.1", "K08"],
        "compliance.purpose": ["P2.2.1", "K08"],
        "compliance.permission": ["P2.2.1", "K08"],
        "compliance.honor_dnc": ["P2.2.1", "K08"],
        "compliance.no_misrepresentation": ["P2.1.5", "P3.1.1", "K02", "K13"],
        "compliance.privacy": ["P2.4.3", "K08", "K13"],
        "compliance.cooling_off": ["P2.1.5", "K02", "K08"],
        "compliance.recording": ["P2.2.1", "K08", "K13"],
        "listening.acknowledge": ["P2.2.2", "S01", "A01"],
        "listening.paraphrase": ["P2.2.2", "S01"],
        "listening.open_question": ["P2.2.2", "S02"],
        "listening.answer_question": ["P2.2.4", "S01"],
        "listening.use_name": ["P2.2.2", "S02", "A01"],
        "listening.empathy": ["P2.2.2", "A01"],
        "closing.benefit": ["P2.2.3", "S06"],
        "closing.objection": ["P2.2.3", "S07", "S08"],
        "closing.ask": ["P2.4.1", "S08"],
        "closing.confirm": ["P2.4.2", "S08"],
        "closing.payment": ["P2.4.1", "S08"],
        "closing.delivery": ["P2.4.2", "S07"],
        "closing.contact": ["P2.2.3", "S06"],
        "closing.courtesy": ["P3.2.1", "S06"],
        "complaint.positive": ["P2.3.1", "K12", "S12"],
        "complaint.key_points": ["P2.3.2", "K12", "S12"],
        "complaint.resolve": ["P2.3.3", "K12", "S12"],
        "complaint.escalate": ["P2.3.4", "K12"],
        "complaint.record": ["P2.3.5", "K12"],
        "records.update": ["P2.5.3", "P2.5.1"],
    ]

    public static func of(_ id: String) -> [String] { byIndicator[id] ?? [] }
}
