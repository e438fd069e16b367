import FlowDiagnostics

/// What parsing one file produced: its syntax tree, always complete, and the FLOW0xx lexical and FLOW1xx
/// syntax diagnostics, in presentation order.
public struct ParseResult: Sendable {
    public var syntax: FileSyntax
    public var diagnostics: [Diagnostic]

    public init(syntax: FileSyntax, diagnostics: [Diagnostic]) {
        self.syntax = syntax
        self.diagnostics = diagnostics
    }
}

/// The recursive-descent parser of Grammar.md.
///
/// There is one function per production of Grammar.md, named after it (`parseFlow`, `parseStep`,
/// `parseDial`, …), in the `Parser+*.swift` files. They share the cursor and the helpers of this file.
///
/// **Contract.** `parse` never fails and never traps, whatever the bytes: it returns a tree of every line
/// it could read, and one run reports every syntax error of the file.
///
/// **One diagnostic per line.** The language is line-oriented, so a line is the unit of recovery. The
/// first problem found on a line is reported; anything else wrong with that line is a consequence or can
/// wait for the next run, so it is not. A lexical problem (reported by the `Lexer`) counts as the line's
/// diagnostic. After its first problem a line is read no further: what comes after is missing.
///
/// **What a line that has an error becomes.**
/// - A line that does not start with a keyword its block allows becomes an `ErrorLine`, and so does the
///   indented block under it, unread (its lines are part of the `ErrorLine`'s span).
/// - A declaration (flow, setting, audio, queue, room, leg, step, document, operation) whose keyword was
///   read stays a node, with the parts it could not read missing (`Identifier.isMissing`, `nil`,
///   `.missing`): its name is declared all the same, so uses of it elsewhere do not cascade into errors.
///   Its block is read as usual.
/// - A verb line with any error becomes an `ErrorLine` (arguments and options cannot say "missing"),
///   except `gather`, which stays a node so that its nested verbs are read; a continuation it could not
///   read is `.missing`.
/// - A block that a construct requires (a flow's members, a step's verbs, a document without an audio
///   name) but that is missing is reported on the header, and the construct gets one `ErrorLine` with an
///   empty span at the end of the header, so later stages see it is incomplete.
/// - An indented block under a line that takes none is reported once (FLOW101) and becomes one
///   `ErrorLine` spanning it; its lines are not read.
/// So every `ErrorLine`, missing identifier and `.missing` target lies on a line that has a diagnostic,
/// and a file without diagnostics has none of them.
///
/// **Termination and depth.** Every loop checks that it consumed a token since its last pass (a
/// `ProgressGuard`), so no input can make the parser spin; a pass that would not progress is reported as
/// FLOW900 and skips the line. Recursion follows the nesting of blocks, and a block deeper than
/// `maximumNestingLevel` (only `gather` inside `gather` can go that deep) is reported and skipped.
/// Blocks are skipped by counting, not by recursion, so thousands of indentation levels cost no stack.
///
/// **Linear time.** The lexer hands over one line of tokens at a time, and every token is looked at a
/// constant number of times.
public enum Parser {
    /// Parses `source`. Lexical diagnostics are included in the result.
    public static func parse(_ source: SourceFile) -> ParseResult {
        parse(source, firstInvalidByte: nil)
    }

    /// Parses `source`, knowing that the loader reported its first invalid UTF-8 byte (FLOW002) at
    /// `firstInvalidByte`: that line gets no other diagnostic.
    public static func parse(_ source: SourceFile, firstInvalidByte: Int?) -> ParseResult {
        var state = State(source, firstInvalidByte: firstInvalidByte)
        let syntax = state.parseFile()
        return ParseResult(syntax: syntax, diagnostics: state.diagnostics.sorted(by: Diagnostic.presentationOrder))
    }

    /// Deeper blocks than this are reported (FLOW101) and skipped, so that the recursion stays shallow. A
    /// valid flow nests at most five blocks (flow, leg, step, gather and its verbs); only `gather` inside
    /// `gather`, which the resolver rejects, can nest deeper.
    static let maximumNestingLevel = 16
}

