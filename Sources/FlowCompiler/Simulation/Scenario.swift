import FlowDiagnostics

/// A script of what happens on a call, for `flowc simulate` (Docs/Simulate.md).
///
/// One event a line; `#` starts a comment. Events name legs and operations as the flow does, so a scenario
/// reads like the flow it exercises and diffs line by line:
///
///     start caller
///     press caller "1"
///     answer agent
///     apply hold-caller
///     hangup agent
public struct Scenario: Sendable, Hashable {
    public var events: [Spanned<ScenarioEvent>]

    public init(events: [Spanned<ScenarioEvent>]) {
        self.events = events
    }
}

/// One scripted event.
public enum ScenarioEvent: Sendable, Hashable {
    /// Twilio starts the leg: a call to the number (entry) or a call the application creates (outbound).
    case start(String)
    /// The leg starts, and Twilio's first request carries one parameter a leg's cases read:
    /// `start LEG from "+15551230000"`, `to "…"` or `answered-by "machine_start"` (Grammar.md §7).
    case startSending(String, StartParameter, String)
    /// The leg's `<Gather>` receives digits.
    case press(String, String)
    /// The leg's `<Gather>` receives speech.
    case speak(String, String)
    /// The leg's `<Gather>` times out with no input.
    case silence(String)
    /// The leg's `<Record>` ends.
    case finishRecording(String)
    /// A dialed leg answers (its whisper plays, then it is bridged).
    case answer(String)
    /// The dial of a leg ends without a bridge: `busy`, `no-answer`, `failed` or `canceled`. Names the
    /// dialed leg, or the leg that dials a queue.
    case dialFails(String, DialFailure)
    /// The leg hangs up (the person puts the phone down).
    case hangup(String)
    /// The application applies an operation, by its key (`hold-caller`).
    case apply(String)

    /// What `start LEG PARAMETER "VALUE"` sends with the leg's first request.
    public enum StartParameter: String, Sendable, Hashable, CaseIterable {
        case from
        case to
        case answeredBy = "answered-by"

        /// The Twilio request parameter.
        public var name: String {
            switch self {
            case .from: "From"
            case .to: "To"
            case .answeredBy: "AnsweredBy"
            }
        }
    }

    public enum DialFailure: String, Sendable, Hashable, CaseIterable {
        case busy
        case noAnswer = "no-answer"
        case failed
        case canceled
    }

