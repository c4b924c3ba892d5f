import Testing
import CallsimCore

struct TranscriptParserTests {
    func diagnostics(_ bytes: [UInt8]) -> [Diagnostic] {
        do {
            _ = try TranscriptParser.parse(bytes, file: "call.txt")
            return []
        } catch {
            return error.diagnostics
        }
    }

    func diagnostics(_ text: String) -> [Diagnostic] { diagnostics(Array(text.utf8)) }

    @Test func readsHeadersTurnsAndContinuations() throws {
        let text = """
        # direction: outbound
        # Company：遠星電信
        # a comment without a key value
        C: 喂？

        A: 林太太您好，
        我是遠星電信的王小明。
        客戶：好。
        agent: Thanks.
        CUSTOMER: Bye.
        專員：再見。
        顧客: 掰。
        客服: 謝謝。
        """
        let transcript = try TranscriptParser.parse(text, file: "t.txt")
        #expect(transcript.direction == .outbound)
        #expect(transcript.header("company") == "遠星電信")
        #expect(transcript.turns.count == 8)
        #expect(transcript.turns[1].text == "林太太您好， 我是遠星電信的王小明。")
        #expect(transcript.turns.map(\.line) == [4, 6, 8, 9, 10, 11, 12, 13])
        #expect(transcript.turns.map(\.speaker) == [.customer, .agent, .customer, .agent, .customer, .agent, .customer, .agent])
    }

    @Test func acceptsCRLFAndByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# lang: en\r\nC: Hello?\r\nA: Hi.\r\n".utf8)
        let transcript = try TranscriptParser.parse(bytes, file: "t.txt")
        #expect(transcript.language == .en)
        #expect(transcript.turns.map(\.text) == ["Hello?", "Hi."])
    }

    @Test func colonsInsideWordsContinueTheTurn() throws {
        let transcript = try TranscriptParser.parse("A: The slot is\n10:30 on Monday, see https://example.com\nC: ok", file: "t.txt")
        #expect(transcript.turns.count == 2)
    }

    @Test func emptyFile() {
        let found = diagnostics([])
        #expect(found.count == 1)
        #expect(found.first?.line == 1)
        #expect(found.first?.message.contains("empty file") == true)
        #expect(diagnostics("\n\n  \n").first?.message.contains("empty file") == true)
    }

    @Test func noTurns() {
        let found = diagnostics("# direction: outbound\n# lang: zh-TW\n")
        #expect(found.first?.message.contains("no turns") == true)
        #expect(found.first?.line == 2)
        #expect(found.first?.description == "call.txt:2: error: no turns (expected lines such as 'A: ...' and 'C: ...')")
    }

    @Test func unknownSpeakerTag() {
        let found = diagnostics("C: 喂？\nB: 你好\nA: 您好")
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
        #expect(found.first?.message.contains("unknown speaker tag 'B'") == true)
    }

    @Test func textBeforeTheFirstTurn() {
        let found = diagnostics("hello there\nC: 喂？")
        #expect(found.first?.line == 1)
        #expect(found.first?.message.contains("no speaker tag") == true)
    }

    @Test func headerAfterFirstTurn() {
        let found = diagnostics("C: 喂？\n# direction: inbound\nA: 您好")
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
        #expect(found.first?.message.contains("header line after the first turn") == true)
    }

    @Test func invalidUTF8ReportsTheLine() {
        let bytes = Array("C: 喂？\nA: 您好\n".utf8) + [0x41, 0x3A, 0x20, 0xC3, 0x28] + Array("\nC: ok\n".utf8)
        let found = diagnostics(bytes)
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("invalid UTF-8") == true)
    }

    @Test func binaryFile() {
        let bytes = Array("C: hi\nA: x".utf8) + [0, 1, 2, 0xFF]
        let found = diagnostics(bytes)
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
        #expect(found.first?.message.contains("binary file") == true)
    }

    @Test func tenMegabyteLineIsRefusedQuickly() {
        var bytes = Array("C: 喂？\nA: ".utf8)
        bytes += [UInt8](repeating: 0x61, count: 10 << 20)
        bytes += Array("\nC: ok\n".utf8)
        let clock = ContinuousClock()
        var found: [Diagnostic] = []
        let elapsed = clock.measure { found = diagnostics(bytes) }
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
        #expect(found.first?.message.contains("line too long") == true)
        #expect(elapsed < .seconds(5))
    }

    @Test func longLineUnderTheLimitIsParsed() throws {
        let words = String(repeating: "好", count: 200_000)
        let transcript = try TranscriptParser.parse("C: " + words + "\nA: ok", file: "t.txt")
        #expect(transcript.turns[0].text.count == 200_000)
    }

    @Test func reportsSeveralProblemsAtOnce() {
        let found = diagnostics("C: hi\nX: a\nY: b\n# late: header")
        #expect(found.map(\.line) == [2, 3, 4])
    }
}

struct TextNormalizerTests {
    @Test func foldsWidthCaseAndPunctuation() {
        #expect(TextNormalizer.normalize("ＡＢＣ　１２３，ｘ？") == "abc 123,x?")
        #expect(TextNormalizer.normalize("「好」。") == "\"好\".")
        #expect(TextNormalizer.normalize("It’s — OK") == "it's - ok")
        #expect(TextNormalizer.normalize("①②") == "12")
    }

    @Test func foldsPronounAndCharacterVariants() {
        #expect(TextNormalizer.normalize("您妳你") == "你你你")
        #expect(TextNormalizer.normalize("瞭解臺北") == "了解台北")
    }

    @Test func foldsChineseNumeralsBeforeUnits() {
        #expect(TextNormalizer.normalize("七天內") == "7天內")
        #expect(TextNormalizer.normalize("二十四個月") == "24個月")
        #expect(TextNormalizer.normalize("百分之二十四") == "24%")
        #expect(TextNormalizer.normalize("一千零五元") == "1005元")
        #expect(TextNormalizer.normalize("等一下") == "等一下")
        #expect(TextNormalizer.normalize("三四十G") == "三四十g")
    }
}
