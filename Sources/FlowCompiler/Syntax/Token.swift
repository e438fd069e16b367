import FlowDiagnostics

/// The kinds of token of Grammar.md §1. Comments are not tokens: the lexer keeps them as `Trivia`.
public enum TokenKind: String, Sendable, Hashable, CaseIterable {
    /// A name or keyword: `letter { letter | digit | "_" }`. Keywords are not reserved (Grammar.md §1).
    case identifier
    /// A double-quoted string on one line.
    case string
    /// Decimal digits without a unit.
    case integer
    /// Digits directly followed by `s`, `m` or `h`.
    case duration
    /// `->`
    case arrow
    /// `=`
    case equals
    /// `,`
    case comma
    /// `.`
    case dot
    /// The end of a line that holds code (LF or CR LF; empty at the end of a file without a final line break).
    case newline
    /// The start of a block: the line is indented deeper than the line above.
    case indent
    /// The end of a block: the line returns to an outer indentation.
    case dedent
    /// The end of the file, after the last `newline` and `dedent`.
    case endOfFile
    /// Characters that start no token (FLOW003), or a U+FFFD left by invalid UTF-8 (FLOW002).
    case invalid
}

/// What a literal token means, decoded once by the lexer.
public enum TokenValue: Sendable, Hashable {
    /// Tokens that are not literals, and literals too malformed to have a value.
    case none
    /// The decoded text of a string (escapes resolved).
    case string(String)
    /// The value of an integer.
    case integer(Int)
    /// A duration converted to whole seconds.
    case duration(seconds: Int)
}

/// One token and where it is.
///
/// `isMalformed` marks a token the lexer found wrong (an unterminated string, a bad escape, an oversized
/// number, an unexpected character). Its problem has been reported on its line already, so the parser
/// never accepts it as what it expects and never reports it a second time.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    /// The exact source range: for `indent`, `dedent` and `endOfFile` an empty span where the line's first
    /// token (or the end of the file) starts.
    public var span: SourceSpan
    public var value: TokenValue
    public var isMalformed: Bool

    public init(kind: TokenKind, span: SourceSpan, value: TokenValue = .none, isMalformed: Bool = false) {
        self.kind = kind
        self.span = span
        self.value = value
        self.isMalformed = isMalformed
    }

    /// The UTF-8 range of the token in its file.
    var byteRange: Range<Int> { span.start.offset..<span.end.offset }

    /// The token's source text in `file`, the file it was read from.
    public func text(in file: SourceFile) -> String {
        String(decoding: file.utf8[byteRange], as: UTF8.self)
    }
}