extension Parser {
    /// The parser's cursor and what it has found so far.
    struct State {
        let file: SourceFile
        private var lexer: Lexer
        /// The line being read, and the cursor in it.
        private(set) var line: LexedLine
        private var index = 0
        /// How many tokens have been consumed, for `ProgressGuard`.
        private(set) var position = 0
        /// The end of the last token consumed other than `newline`, `indent` and `dedent`.
        private(set) var lastTokenEnd: SourceLocation
        /// Whether the line being read had an error (reported, or suppressed because the line had one).
        private(set) var lineFailed = false
        private(set) var diagnostics: [Diagnostic] = []
        private var diagnosedLines: Set<Int> = []
        /// How many blocks are open.
        private var depth = 0
        /// The first word of the last line that began an item, for the help of FLOW101.
        private(set) var lastLineKeyword: String?

        init(_ file: SourceFile, firstInvalidByte: Int?) {
            self.file = file
            var lexer = Lexer(file, firstInvalidByte: firstInvalidByte)
            self.line = lexer.nextLine()
            self.lexer = lexer
            self.lastTokenEnd = SourceLocation(offset: 0, line: 1, column: 1)
            ingest(line)
        }

        // MARK: - Cursor

        var current: Token { line.tokens[index] }

        /// The token after the current one on the same line, if any.
        var next: Token? { index + 1 < line.tokens.count ? line.tokens[index + 1] : nil }

        /// Whether the cursor is at the end of the line's code.
        var atEndOfLine: Bool { current.kind == .newline || current.kind == .endOfFile }

        /// Consumes the current token. At the end of a line the next line is read; `endOfFile` is never
        /// consumed.
        mutating func advance() {
            switch current.kind {
            case .endOfFile: return
            case .newline, .indent, .dedent: break
            default: lastTokenEnd = current.span.end
            }
            position += 1
            index += 1
            if index >= line.tokens.count {
                line = lexer.nextLine()
                index = 0
                lineFailed = false
                ingest(line)
            }
        }

        private mutating func ingest(_ line: LexedLine) {
            if line.isDiagnosed { diagnosedLines.insert(line.line) }
            diagnostics += line.diagnostics
        }

        /// The source text of `token`.
        func text(of token: Token) -> String { token.text(in: file) }

        /// Whether `token` is the word `keyword`. Keywords are not reserved: this is asked only where the
        /// grammar expects the keyword.
        func isKeyword(_ token: Token, _ keyword: String) -> Bool {
            token.kind == .identifier && !token.isMalformed && file.utf8[token.byteRange].elementsEqual(keyword.utf8)
        }

        /// Whether the current token is a well-formed token of `kind`.
        func at(_ kind: TokenKind) -> Bool { current.kind == kind && !current.isMalformed }

        /// `keyword name` as a message quotes a header, or just `keyword` when the name is missing.
        func words(_ keyword: Identifier, _ name: Identifier) -> String {
            name.isMissing ? keyword.name : "\(keyword.name) \(name.name)"
        }

        /// A span in this file.
        func span(_ start: SourceLocation, _ end: SourceLocation) -> SourceSpan {
            SourceSpan(path: file.path, start: start, end: max(start, end))
        }

        /// The empty span where something missing was expected: at the unexpected token, or right after
        /// the last token when the line ended.
        var missingSpan: SourceSpan {
            atEndOfLine || lineFailed ? span(lastTokenEnd, lastTokenEnd) : span(current.span.start, current.span.start)
        }

        /// The span of what was expected but not found: the unexpected token, or an empty span after the
        /// last token when the line ended.
        var foundSpan: SourceSpan { atEndOfLine ? span(lastTokenEnd, lastTokenEnd) : current.span }

        /// How a message names the current token; `nil` at the end of the line.
        var found: String? { atEndOfLine ? nil : SyntaxMessage.describe(current, text: text(of: current)) }

        // MARK: - Diagnostics

        /// Records `diagnostic` unless its line has one already.
        mutating func report(_ diagnostic: Diagnostic) {
            let line = diagnostic.span?.start.line ?? 0
            guard diagnosedLines.insert(line).inserted else { return }
            diagnostics.append(diagnostic)
        }

        /// Records that the current line has an error, reporting `diagnostic` if it is the line's first.
        /// The rest of the line is read no further.
        mutating func fail(_ diagnostic: Diagnostic) {
            report(diagnostic)
            lineFailed = true
        }

        // MARK: - Reading parts of a line

