import FlowDiagnostics

/// The tokens of a whole file, for tests and tools; the parser pulls them a line at a time instead.
public struct LexResult: Sendable {
    /// Every token in order: each line of code ends in `newline`, and the last token is `endOfFile`.
    public var tokens: [Token]
    /// Every comment in source order (whole-line and trailing).
    public var comments: [Comment]
    /// FLOW003–FLOW009, at most one per line.
    public var diagnostics: [Diagnostic]
}

/// The tokens of one line of code, with the comments and blank lines around it.
///
/// Blank lines and comment-only lines never make a `LexedLine` (they open and close no block): their
/// comments ride along as the leading trivia of the next line of code. The last `LexedLine` of a file
/// holds the closing `dedent`s and `endOfFile`, and the comments after the last line of code.
struct LexedLine: Sendable {
    /// `indent` or `dedent`s first, then the line's tokens, then `newline` (or, last, `endOfFile`).
    var tokens: [Token]
    var trivia: Trivia
    /// The 1-based line number.
    var line: Int
    /// Whether a diagnostic was reported on this line already (by the lexer, or by the loader for the
    /// first invalid UTF-8 byte), so the parser reports nothing more on it.
    var isDiagnosed: Bool
    /// The lexical diagnostics of the line (at most one).
    var diagnostics: [Diagnostic]
}

/// Reads a `SourceFile` into tokens (Grammar.md §1). Never fails: every problem becomes a diagnostic and
/// a token marked `isMalformed`, and lexing goes on.
///
/// What must hold:
/// - Linear time in the size of the file: bytes are read once, and locations come from a
///   `SourceLocator` that walks the file in order.
/// - Indentation is measured in spaces. A tab in indentation is FLOW004 and, for recovery, advances to
///   the next multiple of 8. A line that returns to a width no open block has is FLOW005 and stays in the
///   innermost block it does not leave (the nearest open width above it), so one stray space does not
///   tear the block structure apart.
/// - Only lines of code carry indentation: blank lines and comment-only lines are trivia, whatever
///   their indentation (a tab before a comment is not reported). Between tokens, spaces and tabs are
///   both whitespace.
/// - At most one diagnostic per line: the first problem found on a line is reported, the rest of the
///   line is still read into tokens. An unterminated string is reported as such even if it also holds a
///   bad escape.
/// - U+FFFD outside strings and comments is an `invalid` token. It is reported as FLOW003, except on the
///   line of `firstInvalidByte`, which the loader reported as FLOW002 already (the line counts as
///   diagnosed). Inside strings and comments U+FFFD is an ordinary character: the loader's FLOW002 says
///   the file is not UTF-8, once, at its first invalid byte.
/// - A byte-order mark at the very start is skipped. Offsets and columns stay those of `SourceFile`
///   (the mark is one column), so every location agrees with `SourceFile.location(ofOffset:)`.
public struct Lexer {
    public let file: SourceFile
    private let bytes: [UInt8]
    private var locator: SourceLocator
    /// The start of the next physical line to read.
    private var offset = 0
    /// The open indentation widths; `[0]` at the top level.
    private var indentation: [Int] = [0]
    /// Whole-line comments read since the last line of code.
    private var pendingComments: [Comment] = []
    /// Whether a blank line followed the last line of code or comment.
    private var pendingBlankLine = false
    /// Whether any code or comment has been read (blank lines before it separate nothing).
    private var hasContent = false
    private var finished = false
    /// The line of the loader's FLOW002, which gets no other diagnostic.
    private let preDiagnosedLine: Int?

    // State of the line being read.
    private var lineNumber = 0
    private var lineDiagnostics: [Diagnostic] = []
    private var lineIsDiagnosed = false