    /// A string as a scenario writes it, with `\` and `"` escaped, so `text` reads back as the same event.
    static func quote(_ text: String) -> String {
        var quoted = "\""
        for character in text {
            if character == "\\" || character == "\"" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// The event as the scenario writes it.
    public var text: String {
        switch self {
        case .start(let leg): "start \(leg)"
        case .startSending(let leg, let parameter, let value): "start \(leg) \(parameter.rawValue) \(Self.quote(value))"
        case .press(let leg, let digits): "press \(leg) \(Self.quote(digits))"
        case .speak(let leg, let words): "speak \(leg) \(Self.quote(words))"
        case .silence(let leg): "silence \(leg)"
        case .finishRecording(let leg): "finish-recording \(leg)"
        case .answer(let leg): "answer \(leg)"
        case .dialFails(let leg, let failure): "\(failure.rawValue) \(leg)"
        case .hangup(let leg): "hangup \(leg)"
        case .apply(let key): "apply \(key)"
        }
    }
}

/// Reads scenario files. Every line is read; each bad line gets one diagnostic (FLOW6xx) and is skipped.
public enum ScenarioParser {
    public static func parse(_ source: SourceFile) -> (scenario: Scenario, diagnostics: [Diagnostic]) {
        var events: [Spanned<ScenarioEvent>] = []
        var diagnostics: [Diagnostic] = []
        for line in 1...source.lineCount {
            let start = source.lineStarts[line - 1]
            let text = source.lineText(line)
            let words = tokenize(text)
            guard let first = words.first else { continue }
            let span = source.span(from: start + first.offset, to: start + (words.last.map { $0.offset + $0.length } ?? 0))
            switch interpret(words) {
            case .success(let event):
                events.append(Spanned(event, at: span))
            case .failure(let problem):
                diagnostics.append(
                    Diagnostic(
                        problem.code, nil, problem.message, at: span,
                        help: "events: start LEG, press LEG \"DIGITS\", speak LEG \"WORDS\", silence LEG, finish-recording LEG, answer LEG, busy|no-answer|failed|canceled LEG, hangup LEG, apply OPERATION"
                    ))
            }
        }
        return (Scenario(events: events), diagnostics)
    }

    struct Word {
        var text: String
        var quoted: Bool
        var offset: Int
        var length: Int
        /// False for a string whose closing quote is missing (the line ended first).
        var closed = true
    }

    struct Problem: Error {
        var code: DiagnosticCode
        var message: String
    }

    /// Splits a line into words and double-quoted strings (with `\"` and `\\`), dropping a `#` comment.
    static func tokenize(_ line: String) -> [Word] {
        let bytes = Array(line.utf8)
        var words: [Word] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#") { break }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                index += 1
                continue
            }
            let start = index
            if byte == UInt8(ascii: "\"") {
                var value: [UInt8] = []
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                    value.append(bytes[index])
                    index += 1
                }
                let closed = index < bytes.count
                index = min(index + 1, bytes.count)
                words.append(
                    Word(
                        text: String(decoding: value, as: UTF8.self), quoted: true, offset: start, length: index - start,
                        closed: closed))
            } else {
                while index < bytes.count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\t"),
                    bytes[index] != UInt8(ascii: "#"), bytes[index] != UInt8(ascii: "\r")
                {
                    index += 1
                }
                words.append(
                    Word(text: String(decoding: bytes[start..<index], as: UTF8.self), quoted: false, offset: start, length: index - start))
            }
        }
        return words
    }

    static func interpret(_ words: [Word]) -> Result<ScenarioEvent, Problem> {
        let verb = words[0].text
        let arguments = Array(words.dropFirst())
        if words.contains(where: { !$0.closed }) {
            return .failure(Problem(code: .malformedScenarioEvent, message: "a string is not closed: it needs a '\"' before the end of the line"))
        }
        func name(_ expected: String) -> Result<String, Problem> {
            guard arguments.count == 1, !arguments[0].quoted, !arguments[0].text.isEmpty else {
                return .failure(Problem(code: .malformedScenarioEvent, message: "expected '\(verb) \(expected)'"))
            }
            return .success(arguments[0].text)
        }
        func nameAndString(_ expected: String) -> Result<(String, String), Problem> {
            guard arguments.count == 2, !arguments[0].quoted, arguments[1].quoted else {
                return .failure(Problem(code: .malformedScenarioEvent, message: "expected '\(verb) LEG \"\(expected)\"'"))
            }
            return .success((arguments[0].text, arguments[1].text))
        }
        switch verb {
        case "start" where arguments.count == 3:
            guard !arguments[0].quoted, !arguments[1].quoted, arguments[2].quoted,
                let parameter = ScenarioEvent.StartParameter(rawValue: arguments[1].text)
            else {
                return .failure(
                    Problem(
                        code: .malformedScenarioEvent,
                        message: "expected 'start LEG', or 'start LEG from|to|answered-by \"VALUE\"'"))
            }
            return .success(.startSending(arguments[0].text, parameter, arguments[2].text))
        case "start": return name("LEG").map(ScenarioEvent.start)
        case "press":
            return nameAndString("DIGITS").flatMap { leg, digits in
                // A gather receives only DTMF keys; no key at all is `silence`.
                guard !digits.isEmpty, digits.allSatisfy({ "0123456789*#".contains($0) }) else {
                    return .failure(Problem(code: .malformedScenarioEvent, message: "press takes the keys pressed: digits, '*' and '#'"))
                }
                return .success(ScenarioEvent.press(leg, digits))
            }
        case "speak":
            return nameAndString("WORDS").flatMap { leg, words in
                guard !words.isEmpty else {
                    return .failure(Problem(code: .malformedScenarioEvent, message: "speak takes the words spoken; no words is 'silence'"))
                }
                return .success(ScenarioEvent.speak(leg, words))
            }
        case "silence": return name("LEG").map(ScenarioEvent.silence)
        case "finish-recording": return name("LEG").map(ScenarioEvent.finishRecording)
        case "answer": return name("LEG").map(ScenarioEvent.answer)
        case "hangup": return name("LEG").map(ScenarioEvent.hangup)
        case "apply": return name("OPERATION").map(ScenarioEvent.apply)
        default:
            if let failure = ScenarioEvent.DialFailure(rawValue: verb) {
                return name("LEG").map { ScenarioEvent.dialFails($0, failure) }
            }
            return .failure(Problem(code: .unknownScenarioEvent, message: "unknown scenario event '\(verb)'"))
        }
    }
}
