import CallsimCore
import Foundation
@testable import CallsimPersonas

enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let personas = root.appendingPathComponent("Personas")
    static let readme = personas.appendingPathComponent("README.md")

    static func scenarioFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: personas.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { personas.appendingPathComponent($0) }
    }
}

func loadBuiltin(_ id: String) throws -> Scenario {
    let url = Paths.personas.appendingPathComponent("\(id).yaml")
    let text = try String(contentsOf: url, encoding: .utf8)
    return try ScenarioLoader.load(yaml: text, file: url.lastPathComponent)
}

/// Diagnostics for a YAML text (empty when it loads cleanly).
func diagnostics(_ yaml: String) -> [Diagnostic] {
    ScenarioLoader.check(yaml: yaml, file: "t.yaml").1
}

/// A small but complete scenario, as YAML lines, for tests to vary.
let minimalScenario = """
id: mini
title: Mini
lang: en
kind: sales
direction: outbound
persona:
  name: Mary Lin
  address: Mrs Lin
  temperament: friendly
campaign:
  company: Farstar
beats:
  - id: answer
    say: Hello?
    next: [agree]
  - id: agree
    on: permission
    say: Sure, go ahead.
endings:
  - id: bye
    kind: hangup
    say: Bye.
"""