    /// - Parameter firstInvalidByte: where the loader found the first invalid UTF-8 byte, if it did
    ///   (`SourceFile.decode`); the loader reports it as FLOW002, so its line gets no other diagnostic.
    public init(_ file: SourceFile, firstInvalidByte: Int? = nil) {
        self.file = file
        self.bytes = file.utf8
        self.locator = SourceLocator(file: file)
        self.preDiagnosedLine = firstInvalidByte.map { file.line(ofOffset: $0) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    /// Lexes the whole file at once.
    public static func tokenize(_ file: SourceFile, firstInvalidByte: Int? = nil) -> LexResult {
        var lexer = Lexer(file, firstInvalidByte: firstInvalidByte)
        var result = LexResult(tokens: [], comments: [], diagnostics: [])
        while true {
            let line = lexer.nextLine()
            result.tokens += line.tokens
            result.comments += line.trivia.leadingComments
            if let trailing = line.trivia.trailingComment { result.comments.append(trailing) }
            result.diagnostics += line.diagnostics
            if line.tokens.last?.kind == .endOfFile { return result }
        }
    }

    /// The next line of code, or the final line holding `endOfFile` (returned again on every later call).
    mutating func nextLine() -> LexedLine {
        while !finished {
            if offset >= bytes.count { return finalLine() }
            if let line = readPhysicalLine() { return line }
        }
        return finalLine()
    }

    // MARK: - Lines

    private mutating func finalLine() -> LexedLine {
        finished = true
        let end = locator.span(bytes.count, bytes.count)
        var tokens = Array(repeating: Token(kind: .dedent, span: end), count: indentation.count - 1)
        tokens.append(Token(kind: .endOfFile, span: end))
        indentation = [0]
        let trivia = Trivia(leadingComments: pendingComments)
        pendingComments = []
        return LexedLine(
            tokens: tokens, trivia: trivia, line: file.lineCount, isDiagnosed: false, diagnostics: [])
    }

    /// Reads the physical line at `offset`. Returns `nil` for a blank or comment-only line (kept as
    /// pending trivia), the line of code otherwise.
    private mutating func readPhysicalLine() -> LexedLine? {
        let lineStart = offset
        var position = offset
        var width = 0
        var firstTab: Int?
        while position < bytes.count, bytes[position] == .space || bytes[position] == .tab {
            if bytes[position] == .tab {
                if firstTab == nil { firstTab = position }
                width = (width / 8 + 1) * 8
            } else {
                width += 1
            }
            position += 1
        }
        if let breakLength = lineBreakLength(at: position) {
            offset = position + breakLength
            if hasContent { pendingBlankLine = true }
            return nil
        }
        if bytes[position] == .hash {
            let comment = readComment(at: position, blankLineBefore: pendingBlankLine)
            pendingComments.append(comment)
            hasContent = true
            pendingBlankLine = false
            offset = skipLineBreak(at: comment.span.end.offset)
            return nil
        }
        return readLineOfCode(lineStart: lineStart, contentStart: position, width: width, firstTab: firstTab)
    }

    private mutating func readLineOfCode(lineStart: Int, contentStart: Int, width: Int, firstTab: Int?) -> LexedLine {
        lineNumber = file.line(ofOffset: contentStart)
        lineDiagnostics = []
        lineIsDiagnosed = preDiagnosedLine == lineNumber
        if let tab = firstTab {
            report(LexicalMessage.tabInIndentation(at: locator.span(tab, tab + 1)))
        }
        var tokens = indentationTokens(width: width, lineStart: lineStart, contentStart: contentStart)
        var trailingComment: Comment?
        var position = contentStart
        while true {
            while position < bytes.count, bytes[position] == .space || bytes[position] == .tab { position += 1 }
            if let breakLength = lineBreakLength(at: position) {
                tokens.append(Token(kind: .newline, span: locator.span(position, position + breakLength)))
                offset = position + breakLength
                break
            }
            if bytes[position] == .hash {
                let comment = readComment(at: position, blankLineBefore: false)
                trailingComment = comment
                position = comment.span.end.offset
                continue
            }
            let token = readToken(at: position)
            tokens.append(token)
            position = token.span.end.offset
        }
        let trivia = Trivia(
            leadingComments: pendingComments, trailingComment: trailingComment, blankLineBefore: pendingBlankLine)
        pendingComments = []
        pendingBlankLine = false
        hasContent = true
        return LexedLine(
            tokens: tokens, trivia: trivia, line: lineNumber, isDiagnosed: lineIsDiagnosed,
            diagnostics: lineDiagnostics)
    }

    /// The `indent` or `dedent`s that bring the open blocks to a line of `width`.
    private mutating func indentationTokens(width: Int, lineStart: Int, contentStart: Int) -> [Token] {
        let here = locator.span(contentStart, contentStart)
        guard let top = indentation.last else { return [] }
        if width > top {
            indentation.append(width)
            return [Token(kind: .indent, span: here)]
        }
        var tokens: [Token] = []
        // Leave every block opened deeper than `width`, except the innermost one that `width` still
        // lies inside of: that is where a line with an inconsistent dedent is kept.
        while indentation.count > 1, indentation[indentation.count - 1] > width,
            indentation[indentation.count - 2] >= width
        {
            indentation.removeLast()
            tokens.append(Token(kind: .dedent, span: here))
        }
        if let kept = indentation.last, kept != width {
            let outer = indentation.count > 1 ? indentation[indentation.count - 2] : 0
            report(LexicalMessage.inconsistentDedent(width: width, outer: outer, inner: kept, at: locator.span(lineStart, contentStart)))
        }
        return tokens
    }

    // MARK: - Comments and line breaks

    /// The length of the line break at `position` (1 for LF, 2 for CR LF), 0 at the end of the file, or
    /// `nil` if the line goes on.
    private func lineBreakLength(at position: Int) -> Int? {
        guard position < bytes.count else { return 0 }
        if bytes[position] == .lineFeed { return 1 }
        if bytes[position] == .carriageReturn, position + 1 < bytes.count, bytes[position + 1] == .lineFeed {
            return 2
        }
        return nil
    }

    private func skipLineBreak(at position: Int) -> Int {
        position + (lineBreakLength(at: position) ?? 0)
    }

    /// The comment from the `#` at `position` to the end of the line (the line break excluded).
    private mutating func readComment(at position: Int, blankLineBefore: Bool) -> Comment {
        var end = position
        while end < bytes.count, lineBreakLength(at: end) == nil { end += 1 }
        let text = String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
        return Comment(text: text, span: locator.span(position, end), blankLineBefore: blankLineBefore)
    }

    // MARK: - Tokens

    private mutating func readToken(at start: Int) -> Token {
        let byte = bytes[start]
        if byte == .quote { return readString(at: start) }
        if byte.isDigit { return readNumber(at: start) }
        if byte.isLetter {
            var end = start + 1
            while end < bytes.count, bytes[end].isLetter || bytes[end].isDigit { end += 1 }
            return Token(kind: .identifier, span: locator.span(start, end))
        }
        switch byte {
        case .minus where start + 1 < bytes.count && bytes[start + 1] == .greaterThan:
            return Token(kind: .arrow, span: locator.span(start, start + 2))
        case .equals: return Token(kind: .equals, span: locator.span(start, start + 1))
        case .comma: return Token(kind: .comma, span: locator.span(start, start + 1))
        case .dot: return Token(kind: .dot, span: locator.span(start, start + 1))
        default: return readInvalid(at: start)
        }
    }

    /// A run of characters that start no token.
    private mutating func readInvalid(at start: Int) -> Token {
        var end = start
        repeat {
            end += scalarLength(at: end)
        } while end < bytes.count && !startsToken(at: end)
        let span = locator.span(start, end)
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        report(LexicalMessage.unexpectedCharacter(text, at: span))
        return Token(kind: .invalid, span: span, isMalformed: true)
    }

    private func startsToken(at position: Int) -> Bool {
        let byte = bytes[position]
        if byte.isLetter || byte.isDigit || lineBreakLength(at: position) != nil { return true }
        switch byte {
        case .space, .tab, .hash, .quote, .equals, .comma, .dot: return true
        case .minus: return position + 1 < bytes.count && bytes[position + 1] == .greaterThan
        default: return false
        }
    }

    /// The number of bytes of the UTF-8 sequence that starts at `position` (the text is valid UTF-8).
    private func scalarLength(at position: Int) -> Int {
        let byte = bytes[position]
        let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        return min(length, bytes.count - position)
    }

    /// `digit { digit }` with an optional unit; any other letters, digits or `_` glued to the digits
    /// make the whole word one malformed number (FLOW009), not a number and a name.
    private mutating func readNumber(at start: Int) -> Token {
        var digitsEnd = start
        while digitsEnd < bytes.count, bytes[digitsEnd].isDigit { digitsEnd += 1 }
        var end = digitsEnd
        while end < bytes.count, bytes[end].isLetter || bytes[end].isDigit { end += 1 }
        let span = locator.span(start, end)
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let kind: TokenKind = end == digitsEnd ? .integer : .duration
        let digitCount = digitsEnd - start
        guard digitCount <= Lexer.maximumDigits else {
            report(LexicalMessage.numberTooLong(text, digits: digitCount, at: span))
            return Token(kind: kind, span: span, isMalformed: true)
        }
        var value = 0
        for byte in bytes[start..<digitsEnd] { value = value * 10 + Int(byte - .zero) }
        if kind == .integer { return Token(kind: .integer, span: span, value: .integer(value)) }
        let unit = bytes[digitsEnd..<end]
        guard unit.count == 1, let multiplier = Lexer.unitSeconds[unit[digitsEnd]] else {
            report(LexicalMessage.invalidDurationUnit(text, unit: String(decoding: unit, as: UTF8.self), at: span))
            return Token(kind: .duration, span: span, isMalformed: true)
        }
        return Token(kind: .duration, span: span, value: .duration(seconds: value * multiplier))
    }

    /// Integers have at most 9 digits (Grammar.md §1), so values and durations never overflow.
    static let maximumDigits = 9
    private static let unitSeconds: [UInt8: Int] = [UInt8(ascii: "s"): 1, UInt8(ascii: "m"): 60, UInt8(ascii: "h"): 3600]

    // MARK: - Strings

    /// A string from its opening quote to its closing quote or, unterminated, to the end of the line.
    private mutating func readString(at start: Int) -> Token {
        var value: [UInt8] = []
        var position = start + 1
        var problem: Diagnostic?
        var terminated = false
        while position < bytes.count, lineBreakLength(at: position) == nil {
            let byte = bytes[position]
            if byte == .quote {
                position += 1
                terminated = true
                break
            }
            if byte == .backslash {
                let escape = readEscape(at: position)
                value += escape.value
                if problem == nil, let found = escape.problem { problem = found }
                position = escape.end
                continue
            }
            let length = scalarLength(at: position)
            if problem == nil, isControlCharacter(at: position) {
                problem = LexicalMessage.controlCharacterInString(at: locator.span(position, position + length), scalar: scalar(at: position))
            }
            value += bytes[position..<(position + length)]
            position += length
        }
        let span = locator.span(start, position)
        if !terminated {
            report(LexicalMessage.unterminatedString(at: span))
            return Token(kind: .string, span: span, isMalformed: true)
        }
        if let problem {
            report(problem)
            return Token(kind: .string, span: span, isMalformed: true)
        }
        return Token(kind: .string, span: span, value: .string(String(decoding: value, as: UTF8.self)))
    }

    private func isControlCharacter(at position: Int) -> Bool {
        let byte = bytes[position]
        if byte == .tab { return false }
        if byte < 0x20 || byte == 0x7F { return true }
        // C1 controls, U+0080–U+009F, are C2 80–C2 9F in UTF-8.
        return byte == 0xC2 && position + 1 < bytes.count && (0x80...0x9F).contains(bytes[position + 1])
    }

    private func scalar(at position: Int) -> Unicode.Scalar {
        let length = scalarLength(at: position)
        return String(decoding: bytes[position..<(position + length)], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
    }

    /// One escape from its backslash: what it stands for, where it ends, and what is wrong with it.
    /// A bad escape stands for itself, so the rest of the string still reads sensibly.
    private mutating func readEscape(at start: Int) -> (value: [UInt8], end: Int, problem: Diagnostic?) {
        let next = start + 1
        guard next < bytes.count, lineBreakLength(at: next) == nil else {
            // A backslash at the end of the line: the string is unterminated, which is reported instead.
            return ([.backslash], next, nil)
        }
        switch bytes[next] {
        case .quote: return ([.quote], next + 1, nil)
        case .backslash: return ([.backslash], next + 1, nil)
        case UInt8(ascii: "n"): return ([.lineFeed], next + 1, nil)
        case UInt8(ascii: "t"): return ([.tab], next + 1, nil)
        case UInt8(ascii: "u"): return readUnicodeEscape(at: start)
        default:
            let end = next + scalarLength(at: next)
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            return (Array(bytes[start..<end]), end, LexicalMessage.invalidEscape(text, at: locator.span(start, end)))
        }
    }

    /// `\u{` 1–6 hex digits `}` naming a Unicode scalar value.
    private mutating func readUnicodeEscape(at start: Int) -> (value: [UInt8], end: Int, problem: Diagnostic?) {
        var position = start + 2
        var digits = 0
        var scalarValue: UInt32 = 0
        var closed = false
        if position < bytes.count, bytes[position] == .openBrace {
            position += 1
            while position < bytes.count, let digit = bytes[position].hexValue {
                if digits < 8 { scalarValue = scalarValue &* 16 &+ UInt32(digit) }
                digits += 1
                position += 1
            }
            if position < bytes.count, bytes[position] == .closeBrace {
                position += 1
                closed = true
            }
        }
        if closed, (1...6).contains(digits), let scalar = Unicode.Scalar(scalarValue) {
            return (Array(String(scalar).utf8), position, nil)
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        return (Array(bytes[start..<position]), position, LexicalMessage.invalidUnicodeEscape(text, at: locator.span(start, position)))
    }

    // MARK: - Diagnostics

    /// Records `diagnostic` unless its line has one already.
    private mutating func report(_ diagnostic: Diagnostic) {
        guard !lineIsDiagnosed else { return }
        lineIsDiagnosed = true
        lineDiagnostics.append(diagnostic)
    }
}

// MARK: - Messages

/// The lexer's diagnostics, one factory per problem, so each message is written once beside its code.
private enum LexicalMessage {
    static func unexpectedCharacter(_ text: String, at span: SourceSpan) -> Diagnostic {
        let first = text.first.map(String.init) ?? text
        let scalar = first.unicodeScalars.first ?? "\u{FFFD}"
        var help: String?
        switch scalar {
        case "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}":
            help = "strings are written in straight double quotes: \"…\""
        case "-":
            help = "an arrow is written '->'"
        case "\r":
            help = "a carriage return must be followed by a line feed"
        case "\u{FFFD}":
            help = "U+FFFD stands for bytes that are not valid UTF-8; save the file as UTF-8"
        default:
            if !scalar.isASCII, scalar.properties.isAlphabetic {
                help = "names use only the letters A-Z and a-z, digits and '_'"
            }
        }
        return Diagnostic(
            .unexpectedCharacter, nil, "unexpected character \(describe(scalar, in: first))", at: span, help: help)
    }

    /// A character as a message shows it: quoted when it is visible (a single quote in double quotes), as
    /// `U+` and four hex digits (`U+0007`) when it is not.
    static func describe(_ scalar: Unicode.Scalar, in character: String) -> String {
        switch scalar.properties.generalCategory {
        case _ where scalar == "'":
            return "\"'\""
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation, .dashPunctuation,
            .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return "'\(character)'"
        default:
            return scalarName(scalar)
        }
    }

    static func scalarName(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func tabInIndentation(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .tabInIndentation, nil, "tab in indentation; indent with spaces", at: span,
            help: "flowc fmt indents with two spaces per level")
    }

    static func inconsistentDedent(width: Int, outer: Int, inner: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .inconsistentDedent, nil,
            "indentation of \(width) \(width == 1 ? "space" : "spaces") matches no enclosing block", at: span,
            help: "indent the line by \(outer) spaces to close the block above it, or by \(inner) to stay in it")
    }

    static func unterminatedString(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .unterminatedString, nil, "unterminated string", at: span,
            help: "close the string with '\"' on the same line; a string cannot span lines")
    }

    static func invalidEscape(_ text: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .invalidEscape, nil, "invalid escape '\(text)' in a string", at: span,
            help: "the escapes are \\\", \\\\, \\n, \\t and \\u{…}; write a backslash as \\\\")
    }

    static func invalidUnicodeEscape(_ text: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .invalidEscape, nil, "invalid Unicode escape '\(text)' in a string", at: span,
            help: "write \\u{…} with 1 to 6 hexadecimal digits naming a Unicode scalar value, such as \\u{e9}")
    }

