/// The constructs that can carry options (Grammar.md §5, §10): every verb, queues and rooms.
/// `dial queue` shares `dial`'s options; a construct absent from the table takes none.
public enum OptionConstruct: String, Sendable, Hashable, CaseIterable {
    case say, play, pause, gather, record, dial, join, enqueue, leave, go, hangup, reject, queue, room
}

/// What the text of a string option may hold.
public struct StringRule: Sendable, Hashable {
    public var minLength: Int
    public var maxLength: Int?
    /// When set, every character must be one of these.
    public var allowedCharacters: String?
    /// A human description of `allowedCharacters` for messages (`0-9 # *`).
    public var allowedDescription: String?
    /// Characters the text must not contain.
    public var forbiddenCharacters: String

    public init(
        minLength: Int = 0, maxLength: Int? = nil, allowedCharacters: String? = nil,
        allowedDescription: String? = nil, forbiddenCharacters: String = ""
    ) {
        self.minLength = minLength
        self.maxLength = maxLength
        self.allowedCharacters = allowedCharacters
        self.allowedDescription = allowedDescription
        self.forbiddenCharacters = forbiddenCharacters
    }

    /// Any text.
    public static let any = StringRule()
}

/// The type of an option's value. One value of this type drives the type check (FLOW206), the range
/// check (FLOW207) and the missing-unit check (FLOW204).
public enum OptionType: Sendable, Hashable {
    /// No value, or `=true` / `=false`.
    case flag
    /// An integer in the range.
    case integer(ClosedRange<Int>)
    /// A duration (`20s`, `2m`) whose seconds lie in the range.
    case duration(ClosedRange<Int>)
    /// A duration in the range, or one of the words (`speech_timeout=auto`).
    case durationOrWord(ClosedRange<Int>, words: [String])
    /// A string literal.
    case string(StringRule)
    /// One of the words, written as an identifier (`input=dtmf`).
    case word([String])
    /// One of these values, written as a string literal because they contain `-` (`record="record-from-answer"`).
    case stringChoice([String])

    /// How messages name the type ("an integer", "a duration").
    var article: String {
        switch self {
        case .flag: "'true' or 'false'"
        case .integer: "an integer"
        case .duration: "a duration"
        case .durationOrWord(_, let words): "a duration or \(OptionTable.wordList(words, conjunction: "or"))"
        case .string: "a string"
        case .word(let words): OptionTable.wordList(words, conjunction: "or")
        case .stringChoice: "a string"
        }
    }
}

/// One option of one construct.
public struct OptionSpec: Sendable, Hashable {
    /// The name as written in `.flow` (snake_case).
    public var name: String
    public var type: OptionType

    public init(_ name: String, _ type: OptionType) {
        self.name = name
        self.type = type
    }
}

/// The options of every construct, as data: Grammar.md §10 in code. The resolver checks every option
/// against this table and nothing else, so the table, the checks and the "did you mean" suggestions
/// cannot drift apart. Ranges follow Docs/Twilio.md#verbs, Docs/Twilio.md#limits.
public enum OptionTable {
    static let minute = 60
    static let hour = 3600

    /// Twilio's `<Dial record>` values (Docs/Twilio.md#verbs).
    public static let dialRecordValues = [
        "do-not-record", "record-from-answer", "record-from-ringing", "record-from-answer-dual",
        "record-from-ringing-dual",
    ]

    /// Twilio's `<Dial ringTone>` country codes (Docs/Twilio.md#verbs).
    public static let ringTones = [
        "at", "au", "bg", "br", "be", "ch", "cl", "cn", "cz", "de", "dk", "ee", "es", "fi", "fr", "gr", "hu", "il",
        "in", "it", "lt", "jp", "mx", "my", "nl", "no", "nz", "ph", "pl", "pt", "ru", "se", "sg", "th", "uk", "us",
        "us-old", "tw", "ve", "za",
    ]

