/// The text `flowc simulate` prints. The format is stable (Docs/Simulate.md), so authors can keep
/// transcripts as golden files in their CI:
///
/// - a header line `# flowc simulate: flow 'NAME', SCENARIO`;
/// - each event as `> EVENT` (`> (happy path) EVENT` when the simulator chose it);
/// - what a leg does as two spaces, the leg name padded to a column, and the action;
/// - what the application sends as `app`, and facts about rooms as `--`;
/// - `= end`, then one line per leg with how it ended or where it is still live.
struct Transcript {
    private(set) var text = ""
    var width = 8

    mutating func header(flow: String, scenario: String) {
        text += "# flowc simulate: flow '\(flow)', \(scenario)\n"
    }

    mutating func event(_ event: String, automatic: Bool) {
        text += automatic ? "> (happy path) \(event)\n" : "> \(event)\n"
    }

    mutating func line(_ leg: String, _ action: String) {
        let pad = String(repeating: " ", count: max(1, width - leg.count + 1))
        text += "  \(leg)\(pad)\(action)\n"
    }

    mutating func application(_ action: String) { line("app", action) }

    mutating func note(_ fact: String) { line("--", fact) }

    mutating func end() { text += "= end\n" }
}
