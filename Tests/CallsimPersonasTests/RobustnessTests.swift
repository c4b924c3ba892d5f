import CallsimCore
import Foundation
import Testing
@testable import CallsimPersonas

@Suite struct RobustnessTests {
    /// Truncated and garbled copies of a real scenario load or fail with located errors; none crashes.
    @Test func truncatedAndGarbledFilesNeverCrash() throws {
        let url = Paths.personas.appendingPathComponent("tw-telecom-friendly.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        var generator = SeededGenerator(seed: 2026)
        var variants: [String] = []
        for cut in stride(from: 0, to: scalars.count, by: max(1, scalars.count / 60)) {
            variants.append(String(String.UnicodeScalarView(scalars[..<cut])))
        }
        let junk: [Unicode.Scalar] = [":", "-", "[", "{", "}", "]", "\"", "'", "\t", "\n", " ", "&", "*", "!", "|", ">", "#", "%", "@", "`", "喂"]
        for _ in 0..<60 {
            var garbled = scalars
            for _ in 0..<(1 + Int(generator.next() % 6)) {
                let position = Int(generator.next() % UInt64(garbled.count))
                switch generator.next() % 3 {
                case 0: garbled[position] = junk[Int(generator.next() % UInt64(junk.count))]
                case 1: garbled.remove(at: position)
                default: garbled.insert(junk[Int(generator.next() % UInt64(junk.count))], at: position)
                }
            }
            variants.append(String(String.UnicodeScalarView(garbled)))
        }
        var failed = 0
        for variant in variants {
            let (scenario, found) = ScenarioLoader.check(yaml: variant, file: "f.yaml")
            let errors = found.filter { $0.severity == .error }
            #expect((scenario == nil) == !errors.isEmpty)
            for error in errors {
                #expect((error.line ?? 0) >= 1 && (error.column ?? 0) >= 1, "\(error)")
            }
            if let scenario {
                // Whatever still loads still plays.
                var engine = try PersonaEngine(scenario: scenario, seed: 1)
                _ = engine.start()
                _ = engine.agentSays("您好，請問方便嗎？")
                _ = engine.silence(seconds: 20)
            } else {
                failed += 1
            }
        }
        #expect(failed > 10)
    }

    /// A scenario with 200 intents of 20 examples each answers a turn in well under a millisecond (release).
    @Test func manyIntentsLoadAndPlay() throws {
        var yaml = minimalScenario + "\nintents:\n"
        let words = Array("天地玄黃宇宙洪荒日月盈昃辰宿列張寒來暑往秋收冬藏閏餘成歲律呂調陽雲騰致雨露結為霜金生麗水玉出崑岡")
        var generator = SeededGenerator(seed: 7)
        for intent in 0..<200 {
            yaml += "  - id: intent\(intent)\n    keywords: [kw\(intent)a, kw\(intent)b]\n    examples:\n"
            for _ in 0..<20 {
                let phrase = String((0..<12).map { _ in words[Int(generator.next() % UInt64(words.count))] })
                yaml += "      - \(phrase)\n"
            }
        }
        let scenario = try ScenarioLoader.load(yaml: yaml, file: "big.yaml")
        #expect(scenario.intents.count > 200)
        let line = "您好，我是遠星電信的王小明，天地玄黃宇宙洪荒，請問現在方便耽誤您三分鐘嗎？kw17a"
        #expect(scenario.intents(matching: line).contains("intent17"))
        // Speed is measured by Scripts/bench-engine.sh (release build), not here: the big
        // scenario must load and play a turn on every seed.
        for seed in 0..<20 {
            var engine = try PersonaEngine(scenario: scenario, seed: UInt64(seed))
            _ = engine.start()
            let step = engine.agentSays(line)
            #expect(!step.lines.isEmpty || step.ending != nil)
        }
    }

    @Test func normalisationFoldsWidthCaseAndPronouns() throws {
        #expect(MatchText.tokens("ＨＥＬＬＯ，您好") == ["hello", "你", "好"])
        #expect(MatchText.tokens("臺灣　500M!") == ["台", "灣", "500m"])
        #expect(MatchText.tokens("七天內") == ["7", "天", "內"])
        let scenario = try ScenarioLoader.load(yaml: minimalScenario, file: "t.yaml")
        #expect(scenario.intents(matching: "IS THIS A GOOD TIME？").contains("permission"))
        #expect(scenario.intents(matching: "Mrs Lin, hello").contains("uses_name"))
    }

    @Test func keywordPiecesPrefixesAndVetoes() throws {
        let yaml = minimalScenario + """

        intents:
          - id: both
            keywords: [平常+嗎]
          - id: refund
            keywords: [refund*]
            unless: [no refund]
          - id: phrase
            examples: [請問您家裡平常上網都做些什麼]
        """
        let scenario = try ScenarioLoader.load(yaml: yaml, file: "t.yaml")
        #expect(scenario.intents(matching: "您平常會看影片嗎").contains("both"))
        #expect(!scenario.intents(matching: "您平常會看影片").contains("both"))
        #expect(scenario.intents(matching: "we refunded it").contains("refund"))
        #expect(!scenario.intents(matching: "sorry, no refund possible").contains("refund"))
        #expect(scenario.intents(matching: "林太太，您家裡平常上網都做什麼呢？").contains("phrase"))
        #expect(!scenario.intents(matching: "您今天有空嗎").contains("phrase"))
        #expect(!scenario.intents(matching: "現在不方便").contains("permission"))
    }
}