    static func controlCharacterInString(at span: SourceSpan, scalar: Unicode.Scalar) -> Diagnostic {
        let hex = String(scalar.value, radix: 16)
        return Diagnostic(
            .controlCharacterInString, nil, "control character \(scalarName(scalar)) in a string", at: span,
            help: "write it as an escape, such as \\u{\(hex)}, if it is really meant")
    }

    static func numberTooLong(_ text: String, digits: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .invalidNumber, nil, "number '\(text)' has \(digits) digits; the most is \(Lexer.maximumDigits)", at: span)
    }

    static func invalidDurationUnit(_ text: String, unit: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .invalidNumber, nil, "invalid number '\(text)': '\(unit)' is not a duration unit", at: span,
            help: "a duration is a whole number directly followed by 's', 'm' or 'h', such as '90s' or '2m'")
    }
}

// MARK: - Bytes

extension UInt8 {
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let lineFeed = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let hash = UInt8(ascii: "#")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let minus = UInt8(ascii: "-")
    fileprivate static let greaterThan = UInt8(ascii: ">")
    fileprivate static let equals = UInt8(ascii: "=")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let dot = UInt8(ascii: ".")
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
    fileprivate static let zero = UInt8(ascii: "0")

    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    /// `letter = A–Z a–z _` (Grammar.md §1).
    fileprivate var isLetter: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || self == UInt8(ascii: "_")
    }

    fileprivate var hexValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): self - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