        /// Consumes the current token as an identifier (a keyword that was recognised already).
        mutating func takeIdentifier() -> Identifier {
            let identifier = Identifier(name: text(of: current), span: current.span)
            advance()
            return identifier
        }

        /// Reads a name: an identifier, or a missing one after reporting `expected`.
        mutating func expectName(
            _ expected: String, after previous: String, help: String? = nil
        ) -> Identifier {
            if !lineFailed, at(.identifier) { return takeIdentifier() }
            let missing = Identifier(name: "", span: missingSpan)
            if !lineFailed {
                fail(SyntaxMessage.expected(expected, code: .expectedName, after: previous, found: found, at: foundSpan, help: help))
            }
            return missing
        }

        /// Reads a string literal, or reports `expected` (as FLOW106) and returns `nil`.
        mutating func expectString(_ expected: String, after previous: String, help: String? = nil) -> StringLiteral? {
            if !lineFailed, at(.string), let literal = stringLiteral(current) {
                advance()
                return literal
            }
            if !lineFailed {
                fail(SyntaxMessage.expected(expected, code: .expectedValue, after: previous, found: found, at: foundSpan, help: help))
            }
            return nil
        }

        /// Consumes the token `kind` if it is there; otherwise reports that `expected` was expected (as
        /// FLOW107) with `fixIt`, and returns `false`.
        mutating func expectToken(
            _ kind: TokenKind, _ expected: String, after previous: String, fixIt: FixIt? = nil
        ) -> Bool {
            if !lineFailed, at(kind) {
                advance()
                return true
            }
            if !lineFailed {
                fail(
                    SyntaxMessage.expected(
                        expected, code: .expectedToken, after: previous, found: found, at: foundSpan,
                        fixIts: fixIt.map { [$0] } ?? []))
            }
            return false
        }

        /// Consumes the word `keyword` if it is there; otherwise reports it missing (FLOW107), with a fix-it
        /// that inserts it before a string, and returns `false`.
        mutating func expectKeyword(_ keyword: String, after previous: String) -> Bool {
            if !lineFailed, isKeyword(current, keyword) {
                advance()
                return true
            }
            if !lineFailed {
                fail(
                    SyntaxMessage.expected(
                        "'\(keyword)'", code: .expectedToken, after: previous, found: found, at: foundSpan,
                        fixIts: insertion(keyword + " ", ifCurrentIs: .string).map { [$0] } ?? []))
            }
            return false
        }

        /// A fix-it that inserts `text` before the current token, if it is a well-formed `kind`.
        func insertion(_ text: String, ifCurrentIs kind: TokenKind) -> FixIt? {
            guard !atEndOfLine, at(kind) else { return nil }
            let point = span(current.span.start, current.span.start)
            return FixIt("insert '\(text.trimmingSpaces)'", edits: [TextEdit(span: point, replacement: text)])
        }

        /// Consumes an identifier if there is one (and the line has not failed).
        mutating func readWord() -> Identifier? {
            !lineFailed && at(.identifier) ? takeIdentifier() : nil
        }

        func stringLiteral(_ token: Token) -> StringLiteral? {
            guard case .string(let value) = token.value, !token.isMalformed else { return nil }
            return StringLiteral(value: value, sourceText: text(of: token), span: token.span)
        }

        // MARK: - Ending lines and blocks

        /// Ends a line: anything left on it is unexpected (reported unless the line failed already), and the
        /// `newline` is consumed. `keyword` names the construct; `expected` is what could have come instead
        /// of the unexpected token.
        /// Returns whether the line had an error.
        @discardableResult
        mutating func finishLine(after keyword: Identifier, expected: String = "the end of the line") -> Bool {
            if !lineFailed, !atEndOfLine {
                if isKeyword(current, "then") {
                    fail(SyntaxMessage.continuationNotAllowed(keyword: keyword.name, at: current.span))
                } else {
                    fail(SyntaxMessage.unexpected(found ?? "", expected: expected, at: current.span))
                }
            }
            let failed = lineFailed
            skipRestOfLine()
            return failed
        }

        /// Skips what is left of the line, its `newline` included.
        mutating func skipRestOfLine() {
            var progress = ProgressGuard()
            while !atEndOfLine, progress.advanced(position) { advance() }
            if current.kind == .newline { advance() }
        }

