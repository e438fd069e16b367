/// `flowc fmt`: prints a syntax tree in the one canonical layout of Grammar.md ("Canonical layout").
///
/// The formatter reprints the tree, it does not edit the source text. What must hold:
/// - **Meaning is preserved.** Every string, integer and duration is written exactly as its `sourceText`;
///   names and keywords as read. Parsing the output gives the same tree once spans and trivia are ignored
///   (the test support target's `SyntaxDump` shows that tree).
/// - **Every comment is kept at its line**: a whole-line comment stays above the line it preceded, a
///   trailing comment stays at the end of its line.
/// - **Idempotent**: formatting formatted text changes nothing.
/// - **Total**: a tree with a syntax error (an `ErrorLine`, a missing name, value or target) is refused
///   with `nil` instead of printed, so `fmt` never rewrites a file it could not fully read.
public enum SourceFormatter {
    /// The canonical text of `syntax`, with LF line ends and one final newline (an empty file stays empty),
    /// or `nil` when the tree has a syntax error.
    public static func format(_ syntax: FileSyntax) -> String? {
        var printer = LayoutPrinter()
        do {
            for item in syntax.flows {
                try printer.flow(item.required())
            }
        } catch {
            return nil
        }
        printer.writer.endOfFile(syntax.trailingComments)
        return printer.writer.text
    }
}

/// Thrown when the tree has a part the parser could not read; `SourceFormatter.format` turns it into `nil`.
private struct UnreadablePart: Error {}

extension BlockItem {
    fileprivate func required() throws -> Node {
        guard let node else { throw UnreadablePart() }
        return node
    }
}

/// Walks the tree and hands each line, as its words, to a `LineWriter`.
private struct LayoutPrinter {
    var writer = LineWriter()

    mutating func flow(_ flow: FlowSyntax) throws {
        writer.line(["flow", try word(flow.name)], trivia: flow.trivia, depth: 0, opensBlock: !flow.members.isEmpty)
        for item in flow.members {
            switch try item.required() {
            case .setting(let setting): try self.setting(setting)
            case .audio(let audio): try self.audio(audio)
            case .resource(let resource): try self.resource(resource)
            case .leg(let leg): try self.leg(leg)
            case .operation(let operation): try self.operation(operation)
            }
        }
    }

    // MARK: - Flow members

    private mutating func setting(_ setting: SettingSyntax) throws {
        guard let value = setting.value else { throw UnreadablePart() }
        let keywords = setting.kind == .serve ? ["serve", "at"] : [setting.kind.rawValue]
        writer.line(keywords + [try literal(value)], trivia: setting.trivia, depth: 1)
    }

    private mutating func audio(_ audio: AudioSyntax) throws {
        guard let url = audio.url else { throw UnreadablePart() }
        writer.line(["audio", try word(audio.name), "=", try literal(url)], trivia: audio.trivia, depth: 1)
    }

    private mutating func resource(_ resource: ResourceSyntax) throws {
        let words = [resource.kind.rawValue, try word(resource.name)] + (try resource.options.map(option))
        writer.line(words, trivia: resource.trivia, depth: 1, opensBlock: !resource.documents.isEmpty)
        for item in resource.documents {
            try document(item.required(), depth: 2)
        }
    }

    private mutating func leg(_ leg: LegSyntax) throws {
        guard let role = leg.role else { throw UnreadablePart() }
        writer.line(
            ["leg", try word(leg.name), role.rawValue], trivia: leg.trivia, depth: 1, opensBlock: !leg.members.isEmpty)
        for item in leg.members {
            switch try item.required() {
            case .step(let step):
                writer.line(
                    ["step", try word(step.name)], trivia: step.trivia, depth: 2, opensBlock: !step.verbs.isEmpty)
                try verbs(step.verbs, depth: 3)
            case .document(let document):
                try self.document(document, depth: 2)
            case .entryCase(let line):
                try verbs([.node(line)], depth: 2)
            }
        }
    }

    private mutating func operation(_ operation: OperationSyntax) throws {
        guard let kind = operation.kind else { throw UnreadablePart() }
        var words = ["operation", kind.rawValue, try word(operation.leg)]
        switch operation.target {
        case .room(_, let room): words += ["in", try word(room)]
        case .step(let reference): words += ["->", try stepReference(reference)]
        case .missing: throw UnreadablePart()
        }
        if !operation.during.isEmpty {
            words += ["during", try operation.during.map(stepReference).joined(separator: ", ")]
        }
        writer.line(words, trivia: operation.trivia, depth: 1)
    }

    // MARK: - Blocks of verbs

    private mutating func document(_ document: DocumentSyntax, depth: Int) throws {
        var words = [document.kind.rawValue]
        if let asset = document.asset { words.append(try word(asset)) }
        writer.line(words, trivia: document.trivia, depth: depth, opensBlock: !document.verbs.isEmpty)
        try verbs(document.verbs, depth: depth + 1)
    }

    private mutating func verbs(_ items: [BlockItem<VerbSyntax>], depth: Int) throws {
        for item in items {
            let verb = try item.required()
            var words = [verb.kind.rawValue]
            if verb.kind == .on {
                // `on [speech] "a", "b" -> step`: the label once, the values separated by commas.
                if let label = verb.arguments.first?.label { words.append(try word(label)) }
                let values = try verb.arguments.map { try value($0.value) }
                words += values.enumerated().map { $0 < values.count - 1 ? $1 + "," : $1 }
            } else {
                for argument in verb.arguments {
                    if let label = argument.label { words.append(try word(label)) }
                    words.append(try value(argument.value))
                }
            }
            words += try verb.options.map(option)
            if let continuation = verb.continuation { words += try self.continuation(continuation) }
            writer.line(words, trivia: verb.trivia, depth: depth, opensBlock: !verb.body.isEmpty)
            try verbs(verb.body, depth: depth + 1)
        }
    }

    // MARK: - Words

    private func word(_ identifier: Identifier) throws -> String {
        guard !identifier.isMissing else { throw UnreadablePart() }
        return identifier.name
    }

    private func literal(_ string: StringLiteral) throws -> String {
        guard !string.sourceText.isEmpty else { throw UnreadablePart() }
        return string.sourceText
    }

    private func value(_ value: Value) throws -> String {
        switch value {
        case .string(let string): try literal(string)
        case .integer(let integer): integer.sourceText
        case .duration(let duration): duration.sourceText
        case .identifier(let identifier): try word(identifier)
        }
    }

    private func option(_ option: OptionSyntax) throws -> String {
        let name = try word(option.name)
        guard let value = option.value else { return name }
        return "\(name)=\(try self.value(value))"
    }

    private func continuation(_ continuation: ContinuationSyntax) throws -> [String] {
        let then = continuation.thenKeyword == nil ? [] : ["then"]
        switch continuation.target {
        case .step(let step): return then + ["->", try word(step)]
        case .hangup: return then + ["hangup"]
        case .missing: throw UnreadablePart()
        }
    }

    private func stepReference(_ reference: StepReference) throws -> String {
        let step = try word(reference.step)
        guard let leg = reference.leg else { return step }
        return "\(try word(leg)).\(step)"
    }
}
