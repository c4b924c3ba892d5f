import Testing
import CallsimCore
@testable import CallsimScoring

/// Every indicator's own examples, as SwiftLint runs its rules' examples.
struct IndicatorExampleTests {
    static let cases: [(String, Int)] = IndicatorCatalog.all.flatMap { indicator in
        indicator.examples.indices.map { (indicator.id, $0) }
    }

    @Test(arguments: IndicatorCatalog.ids)
    func examplesGiveTheirStatus(id: String) throws {
        let indicator = try #require(IndicatorCatalog.indicator(id))
        #expect(indicator.examples.count >= 4)
        for example in indicator.examples {
            let transcript = try TranscriptParser.parse(example.transcript, file: "\(id)-example")
            let card = Scorer().score(transcript, context: example.context)
            let status = card.result(id)?.status
            #expect(status == example.expected, "\(id): expected \(example.expected) for:\n\(example.transcript)")
        }
    }

    @Test(arguments: IndicatorCatalog.ids)
    func examplesCoverBothLanguages(id: String) throws {
        let indicator = try #require(IndicatorCatalog.indicator(id))
        let languages = Set(indicator.examples.map { example in
            example.transcript.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } ? Language.zhTW : Language.en
        })
        #expect(languages == [.zhTW, .en])
        let statuses = Set(indicator.examples.map(\.expected))
        #expect(statuses.contains(.hit))
        #expect(statuses.contains(.missed) || statuses.contains(.violated))
        #expect(indicator.modelLine(in: .zhTW).unicodeScalars.contains { $0.value >= 0x4E00 })
        #expect(!indicator.modelLine(in: .en).isEmpty)
        #expect(!indicator.codes.isEmpty)
    }

    @Test func catalogMatchesTheDocumentedIds() {
        #expect(IndicatorCatalog.ids == [
            "compliance.identify", "compliance.purpose", "compliance.permission", "compliance.honor_dnc",
            "compliance.no_misrepresentation", "compliance.privacy", "compliance.cooling_off", "compliance.recording",
            "listening.acknowledge", "listening.paraphrase", "listening.open_question", "listening.answer_question",
            "listening.use_name", "listening.empathy",
            "closing.benefit", "closing.objection", "closing.ask", "closing.confirm", "closing.payment", "closing.delivery",
            "closing.contact", "closing.courtesy",
            "complaint.positive", "complaint.key_points", "complaint.resolve", "complaint.escalate", "complaint.record",
            "records.update",
        ])
        let critical = IndicatorCatalog.all.filter(\.critical).map(\.id)
        #expect(critical == ["compliance.honor_dnc", "compliance.no_misrepresentation", "compliance.privacy"])
    }
}
