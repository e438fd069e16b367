import FlowCompiler

/// A text rendering of a syntax tree's structure, for tests: one node per line, children indented by
/// two spaces, without spans and without trivia (comments, blank lines).
///
/// Two trees that mean the same have the same dump, whatever their layout; that is how the formatter
/// tests prove that formatting never changes meaning (`dump(parse(format(x))) == dump(parse(x))`).
/// Literals show their source text, and in parentheses what it means where the two differ
/// (`"caf\u{e9}" (value "café")`, `2m (value 120s)`), so a changed spelling shows up too.
/// Parts the parser could not read appear as `<missing>` and `<error line>`.
public enum SyntaxDump {
    /// The dump of `syntax`, ending in a newline.
    public static func dump(_ syntax: FileSyntax) -> String {
        var dump = DumpWriter()
        dump.line(0, "file")
        dump.items(syntax.flows, depth: 1) { dump, flow, depth in
            dump.line(depth, "flow", name(flow.name))
            dump.items(flow.members, depth: depth + 1) { dump, member, depth in
                dump.flowMember(member, depth: depth)
            }
        }
        return dump.text
    }

    /// Every comment of `syntax` in source order (leading comments of a line, then its trailing comment,
    /// then the lines under it; the end-of-file comments last), so tests can check that none is lost.
    public static func comments(_ syntax: FileSyntax) -> [Comment] {
        var comments: [Comment] = []
        func line(_ trivia: Trivia) {
            comments += trivia.leadingComments
            if let trailing = trivia.trailingComment { comments.append(trailing) }
        }
        func each<Node>(_ items: [BlockItem<Node>], _ body: (Node) -> Void) {
            for item in items {
                switch item {
                case .node(let node): body(node)
                case .error(let errorLine): line(errorLine.trivia)
                }
            }
        }
        func verbs(_ items: [BlockItem<VerbSyntax>]) {
            each(items) { verb in
                line(verb.trivia)
                verbs(verb.body)
            }
        }
        func document(_ document: DocumentSyntax) {
            line(document.trivia)
            verbs(document.verbs)
        }
        each(syntax.flows) { flow in
            line(flow.trivia)
            each(flow.members) { member in
                switch member {
                case .setting(let setting): line(setting.trivia)
                case .audio(let audio): line(audio.trivia)
                case .operation(let operation): line(operation.trivia)
                case .resource(let resource):
                    line(resource.trivia)
                    each(resource.documents, document)
                case .leg(let leg):
                    line(leg.trivia)
                    each(leg.members) { member in
                        switch member {
                        case .step(let step):
                            line(step.trivia)
                            verbs(step.verbs)
                        case .document(let member): document(member)
                        case .entryCase(let line): verbs([.node(line)])
                        }
                    }
                }
            }
        }
        return comments + syntax.trailingComments
    }

    fileprivate static func name(_ identifier: Identifier) -> String {
        identifier.isMissing ? "<missing>" : identifier.name
    }

    fileprivate static func literal(_ string: StringLiteral?) -> String {
        guard let string else { return "<missing>" }
        let value = String(reflecting: string.value)
        return string.sourceText == value ? value : "\(string.sourceText) (value \(value))"
    }

    fileprivate static func value(_ value: Value) -> String {
        switch value {
        case .string(let string):
            return literal(string)
        case .integer(let integer):
            let meaning = String(integer.value)
            return integer.sourceText == meaning ? meaning : "\(integer.sourceText) (value \(meaning))"
        case .duration(let duration):
            let meaning = "\(duration.seconds)s"
            return duration.sourceText == meaning ? meaning : "\(duration.sourceText) (value \(meaning))"
        case .identifier(let identifier):
            return name(identifier)
        }
    }

    fileprivate static func stepReference(_ reference: StepReference) -> String {
        guard let leg = reference.leg else { return name(reference.step) }
        return "\(name(leg)).\(name(reference.step))"
    }
}

/// Accumulates the dump's lines.
private struct DumpWriter {
    private var lines: [String] = []

