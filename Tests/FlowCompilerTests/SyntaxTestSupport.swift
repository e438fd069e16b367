import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// Helpers shared by the lexer, parser and grammar tests.
enum SyntaxTesting {
    static func parse(_ text: String, path: String = "test.flow") -> ParseResult {
        Parser.parse(SourceFile(path: path, text: text))
    }

    /// The source text that `span` covers in `text`.
    static func text(_ span: SourceSpan, in text: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[span.start.offset..<span.end.offset], as: UTF8.self)
    }

    /// `CODE line:column` for each diagnostic, for compact comparisons.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code) \($0.span.map { "\($0.start.line):\($0.start.column)" } ?? "-")" }
    }

    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every fenced block marked `flow` in Grammar.md, with the line its code starts on.
    static func grammarExamples() throws -> [GrammarExample] {
        let grammar = try String(contentsOf: repositoryRoot.appendingPathComponent("Grammar.md"), encoding: .utf8)
        var examples: [GrammarExample] = []
        var current: (line: Int, lines: [String])?
        for (index, line) in grammar.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if current == nil, line == "```flow" {
                current = (index + 2, [])
            } else if let block = current, line == "```" {
                examples.append(GrammarExample(line: block.line, text: block.lines.map { $0 + "\n" }.joined()))
                current = nil
            } else if current != nil {
                current?.lines.append(String(line))
            }
        }
        return examples
    }

    /// The ```ebnf blocks of Grammar.md, concatenated.
    static func grammarProductions() throws -> [String] {
        let grammar = try String(contentsOf: repositoryRoot.appendingPathComponent("Grammar.md"), encoding: .utf8)
        var names: [String] = []
        var inGrammar = false
        for line in grammar.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```ebnf" { inGrammar = true; continue }
            if line == "```" { inGrammar = false; continue }
            guard inGrammar, let equals = line.firstIndex(of: "="), !line.hasPrefix(" ") else { continue }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" }) { names.append(name) }
        }
        return names
    }

    /// Checks what must hold of any parse, whatever the input: every span lies inside the file at the
    /// location `SourceFile` computes for its offsets, and nothing is broken without a diagnostic on its
    /// line. Returns the problems found.
    static func invariantViolations(of result: ParseResult, in file: SourceFile, firstInvalidByte: Int? = nil) -> [String] {
        var problems: [String] = []
        func check(_ span: SourceSpan, _ what: String) {
            guard span.start.offset >= 0, span.start.offset <= span.end.offset, span.end.offset <= file.utf8.count else {
                problems.append("\(what) span \(span.start.offset)..<\(span.end.offset) outside the file")
                return
            }
            if span.start != file.location(ofOffset: span.start.offset) || span.end != file.location(ofOffset: span.end.offset) {
                problems.append("\(what) span at offset \(span.start.offset) has a wrong line or column")
            }
        }
        var diagnosedLines = Set(result.diagnostics.compactMap { $0.span?.start.line })
        if let byte = firstInvalidByte { diagnosedLines.insert(file.line(ofOffset: byte)) }
        for diagnostic in result.diagnostics {
            guard let span = diagnostic.span else {
                problems.append("\(diagnostic.code) without a span")
                continue
            }
            check(span, "\(diagnostic.code)")
            if diagnostic.code == .internalError { problems.append("internal error: \(diagnostic.message)") }
        }
        let lines = result.diagnostics.compactMap { $0.span?.start.line }
        if Set(lines).count != lines.count { problems.append("more than one diagnostic on a line: \(summary(result.diagnostics))") }
        for defect in SyntaxDefects.collect(result.syntax) {
            check(defect.span, defect.what)
            if !diagnosedLines.contains(defect.span.start.line) {
                problems.append("\(defect.what) at \(defect.span.start.line):\(defect.span.start.column) without a diagnostic on its line")
            }
        }
        return problems
    }
}

struct GrammarExample: CustomTestStringConvertible, Sendable {
    var line: Int
    var text: String
    var testDescription: String { "Grammar.md:\(line)" }
}

/// Every part of a tree that the parser could not read: `ErrorLine`s, missing names and values, `.missing`
/// targets. A file without diagnostics has none.
enum SyntaxDefects {
    struct Defect {
        var what: String
        var span: SourceSpan
    }

    static func collect(_ syntax: FileSyntax) -> [Defect] {
        var walker = Walker()
        walker.items(syntax.flows) { walker, flow in
            walker.name(flow.name, "flow name")
            walker.items(flow.members) { walker, member in walker.flowMember(member) }
        }
        return walker.defects
    }

    private struct Walker {
        var defects: [Defect] = []

        mutating func items<Node>(_ items: [BlockItem<Node>], _ body: (inout Walker, Node) -> Void) {
            for item in items {
                switch item {
                case .node(let node): body(&self, node)
                case .error(let line): defects.append(Defect(what: "error line", span: line.span))
                }
            }
        }

        mutating func name(_ identifier: Identifier, _ what: String) {
            if identifier.isMissing { defects.append(Defect(what: "missing \(what)", span: identifier.span)) }
        }

        mutating func flowMember(_ member: FlowMember) {
            switch member {
            case .setting(let setting):
                if setting.value == nil { defects.append(Defect(what: "missing setting value", span: setting.span)) }
            case .audio(let audio):
                name(audio.name, "audio name")
                if audio.url == nil { defects.append(Defect(what: "missing audio URL", span: audio.span)) }
            case .resource(let resource):
                name(resource.name, "resource name")
                items(resource.documents) { walker, document in walker.document(document) }
            case .leg(let leg):
                name(leg.name, "leg name")
                if leg.role == nil { defects.append(Defect(what: "missing leg role", span: leg.roleKeyword.span)) }
                items(leg.members) { walker, member in
                    switch member {
                    case .step(let step):
                        walker.name(step.name, "step name")
                        walker.verbs(step.verbs)
                    case .document(let document):
                        walker.document(document)
                    case .entryCase(let line):
                        walker.verbs([.node(line)])
                    }
                }
            case .operation(let operation):
                if operation.kind == nil { defects.append(Defect(what: "missing operation kind", span: operation.kindKeyword.span)) }
                name(operation.leg, "operation leg")
                switch operation.target {
                case .room(_, let room): name(room, "room")
                case .step(let reference): stepReference(reference)
                case .missing: defects.append(Defect(what: "missing operation target", span: operation.span))
                }
                operation.during.forEach { stepReference($0) }
            }
        }

        mutating func stepReference(_ reference: StepReference) {
            if let leg = reference.leg { name(leg, "leg in step reference") }
            name(reference.step, "step in step reference")
        }

        mutating func document(_ document: DocumentSyntax) {
            if let asset = document.asset { name(asset, "asset") }
            verbs(document.verbs)
        }

        mutating func verbs(_ list: [BlockItem<VerbSyntax>]) {
            items(list) { walker, verb in
                for argument in verb.arguments {
                    if case .identifier(let identifier) = argument.value { walker.name(identifier, "argument") }
                }
                if let continuation = verb.continuation {
                    switch continuation.target {
                    case .step(let step): walker.name(step, "continuation step")
                    case .hangup: break
                    case .missing: walker.defects.append(Defect(what: "missing continuation", span: continuation.span))
                    }
                }
                walker.verbs(verb.body)
            }
        }
    }
}

/// A deterministic random number generator (SplitMix64), so that noise tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
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
