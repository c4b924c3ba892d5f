import CallsimCore

/// A scenario's beats, triggers and endings as a graph in Graphviz DOT or Mermaid.
/// Beats are boxes (id and the start of their first line), `anytime` beats are dashed and
/// grouped, endings are ovals filled by kind, thresholds are diamonds; an edge into a beat
/// is labelled with what triggers that beat (intents and conditions).
public struct GraphExport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case dot, mermaid
    }

    public var scenario: Scenario
    /// Characters of a beat's first line shown in its node.
    public var lineLength = 18

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    struct Node {
        enum Kind { case beat, anytime, ending, threshold, silence, list }
        var id: String
        var label: [String]
        var kind: Kind
    }

    struct Edge {
        var from: String
        var to: String
        var label: String
        var dashed: Bool
    }

    public func render(_ format: Format) -> String {
        let (nodes, edges) = build()
        switch format {
        case .dot: return dot(nodes, edges)
        case .mermaid: return mermaid(nodes, edges)
        }
    }

    private func shortLine(_ beat: Beat) -> String {
        var text = beat.lines.first?.text ?? ""
        if text.isEmpty, let raised = beat.raises { text = "(objection \(raised))" }
        if text.isEmpty, let end = beat.end { text = "(ends: \(end))" }
        if text.count > lineLength { text = String(text.prefix(lineLength)) + "…" }
        return text
    }

    private func triggerLabel(_ beat: Beat) -> String {
        var parts: [String] = []
        switch beat.trigger {
        case .otherwise: parts.append("otherwise")
        case .intents(let ids): parts.append(ids.joined(separator: " | "))
        }
        if !beat.conditions.isEmpty { parts.append("if " + beat.conditions.map(\.text).joined(separator: ", ")) }
        if beat.once { parts.append("once") }
        return parts.joined(separator: "\n")
    }

    private func build() -> ([Node], [Edge]) {
        var nodes: [Node] = []
        var edges: [Edge] = []
        for (index, beat) in scenario.beats.enumerated() {
            var label = [beat.id]
            let line = shortLine(beat)
            if !line.isEmpty { label.append(line) }
            if index == 0 { label.append(scenario.direction == .outbound ? "(answers the call)" : "(opens the call)") }
            if beat.next == nil, beat.end == nil, index > 0 { label.append("↺ keeps current beats") }
            nodes.append(Node(id: "beat_\(beat.id)", label: label, kind: beat.anytime ? .anytime : .beat))
        }
        for ending in scenario.endings {
            nodes.append(Node(id: "end_\(ending.id)", label: [ending.id, "(\(ending.kind.rawValue))"], kind: .ending))
        }
        // A `next` list several beats share (a YAML anchor, usually) is drawn once, as a junction.
        var users: [[String]: [String]] = [:]
        for beat in scenario.beats { if let next = beat.next, next.count > 1 { users[next, default: []].append(beat.id) } }
        var junctions: [[String]: String] = [:]
        for beat in scenario.beats {
            guard let next = beat.next, (users[next]?.count ?? 0) > 1, junctions[next] == nil else { continue }
            let id = "list_\(junctions.count + 1)"
            junctions[next] = id
            nodes.append(Node(id: id, label: [], kind: .list))
            for target in next {
                guard let beat = scenario.beat(target) else { continue }
                edges.append(Edge(from: id, to: "beat_\(target)", label: triggerLabel(beat), dashed: false))
            }
        }
        for beat in scenario.beats {
            if let next = beat.next, let junction = junctions[next] {
                edges.append(Edge(from: "beat_\(beat.id)", to: junction, label: "", dashed: false))
            } else {
                for target in beat.next ?? [] {
                    guard let next = scenario.beat(target) else { continue }
                    edges.append(Edge(from: "beat_\(beat.id)", to: "beat_\(target)", label: triggerLabel(next), dashed: false))
                }
            }
            if let end = beat.end { edges.append(Edge(from: "beat_\(beat.id)", to: "end_\(end)", label: "end", dashed: false)) }
            if let outcome = beat.outcome {
                edges.append(Edge(from: "beat_\(beat.id)", to: "end_\(outcome)", label: "outcome (when the call ends)", dashed: true))
            }
        }
        // The first beat's way in for drills, and the triggers of anytime beats.
        for drill in scenario.drills {
            nodes.append(Node(id: "drill_\(drill.id)", label: ["drill \(drill.id)"], kind: .silence))
            edges.append(Edge(from: "drill_\(drill.id)", to: "beat_\(drill.from)", label: "--from", dashed: true))
        }
        for beat in scenario.beats where beat.anytime {
            nodes.append(Node(id: "any_\(beat.id)", label: ["any turn"], kind: .silence))
            edges.append(Edge(from: "any_\(beat.id)", to: "beat_\(beat.id)", label: triggerLabel(beat), dashed: true))
        }
        for (index, threshold) in scenario.thresholds.enumerated() {
            let id = "threshold_\(index + 1)"
            nodes.append(Node(id: id, label: [threshold.conditions.map(\.text).joined(separator: ", ")], kind: .threshold))
            edges.append(Edge(from: id, to: "end_\(threshold.end)", label: "after any turn", dashed: true))
        }
        let firstHangup = scenario.endings.first { $0.kind == .hangup }?.id
        if let end = scenario.fallback.ending ?? firstHangup {
            nodes.append(Node(id: "fallback", label: ["\(scenario.fallback.hangupAfter) unmatched lines"], kind: .silence))
            edges.append(Edge(from: "fallback", to: "end_\(end)", label: "fallback", dashed: true))
        }
        if let end = scenario.persona.deadAir.ending ?? firstHangup {
            nodes.append(Node(id: "dead_air", label: ["\(scenario.persona.deadAir.hangupAfter) silences"], kind: .silence))
            edges.append(Edge(from: "dead_air", to: "end_\(end)", label: "dead air", dashed: true))
        }
        return (nodes, edges)
    }

    // MARK: - DOT

    private func dotString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    private func dot(_ nodes: [Node], _ edges: [Edge]) -> String {
        var out = ["digraph \(dotString(scenario.id)) {"]
        out.append("  label=\(dotString("\(scenario.id): \(scenario.title)")); labelloc=t; rankdir=TB;")
        out.append("  node [fontname=\"Noto Sans CJK TC,Helvetica\", fontsize=11];")
        out.append("  edge [fontname=\"Noto Sans CJK TC,Helvetica\", fontsize=9, color=gray35];")
        func attributes(_ node: Node) -> String {
            let label = dotString(node.label.joined(separator: "\n"))
            switch node.kind {
            case .beat: return "shape=box, style=\"rounded\", label=\(label)"
            case .anytime: return "shape=box, style=\"rounded,dashed\", color=darkorange, label=\(label)"
            case .ending:
                let kind = scenario.ending(String(node.id.dropFirst(4)))?.kind
                let fill = kind == .sale || kind == .resolved ? "palegreen" : kind == .hangup || kind == .dnc ? "mistyrose" : "lightyellow"
                return "shape=doubleoctagon, style=filled, fillcolor=\(fill), label=\(label)"
            case .threshold: return "shape=diamond, style=filled, fillcolor=lightblue, label=\(label)"
            case .silence: return "shape=note, color=gray50, fontcolor=gray30, label=\(label)"
            case .list: return "shape=point, width=0.12, color=gray35, label=\"\""
            }
        }
        let anytime = nodes.filter { $0.kind == .anytime }
        for node in nodes where node.kind != .anytime { out.append("  \(dotString(node.id)) [\(attributes(node))];") }
        if !anytime.isEmpty {
            out.append("  subgraph cluster_anytime {")
            out.append("    label=\"anytime: checked at every turn\"; style=dashed; color=darkorange;")
            for node in anytime { out.append("    \(dotString(node.id)) [\(attributes(node))];") }
            out.append("  }")
        }
        for edge in edges {
            var attributes = edge.label.isEmpty ? "arrowhead=none" : "label=\(dotString(edge.label))"
            if edge.dashed { attributes += ", style=dashed" }
            out.append("  \(dotString(edge.from)) -> \(dotString(edge.to)) [\(attributes)];")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Mermaid

    private func mermaidText(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "<", with: "#lt;").replacingOccurrences(of: "|", with: "#124;")
            .replacingOccurrences(of: ">", with: "#gt;").replacingOccurrences(of: "\n", with: "<br/>") + "\""
    }

    private func mermaidID(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }

    private func mermaid(_ nodes: [Node], _ edges: [Edge]) -> String {
        var out = ["flowchart TD"]
        for node in nodes {
            let id = mermaidID(node.id)
            let label = mermaidText(node.label.joined(separator: "\n"))
            switch node.kind {
            case .beat: out.append("  \(id)[\(label)]")
            case .anytime: out.append("  \(id)[\(label)]:::anytime")
            case .ending: out.append("  \(id)([\(label)]):::ending")
            case .threshold: out.append("  \(id){\(label)}:::threshold")
            case .silence: out.append("  \(id)>\(label)]:::note")
            case .list: out.append("  \(id)((\"·\"))")
            }
        }
        for edge in edges {
            let arrow = edge.dashed ? "-.->" : "-->"
            let label = edge.label.isEmpty ? "" : "|\(mermaidText(edge.label))|"
            out.append("  \(mermaidID(edge.from)) \(arrow)\(label) \(mermaidID(edge.to))")
        }
        out.append("  classDef anytime stroke-dasharray: 5 5,stroke:#d2691e")
        out.append("  classDef ending fill:#e8f5e9,stroke:#2e7d32")
        out.append("  classDef threshold fill:#e3f2fd")
        out.append("  classDef note fill:#f5f5f5,color:#555")
        return out.joined(separator: "\n") + "\n"
    }
}
