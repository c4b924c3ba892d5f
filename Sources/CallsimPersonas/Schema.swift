/// Every key a scenario file may use. The loader accepts exactly these keys, and the
/// format's README documents each one (a test compares them).
public enum ScenarioSchema {
    public struct Key: Sendable, Hashable {
        /// Section, then key: `persona.mood`; list items share their list's path (`beats.say`).
        /// `mood` and `variant` are shared sections used in several places.
        public var path: String
        public var type: String
        public var required: Bool
        public var summary: String
    }

    /// Mood keys (`patience`, `trust`, `interest`) form the shared `mood` section.
    public static let keys: [Key] = [
        key("id", "string", true, "Stable scenario id, also the file name without `.yaml`."),
        key("title", "string", true, "Title shown by `callsim list`."),
        key("lang", "zh-TW | en", true, "Language of the call."),
        key("kind", "sales | complaint | service", true, "What the scenario trains."),
        key("direction", "outbound | inbound", true, "Who placed the call."),
        key("translation_of", "string", false, "Id of the scenario this one translates; both keep the same beat and line ids."),
        key("persona", "mapping", true, "The customer."),
        key("campaign", "mapping", true, "The brief the agent reads before the call."),
        key("script", "list", false, "The call script the agent is meant to follow."),
        key("intents", "list", false, "Scenario-specific meanings of agent lines."),
        key("beats", "list", true, "The customer's lines; the first beat is what the customer says when the call connects."),
        key("endings", "list", true, "How the call can end."),
        key("fallback", "mapping", false, "What the customer says when nothing matches."),
        key("thresholds", "list", false, "Endings reached by mood."),
        key("rubric", "mapping", false, "Indicators that apply, their weights, the pass mark."),
        key("drills", "list", false, "Named starting points."),
        key("tests", "list", false, "Golden conversations."),

        key("persona.name", "string", true, "Full name (林美華)."),
        key("persona.address", "string", true, "How the agent should address the customer (林太太, Mrs Lin)."),
        key("persona.address_variants", "list of strings", false, "Other acceptable forms of address (林小姐, 林姐)."),
        key("persona.temperament", "friendly | hostile | hesitant | busy | complaining | skeptical | talkative", true, "Sets fallback and silence defaults."),
        key("persona.background", "string", false, "Who the customer is, for the author and `/brief`."),
        key("persona.mood", "mapping", false, "Starting mood (each 0-100; default patience 70, trust 40, interest 30)."),
        key("persona.dead_air", "mapping", false, "What happens on silence."),
        key("persona.facts", "list", false, "Things the customer says only when asked the right question."),
        key("persona.objections", "list", false, "Objections beats can raise, and what resolves them."),

        key("mood.patience", "integer", false, "Patience: at 0 the customer hangs up. In effects a signed delta (`-20`)."),
        key("mood.trust", "integer", false, "Trust in the agent and the company. In effects a signed delta (`+10`)."),
        key("mood.interest", "integer", false, "Interest in the offer. In effects a signed delta."),

        key("dead_air.limit", "number | never", false, "Seconds of silence before the customer reacts (default 15)."),
        key("dead_air.say", "line", false, "What the customer says into the silence (default 喂？還在嗎？ / Hello? Are you still there?)."),
        key("dead_air.hangup_after", "integer", false, "Consecutive silences before the customer hangs up (default by temperament: 2 for hostile, busy, complaining; else 3)."),
        key("dead_air.end", "ending id", false, "Ending when the customer hangs up on silence (default: the first `hangup` ending)."),
        key("dead_air.mood", "mood deltas", false, "Mood change per silence (default patience -10)."),

        key("facts.id", "string", true, "Fact id (conditions test `fact ID`)."),
        key("facts.on", "intent id | list", true, "Intents that make the customer reveal it."),
        key("facts.say", "line", true, "The customer's words."),
        key("facts.mood", "mood deltas", false, "Mood change when revealed."),
        key("facts.set", "list of flags", false, "Flags set when revealed."),

        key("objections.id", "string", true, "Objection id (beats raise it with `raises`)."),
        key("objections.say", "line", false, "The objection in the customer's words (said by a raising beat that has no `say`)."),
        key("objections.resolved_by", "intent id | list", true, "Intents that resolve it."),
        key("objections.mood", "mood deltas", false, "Mood change when resolved (default trust +10)."),
        key("objections.reply", "line", false, "What the customer says when it is resolved and no beat answers."),

        key("campaign.company", "string", true, "The company the agent represents."),
        key("campaign.agent", "string", false, "Default agent name (the trainee may use their own)."),
        key("campaign.product", "string", false, "Product or service offered."),
        key("campaign.price", "string", false, "Price as the agent should state it."),
        key("campaign.offers", "list of strings", false, "Offers the agent may make."),
        key("campaign.allowed_remedies", "list of strings", false, "Remedies the agent may grant without escalation."),
        key("campaign.policy", "list of strings", false, "Other policy limits for the brief."),
        key("campaign.lead_source", "string", false, "Where the customer's number came from, as the agent should tell it."),
        key("campaign.recording", "boolean", false, "The call is recorded and the agent must say so (default false)."),
        key("campaign.costs_money", "boolean", false, "The product costs money, so calling it free is misrepresentation (default true for sales)."),
        key("campaign.customer_record", "mapping of label to text", false, "The customer record shown in the brief, in file order."),

        key("script.stage", "string", true, "Stage name (開場, 需求探詢, ...)."),
        key("script.say", "string", true, "The model agent line shown by `/script`."),
        key("script.shows", "list of indicator ids", false, "Indicators the model line demonstrates (scorecard suggestions)."),
        key("script.after", "list of beat ids", false, "Beats after which this stage is the `/hint`."),

        key("intents.id", "string", true, "Intent id used by `on`, `resolved_by` and facts."),
        key("intents.keywords", "list of strings", false, "Any keyword in the normalised line matches; `a+b` needs both; `refund*` matches a word prefix."),
        key("intents.examples", "list of strings", false, "Example phrases; a line containing half of a phrase's character pairs matches."),
        key("intents.unless", "list of strings", false, "Keywords that veto the match (不方便 against 方便)."),
        key("intents.behaviour", "indicator id", false, "The catalog behaviour this intent detects."),
        key("intents.replace", "boolean", false, "Replace the built-in intent of the same id instead of adding to it."),
        key("intents.mood", "mood deltas", false, "Mood change every time the agent's line matches."),
        key("intents.set", "list of flags", false, "Flags set every time the agent's line matches."),

        key("beats.id", "string", true, "Stable beat id."),
        key("beats.say", "line", false, "The customer's line: a string, or a list of variants (strings or `{id, text}`)."),
        key("beats.on", "intent id | indicator id | list | otherwise", false, "Agent intents that trigger the beat (default `otherwise`); an indicator id stands for every intent with that `behaviour`."),
        key("beats.if", "condition | list", false, "Conditions that must all hold: `trust >= 40`, `flag X`, `fact X`, `objection X`, `resolved X`, each optionally after `not`."),
        key("beats.mood", "mood deltas", false, "Mood change when the beat fires."),
        key("beats.set", "list of flags", false, "Flags set when the beat fires."),
        key("beats.clear", "list of flags", false, "Flags cleared when the beat fires."),
        key("beats.raises", "objection id", false, "Objection the customer raises with this beat."),
        key("beats.next", "beat id | list", false, "Beats considered after this one, in order (default: keep the current ones)."),
        key("beats.end", "ending id", false, "The call ends after this beat."),
        key("beats.outcome", "ending id", false, "The ending the call gets when it ends later (a sale agreed before the close)."),
        key("beats.anytime", "boolean", false, "Considered at every turn before the current beats (interruptions)."),
        key("beats.once", "boolean", false, "Fires at most once per call."),

        key("variant.id", "string", true, "Variant id, stable across translations."),
        key("variant.text", "string", true, "The words."),

        key("endings.id", "string", true, "Ending id."),
        key("endings.kind", "sale | no-sale | hangup | dnc | callback | escalated | resolved", true, "Outcome recorded for the call."),
        key("endings.say", "line", false, "The customer's last line when no beat says one."),

        key("fallback.confused", "line", false, "First unmatched line (default 蛤？您是說……？ / Sorry, what do you mean?)."),
        key("fallback.impatient", "line", false, "Further unmatched lines in a row."),
        key("fallback.mood", "mood deltas", false, "Mood change per unmatched line (default patience -10 friendly ... -25 hostile)."),
        key("fallback.hangup_after", "integer", false, "Unmatched lines in a row before the customer hangs up (default by temperament)."),
        key("fallback.end", "ending id", false, "Ending then (default: the first `hangup` ending)."),

        key("thresholds.if", "condition | list", true, "Mood conditions checked after every turn."),
        key("thresholds.end", "ending id", true, "Ending reached when they hold."),

        key("rubric.indicators", "mapping of indicator id to weight, or list of ids", false, "Indicators that apply (default all)."),
        key("rubric.pass", "integer", false, "Pass mark, 0-100."),

        key("drills.id", "string", true, "Drill id for `callsim play ID --from DRILL`."),
        key("drills.title", "string", false, "What the drill practises."),
        key("drills.from", "beat id", true, "The beat the customer says first."),
        key("drills.mood", "mood", false, "Mood at the start (unset values from `persona.mood`)."),
        key("drills.flags", "list of flags", false, "Flags set at the start."),
        key("drills.facts", "list of fact ids", false, "Facts already revealed."),
        key("drills.objections", "list of objection ids", false, "Objections already raised."),

        key("tests.name", "string", true, "Test name."),
        key("tests.seed", "integer", false, "Seed (default 1)."),
        key("tests.from", "drill or beat id", false, "Start point."),
        key("tests.agent", "list of strings", true, "The agent's lines; `/silence` and `/hangup` stand for dead air and hanging up."),
        key("tests.customer", "list of line ids", false, "Expected customer line ids in order (a beat id matches any of its variants)."),
        key("tests.ending", "ending id", false, "Expected ending."),
        key("tests.indicators", "mapping of indicator id to status", false, "Expected statuses (hit, missed, violated, na)."),
        key("tests.min_score", "integer", false, "Lowest acceptable score."),
        key("tests.max_score", "integer", false, "Highest acceptable score."),
    ]

    private static func key(_ path: String, _ type: String, _ required: Bool, _ summary: String) -> Key {
        Key(path: path, type: type, required: required, summary: summary)
    }

    /// The keys of a section (`""` for the top level), in schema order.
    public static func keys(in section: String) -> [Key] {
        keysBySection[section] ?? []
    }

    static func names(in section: String) -> [String] {
        namesBySection[section] ?? []
    }

    // Looked up for every node of every file: grouped once, not filtered on each call.
    private static let keysBySection: [String: [Key]] = Dictionary(grouping: keys) { key in
        key.path.lastIndex(of: ".").map { String(key.path[..<$0]) } ?? ""
    }
    private static let namesBySection: [String: [String]] = keysBySection.mapValues { keys in
        keys.map { String($0.path.split(separator: ".").last ?? "") }
    }
}
