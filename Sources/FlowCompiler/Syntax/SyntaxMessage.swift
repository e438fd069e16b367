import FlowDiagnostics

/// The parser's diagnostics (FLOW1xx), one factory per problem, so that their wording, which is user
/// documentation, reads in one place. Messages say what was expected and what was found.
enum SyntaxMessage {
    /// How a message names a token: `'word'`, `string "…"`, `integer '42'`.
    static func describe(_ token: Token, text: String) -> String {
        let shown = text.count > 24 ? text.prefix(21) + "…" : Substring(text)
        switch token.kind {
        case .identifier, .arrow, .equals, .comma, .dot, .invalid: return "'\(shown)'"
        case .string: return "string \(shown)"
        case .integer: return "integer '\(shown)'"
        case .duration: return "duration '\(shown)'"
        case .newline, .endOfFile: return "the end of the line"
        case .indent, .dedent: return "indentation"
        }
    }

    /// FLOW105–FLOW107: something the line needs is not where it belongs.
    static func expected(
        _ what: String, code: DiagnosticCode, after previous: String, found: String?, at span: SourceSpan,
        help: String? = nil, fixIts: [FixIt] = []
    ) -> Diagnostic {
        let message = "expected \(what) after '\(previous)'" + (found.map { ", found \($0)" } ?? "")
        return Diagnostic(code, nil, message, at: span, help: help, fixIts: fixIts)
    }

    static func unexpectedIndentation(at span: SourceSpan, after keyword: String?) -> Diagnostic {
        let help: String
        switch keyword {
        case nil:
            help = "the first line of a file is not indented"
        case let verb? where LineContext.verbKeywords.contains(verb):
            help = "only 'gather' has nested verbs; '\(verb)' takes no indented block"
        case let document? where LineContext.documentKeywords.contains(document):
            help = "a document is either one audio name ('\(document) music') or an indented block of verbs"
        case let word?:
            help = "'\(word)' takes no indented block; indent a line only under a line that opens a block"
        }
        return Diagnostic(.unexpectedIndentation, nil, "unexpected indentation", at: span, help: help)
    }

    static func nestedTooDeeply(at span: SourceSpan, limit: Int) -> Diagnostic {
        Diagnostic(
            .unexpectedIndentation, nil, "block nested too deeply", at: span,
            help: "a flow nests at most five blocks; this one is inside \(limit)")
    }

    static func missingBlock(_ what: String, after header: String, at span: SourceSpan, help: String? = nil) -> Diagnostic {
        Diagnostic(.missingBlock, nil, "expected an indented block of \(what) after '\(header)'", at: span, help: help)
    }

    static func unknownKeyword(_ word: String, context: LineContext, suggestion: String?, at span: SourceSpan) -> Diagnostic {
        let noun: String
        switch context {
        case .file: noun = "top-level keyword"
        case .flow: noun = "flow member"
        case .resource: noun = "document kind"
        case .leg: noun = "leg member"
        case .step, .document, .gather: noun = "verb"
        case .cases: noun = "case keyword"
        }
        return Diagnostic(
            .unknownKeyword, nil, "unknown \(noun) '\(word)'", at: span,
            help: suggestion.map { "did you mean '\($0)'?" } ?? "expected \(context.expectation) \(context.place)",
            fixIts: replacement(of: word, by: suggestion, at: span))
    }

    static func expectedKeyword(_ context: LineContext, found: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.unknownKeyword, nil, "expected \(context.expectation) \(context.place), found \(found)", at: span)
    }

    static func misplacedKeyword(_ word: String, place: String, home: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.misplacedKeyword, nil, "'\(word)' cannot appear \(place)", at: span, help: home)
    }

    /// FLOW108: a token where the line should have ended (or, where options are read, an option).
    static func unexpected(_ found: String, expected: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.unexpectedToken, nil, "expected \(expected), found \(found)", at: span)
    }

    static func expectedOptionValue(_ name: String, found: String?, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .expectedOptionValue, nil, "expected a value after '\(name)='" + (found.map { ", found \($0)" } ?? ""), at: span,
            help: "a value is a string, an integer, a duration or a word; a flag is written without '='")
    }

    static func missingContinuation(_ keyword: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .missingContinuation, nil, "'\(keyword)' needs a continuation", at: span,
            help: "end the line with 'then -> STEP' or 'then hangup': it says where the leg goes when '\(keyword)' is done")
    }

    static func invalidContinuation(found: String?, at span: SourceSpan, fixIts: [FixIt]) -> Diagnostic {
        Diagnostic(
            .invalidContinuation, nil, "expected '->' or 'hangup' after 'then'" + (found.map { ", found \($0)" } ?? ""), at: span,
            help: "a continuation is 'then -> STEP' or 'then hangup'", fixIts: fixIts)
    }

    static func unknownWord(
        _ word: String?, code: DiagnosticCode, what: String, after previous: String, found: String?,
        choices: [String], at span: SourceSpan
    ) -> Diagnostic {
        guard let word else {
            return expected(what, code: code, after: previous, found: found, at: span, help: "write \(LineContext.list(choices))")
        }
        let suggestion = LineContext.suggestion(for: word, among: choices)
        return Diagnostic(
            code, nil, "unknown \(what.droppingArticle) '\(word)'", at: span,
            help: suggestion.map { "did you mean '\($0)'?" } ?? "write \(LineContext.list(choices))",
            fixIts: replacement(of: word, by: suggestion, at: span))
    }

    static func continuationNotAllowed(keyword: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .continuationNotAllowed, nil, "'\(keyword)' takes no continuation", at: span,
            help: "only 'gather', 'record', 'dial', 'join' and 'enqueue' end with 'then'; after '\(keyword)' "
                + "write 'go -> STEP' or 'hangup' on a line of its own")
    }

    private static func replacement(of word: String, by suggestion: String?, at span: SourceSpan) -> [FixIt] {
        guard let suggestion else { return [] }
        return [FixIt("replace '\(word)' with '\(suggestion)'", edits: [TextEdit(span: span, replacement: suggestion)])]
    }
}

extension String {
    /// `a leg role` → `leg role`, `an operation kind` → `operation kind`.
    fileprivate var droppingArticle: String {
        for article in ["a ", "an "] where hasPrefix(article) { return String(dropFirst(article.count)) }
        return self
    }
}