    static let loop = OptionSpec("loop", .integer(0...1000))
    static let finishOnKeyOfGather = StringRule(
        maxLength: 1, allowedCharacters: "0123456789#*", allowedDescription: "one of 0-9 # *")
    static let finishOnKeyOfRecord = StringRule(allowedCharacters: "0123456789#*", allowedDescription: "0-9 # *")
    static let bridgeOptions = [
        OptionSpec("timeout", .duration(5...600)),
        OptionSpec("time_limit", .duration(1...(24 * hour))),
        OptionSpec("hangup_on_star", .flag),
    ]

    /// The options of each construct, in the order of Grammar.md §10.
    public static let options: [OptionConstruct: [OptionSpec]] = [
        .say: [
            OptionSpec("voice", .string(StringRule(minLength: 1))),
            OptionSpec("language", .string(StringRule(minLength: 1))),
            loop,
        ],
        .play: [
            loop,
            OptionSpec(
                "digits",
                .string(
                    StringRule(
                        minLength: 1, allowedCharacters: "0123456789ABCD#*wW", allowedDescription: "0-9 A-D # * w W"))),
        ],
        .gather: [
            OptionSpec("input", .word(GatherInput.allCases.map(\.rawValue))),
            OptionSpec("timeout", .duration(1...(10 * minute))),
            OptionSpec("speech_timeout", .durationOrWord(1...(10 * minute), words: ["auto"])),
            OptionSpec("num_digits", .integer(1...100)),
            OptionSpec("finish_on_key", .string(finishOnKeyOfGather)),
            OptionSpec("language", .string(StringRule(minLength: 1))),
            OptionSpec("hints", .string(.any)),
        ],
        .record: [
            OptionSpec("max_length", .duration(1...(4 * hour))),
            OptionSpec("timeout", .duration(0...(10 * minute))),
            OptionSpec("finish_on_key", .string(finishOnKeyOfRecord)),
            OptionSpec("play_beep", .flag),
            OptionSpec("transcribe", .flag),
        ],
        .dial: bridgeOptions + [
            OptionSpec("answer_on_bridge", .flag),
            OptionSpec("caller_id", .string(StringRule(minLength: 1))),
            OptionSpec("ring_tone", .stringChoice(ringTones)),
            OptionSpec("record", .stringChoice(dialRecordValues)),
        ],
        .join: [
            OptionSpec("start_on_enter", .flag),
            OptionSpec("end_on_exit", .flag),
            OptionSpec("muted", .flag),
            OptionSpec("beep", .word(JoinBeep.allCases.map(\.rawValue))),
            OptionSpec("label", .string(StringRule(minLength: 1, maxLength: 128, forbiddenCharacters: "/"))),
        ] + bridgeOptions,
        .enqueue: [],
        .reject: [OptionSpec("busy", .flag)],
        .queue: [
            OptionSpec("name", .string(StringRule(minLength: 1, maxLength: 64))),
            OptionSpec("max_size", .integer(1...5000)),
        ],
        .room: [
            OptionSpec("name", .string(StringRule(minLength: 1, maxLength: 128))),
            OptionSpec("max_participants", .integer(1...250)),
            OptionSpec("shared", .flag),
        ],
    ]

    /// The options of `construct`.
    public static func options(of construct: OptionConstruct) -> [OptionSpec] {
        options[construct] ?? []
    }

    /// The option `name` of `construct`, if it has one.
    public static func spec(_ name: String, of construct: OptionConstruct) -> OptionSpec? {
        options(of: construct).first { $0.name == name }
    }

    /// `'a', 'b' or 'c'`.
    static func wordList(_ words: [String], conjunction: String) -> String {
        let quoted = words.map { "'\($0)'" }
        guard let last = quoted.last else { return "" }
        if quoted.count == 1 { return last }
        return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// A number of seconds the way a duration is written: `4h`, `10m`, `90s`.
    static func durationText(_ seconds: Int) -> String {
        if seconds != 0, seconds % hour == 0 { return "\(seconds / hour)h" }
        if seconds != 0, seconds % minute == 0 { return "\(seconds / minute)m" }
        return "\(seconds)s"
    }
}
