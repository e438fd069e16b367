/// Random valid flow sets for the property tests: one or more files of flows with settings, audio, a shared
/// room with hold music, a queue, an entry leg of several steps (say, play, pause, gather, dial, join,
/// enqueue, go, hangup), a dialed leg and conference hold operations. Every flow it makes builds without
/// an error; `FlowPropertyTests.generatedFlowsBuildWithoutErrors` keeps it so.
///
/// A flow is made as lines of words (`FlowLine`), so that the same flow can be written in the canonical
/// layout or in any other layout the parser accepts (`Layout`), and the strings in it can be anything.
struct FlowSet: Sendable, CustomStringConvertible {
    var files: [[FlowLine]]
    /// The text of every `say` in the flows, as the listener must hear it.
    var spokenTexts: [String]

    var description: String {
        files.enumerated().map { "--- file \($0.offset)\n" + Layout.canonical.text(of: $0.element) }.joined()
    }
}

/// One line of a flow: its block depth and its words, which the canonical layout joins with one space.
struct FlowLine: Sendable {
    var depth: Int
    var words: [String]
}

/// How a flow's lines are written. The canonical layout is what `flowc fmt` writes.
struct Layout: Sendable {
    /// Spaces per block level.
    var indentation = 2
    /// The separator before each word after the first, by position; cycled.
    var separators = [" "]
    /// Whitespace at the end of each line, by line; cycled.
    var trailing = [""]
    /// A trailing comment on every `commentEvery`th line (0: none).
    var commentEvery = 0
    /// A whole-line comment before every `noteEvery`th line (0: none).
    var noteEvery = 0
    /// A blank line before every `blankEvery`th line (0: none).
    var blankEvery = 0
    var lineEnd = "\n"

    static let canonical = Layout()

    /// Whether the layout keeps every word at its line and column, so that the manifest's source references
    /// stay the same after formatting: what it changes is after the last word (whitespace, comments, CR).
    var keepsPositions: Bool { indentation == 2 && noteEvery == 0 && blankEvery == 0 && separators == [" "] }

    func text(of lines: [FlowLine]) -> String {
        var out = ""
        for (index, line) in lines.enumerated() {
            let indent = String(repeating: " ", count: line.depth * indentation)
            if blankEvery > 0, index % blankEvery == blankEvery - 1 { out += lineEnd }
            if noteEvery > 0, index % noteEvery == noteEvery - 1 { out += indent + "# a note: \"x\" & <y>" + lineEnd }
            var text = indent
            for (position, word) in line.words.enumerated() {
                if position > 0 { text += separators[(index + position) % separators.count] }
                text += word
            }
            text += trailing[index % trailing.count]
            if commentEvery > 0, index % commentEvery == commentEvery - 1 { text += "  #  trailing ]]> note" }
            out += text + lineEnd
        }
        return out
    }

    /// A random layout the parser accepts for the same flows.
    static func random(using rng: inout SplitMix64, keepingPositions: Bool) -> Layout {
        var layout = Layout()
        let separators = [" ", "  ", "   ", "\t", " \t "]
        if !keepingPositions {
            layout.separators = (0..<Int.random(in: 1...4, using: &rng)).map { _ in separators.randomElement(using: &rng)! }
        }
        let trailing = ["", " ", "\t", "  "]
        layout.trailing = (0..<Int.random(in: 1...3, using: &rng)).map { _ in trailing.randomElement(using: &rng)! }
        layout.commentEvery = [0, 0, 2, 3, 5].randomElement(using: &rng)!
        layout.lineEnd = Bool.random(using: &rng) ? "\n" : "\r\n"
        if !keepingPositions {
            layout.indentation = [2, 3, 4].randomElement(using: &rng)!
            layout.noteEvery = [0, 2, 4, 7].randomElement(using: &rng)!
            layout.blankEvery = [0, 2, 3, 6].randomElement(using: &rng)!
        }
        return layout
    }
}

/// A deterministic random number generator (SplitMix64), seeded from the property checker's generator.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Strings for `say`: printable text mixed with what breaks naive XML writers and naive lexers.
enum HostileText {
    static let pieces: [String] = [
        "Hello", "caf\u{E9}", "&", "&amp;", "&#0;", "<", ">", "<Say>", "</Response>", "]]>", "<![CDATA[", "\"",
        "'", "\\", "\\n", "{", "}", "#", " -- ", "<!--", "?>", "\u{202E}", "\u{200F}", "\u{200D}",
        "\u{05E9}\u{05DC}\u{05D5}\u{05DD}", "\u{0645}\u{0631}\u{062D}\u{0628}\u{0627}", "\u{1F600}",
        "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{1F1EB}\u{1F1F7}", "e\u{301}", "\u{FEFF}", "\u{2028}",
        "\u{10FFFF}", "\u{FFFD}", "\u{3000}", "  ", "x", "\u{4E2D}\u{6587}", "%s", "$(rm)",
    ]

    /// Non-empty text with at least one letter, so that Twilio has something to say.
    static func random(using rng: inout SplitMix64) -> String {
        var text = ["Hi", "Ok", "Yes"].randomElement(using: &rng)!
        for _ in 0..<Int.random(in: 0...6, using: &rng) { text += pieces.randomElement(using: &rng)! }
        return text
    }

