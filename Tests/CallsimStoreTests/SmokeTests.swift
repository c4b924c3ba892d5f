import Testing
import CallsimCore

@Test func seededGeneratorRepeats() {
    var a = SeededGenerator(seed: 42)
    var b = SeededGenerator(seed: 42)
    #expect((0..<8).map { _ in a.next() } == (0..<8).map { _ in b.next() })
}