        /// The `ErrorLine` of a line that could not be read, from `start` to its last token; the rest of
        /// the line is skipped.
        mutating func errorLine(from start: SourceLocation, trivia: Trivia) -> ErrorLine {
            skipRestOfLine()
            return ErrorLine(trivia: trivia, span: span(start, lastTokenEnd))
        }

        /// Stands for a required block that is missing: reports `diagnostic` on the header and returns the
        /// one `ErrorLine`, empty, that marks the construct as incomplete.
        mutating func missingBlock<Node>(_ diagnostic: Diagnostic) -> [BlockItem<Node>] {
            report(diagnostic)
            return [.error(ErrorLine(trivia: Trivia(), span: span(lastTokenEnd, lastTokenEnd)))]
        }

        /// Reads the block whose `indent` is the current token, up to and including its `dedent`, with
        /// `parseItem` reading each line that starts an item.
        mutating func parseBlock<Node>(
            _ parseItem: (inout State, Trivia) -> BlockItem<Node>
        ) -> [BlockItem<Node>] {
            guard depth < Parser.maximumNestingLevel else {
                let trivia = line.trivia
                let first = next ?? current
                report(SyntaxMessage.nestedTooDeeply(at: first.span, limit: Parser.maximumNestingLevel))
                skipBlock()
                return [.error(ErrorLine(trivia: trivia, span: span(first.span.start, lastTokenEnd)))]
            }
            advance()
            depth += 1
            defer { depth -= 1 }
            let items = parseItems(parseItem)
            if current.kind == .dedent { advance() }
            return items
        }

        /// Reads items until the block ends (a `dedent` or the end of the file), each with `parseItem`.
        /// Every item consumes its line; an indented block that no item took is skipped as unexpected.
        mutating func parseItems<Node>(
            _ parseItem: (inout State, Trivia) -> BlockItem<Node>
        ) -> [BlockItem<Node>] {
            var items: [BlockItem<Node>] = []
            var progress = ProgressGuard()
            while current.kind != .dedent, current.kind != .endOfFile {
                guard progress.advanced(position) else {
                    noProgress()
                    continue
                }
                if current.kind == .indent {
                    skipUnexpectedBlock(after: &items)
                    continue
                }
                lastLineKeyword = current.kind == .identifier ? text(of: current) : nil
                items.append(parseItem(&self, line.trivia))
            }
            return items
        }

        /// Skips the indented block at the cursor. After an `ErrorLine` the block belongs to it (its header
        /// was unreadable, and reported); otherwise it is reported as unexpected (FLOW101) and becomes an
        /// `ErrorLine` of its own.
        private mutating func skipUnexpectedBlock<Node>(after items: inout [BlockItem<Node>]) {
            if case .error(var errorLine)? = items.last {
                skipBlock()
                errorLine.span = span(errorLine.span.start, lastTokenEnd)
                items[items.count - 1] = .error(errorLine)
                return
            }
            let trivia = line.trivia
            let first = next ?? current
            report(SyntaxMessage.unexpectedIndentation(at: first.span, after: items.isEmpty ? nil : lastLineKeyword))
            skipBlock()
            items.append(.error(ErrorLine(trivia: trivia, span: span(first.span.start, lastTokenEnd))))
        }

        /// Skips from the `indent` at the cursor to its matching `dedent`, counting, without recursion.
        mutating func skipBlock() {
            var level = 0
            var progress = ProgressGuard()
            repeat {
                switch current.kind {
                case .indent: level += 1
                case .dedent: level -= 1
                case .endOfFile: return
                default: break
                }
                advance()
            } while level > 0 && progress.advanced(position)
        }

        /// A loop would have run again without consuming anything: a parser bug. It is reported and the
        /// line skipped, so the parse still ends.
        private mutating func noProgress() {
            diagnostics.append(
                Diagnostic(
                    .internalError, .error, "internal error: the parser made no progress", at: current.span,
                    help: "please report this with the file that caused it"))
            if atEndOfLine { advance() } else { skipRestOfLine() }
        }
    }
}

/// Makes every parser loop finite: each pass must have consumed a token since the previous one.
struct ProgressGuard {
    private var lastPosition = -1

    /// Whether the cursor moved since the last call (always `true` the first time).
    mutating func advanced(_ position: Int) -> Bool {
        defer { lastPosition = position }
        return position > lastPosition
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