    var text: String { lines.map { $0 + "\n" }.joined() }

    mutating func line(_ depth: Int, _ words: String...) {
        lines.append(String(repeating: "  ", count: depth) + words.joined(separator: " "))
    }

    /// Dumps each node with `body`, and each unreadable line as `<error line>`.
    mutating func items<Node>(
        _ items: [BlockItem<Node>], depth: Int, _ body: (inout DumpWriter, Node, Int) -> Void
    ) {
        for item in items {
            switch item {
            case .node(let node): body(&self, node, depth)
            case .error: line(depth, "<error line>")
            }
        }
    }

    mutating func flowMember(_ member: FlowMember, depth: Int) {
        switch member {
        case .setting(let setting):
            line(depth, "setting", setting.kind.rawValue, SyntaxDump.literal(setting.value))
        case .audio(let audio):
            line(depth, "audio", SyntaxDump.name(audio.name), "=", SyntaxDump.literal(audio.url))
        case .resource(let resource):
            line(depth, resource.kind.rawValue, SyntaxDump.name(resource.name))
            options(resource.options, depth: depth + 1)
            items(resource.documents, depth: depth + 1) { dump, document, depth in
                dump.document(document, depth: depth)
            }
        case .leg(let leg):
            line(
                depth, "leg", SyntaxDump.name(leg.name),
                leg.role?.rawValue ?? "<role \(SyntaxDump.name(leg.roleKeyword))>")
            items(leg.members, depth: depth + 1) { dump, member, depth in
                switch member {
                case .step(let step):
                    dump.line(depth, "step", SyntaxDump.name(step.name))
                    dump.verbs(step.verbs, depth: depth + 1)
                case .document(let document):
                    dump.document(document, depth: depth)
                case .entryCase(let line):
                    dump.verbs([.node(line)], depth: depth)
                }
            }
        case .operation(let operation):
            let target: String
            switch operation.target {
            case .room(_, let room): target = "in \(SyntaxDump.name(room))"
            case .step(let reference): target = "-> \(SyntaxDump.stepReference(reference))"
            case .missing: target = "<missing>"
            }
            let kind = operation.kind?.rawValue ?? "<kind \(SyntaxDump.name(operation.kindKeyword))>"
            line(depth, "operation", kind, SyntaxDump.name(operation.leg), target)
            for reference in operation.during {
                line(depth + 1, "during", SyntaxDump.stepReference(reference))
            }
        }
    }

    mutating func document(_ document: DocumentSyntax, depth: Int) {
        let asset = document.asset.map { " " + SyntaxDump.name($0) } ?? ""
        line(depth, "document", document.kind.rawValue + asset)
        verbs(document.verbs, depth: depth + 1)
    }

    mutating func verbs(_ verbs: [BlockItem<VerbSyntax>], depth: Int) {
        items(verbs, depth: depth) { dump, verb, depth in
            dump.line(depth, "verb", verb.kind.rawValue)
            for argument in verb.arguments {
                dump.line(
                    depth + 1, "argument", argument.label.map(SyntaxDump.name) ?? "-", SyntaxDump.value(argument.value))
            }
            dump.options(verb.options, depth: depth + 1)
            if let continuation = verb.continuation {
                let then = continuation.thenKeyword == nil ? "" : "then "
                switch continuation.target {
                case .step(let step): dump.line(depth + 1, "continuation", "\(then)-> \(SyntaxDump.name(step))")
                case .hangup: dump.line(depth + 1, "continuation", "\(then)hangup")
                case .missing: dump.line(depth + 1, "continuation", "\(then)<missing>")
                }
            }
            dump.verbs(verb.body, depth: depth + 1)
        }
    }

    mutating func options(_ options: [OptionSyntax], depth: Int) {
        for option in options {
            let value = option.value.map { "=" + SyntaxDump.value($0) } ?? ""
            line(depth, "option", SyntaxDump.name(option.name) + value)
        }
    }
}