    /// `text` as a `.flow` string literal. Quotes and backslashes are escaped; other characters are written
    /// as themselves or, at random, as a `\u{…}` escape.
    static func literal(_ text: String, using rng: inout SplitMix64) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += Bool.random(using: &rng) ? "\\t" : "\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || Int.random(in: 0..<8, using: &rng) == 0 {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension FlowSet {
    /// A set of 1–4 flows in 1–3 files.
    static func random(using rng: inout SplitMix64) -> FlowSet {
        let flowCount = Int.random(in: 1...4, using: &rng)
        var flows: [[FlowLine]] = []
        var spoken: [String] = []
        for index in 0..<flowCount {
            var maker = FlowMaker(name: "f\(index)_\(Int.random(in: 0..<1000, using: &rng))", rng: rng)
            flows.append(maker.make())
            spoken += maker.spoken
            rng = maker.rng
            _ = rng.next()
        }
        let fileCount = Int.random(in: 1...min(3, flowCount), using: &rng)
        var files = [[FlowLine]](repeating: [], count: fileCount)
        for (index, flow) in flows.enumerated() { files[index % fileCount] += flow }
        return FlowSet(files: files, spokenTexts: spoken)
    }
}

/// Builds one valid flow.
private struct FlowMaker {
    let name: String
    var rng: SplitMix64
    var lines: [FlowLine] = []
    var spoken: [String] = []

    init(name: String, rng: SplitMix64) {
        self.name = name
        self.rng = rng
    }

    private mutating func add(_ depth: Int, _ words: String...) { lines.append(FlowLine(depth: depth, words: words)) }

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

    private mutating func say(_ depth: Int) {
        let text = HostileText.random(using: &rng)
        spoken.append(text)
        var words = ["say", HostileText.literal(text, using: &rng)]
        if chance(20) { words.append("loop=\(Int.random(in: 1...3, using: &rng))") }
        lines.append(FlowLine(depth: depth, words: words))
    }

    mutating func make() -> [FlowLine] {
        add(0, "flow", name)
        add(1, "serve", "at", "\"https://twiml.example.com/\(name)\"")
        if chance(40) { add(1, "voice", "\"Polly.Joanna\"") }
        if chance(30) { add(1, "language", "\"en-US\"") }
        let hasAudio = chance(60)
        if hasAudio { add(1, "audio", "music", "=", "\"https://cdn.example.com/hold-\(name).mp3\"") }
        let hasRoom = chance(60)
        if hasRoom {
            var words = ["room", "desk", "shared"]
            if chance(50) { words.append("max_participants=\(Int.random(in: 2...250, using: &rng))") }
            lines.append(FlowLine(depth: 1, words: words))
            if hasAudio, chance(50) {
                add(2, "hold", "music")
            } else {
                add(2, "hold")
                say(3)
            }
            if chance(40) {
                add(2, "wait")
                say(3)
            }
        }
        let hasQueue = chance(50)
        if hasQueue {
            add(1, "queue", "support")
            if chance(60) {
                add(2, "wait")
                say(3)
                if hasAudio { add(3, "play", "music") }
            }
        }
        // The entry leg: steps s0…s(n-1). Each step but the last ends by going on to the next one (so every
        // step is reached), a gather may jump further forward, and only the last step hangs up.
        add(1, "leg", "caller", "entry")
        let stepCount = Int.random(in: 1...6, using: &rng)
        var dialsAgent = false
        var joinsDesk = false
        for step in 0..<stepCount {
            add(2, "step", "s\(step)")
            let next = step + 1 < stepCount ? "s\(step + 1)" : nil
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                switch Int.random(in: 0..<5, using: &rng) {
                case 0 where hasAudio: add(3, "play", "music")
                case 1: add(3, "pause", "\(Int.random(in: 1...30, using: &rng))s")
                case 2 where next != nil:
                    let target = "s\(Int.random(in: (step + 1)..<stepCount, using: &rng))"
                    add(3, "gather", "num_digits=1", "timeout=5s", "then", "->", target)
                    say(4)
                default: say(3)
                }
            }
            let then = next.map { ["then", "->", $0] } ?? ["then", "hangup"]
            switch Int.random(in: 0..<5, using: &rng) {
            case 1 where hasRoom:
                lines.append(FlowLine(depth: 3, words: ["join", "desk", "beep=false"] + then))
                joinsDesk = true
            case 2 where hasQueue: lines.append(FlowLine(depth: 3, words: ["enqueue", "support"] + then))
            case 3 where !dialsAgent:
                lines.append(FlowLine(depth: 3, words: ["dial", "agent", "\"+1555123\(1000 + step)\""] + then))
                dialsAgent = true
            default:
                if let next { add(3, "go", "->", next) } else { add(3, "hangup") }
            }
        }
        if dialsAgent {
            add(1, "leg", "agent", "dialed")
            if chance(50) {
                add(2, "whisper")
                say(3)
            }
        }
        if joinsDesk, chance(70) {
            add(1, "operation", "hold", "caller", "in", "desk")
            add(1, "operation", "unhold", "caller", "in", "desk")
        }
        return lines
    }
}
