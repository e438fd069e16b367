import FlowCompiler
import FlowDiagnostics

// Hover, definition, references, highlights, document symbols, formatting and code actions: each reads
// the open buffer's symbol index (the parser's tree, so they work while the buffer has errors) or the
// diagnostics last published for it.

extension LanguageServer {
    // MARK: - Definition, references, highlights

    func definition(_ params: JSON) throws -> JSON {
        let (document, offset) = try documentAndOffset(in: params)
        guard let occurrence = document.index.occurrence(at: offset),
            let definition = document.index.definition(of: occurrence.key)
        else { return .null }
        return location(definition.span)
    }

    func references(_ params: JSON) throws -> JSON {
        let (document, offset) = try documentAndOffset(in: params)
        guard let occurrence = document.index.occurrence(at: offset) else { return .null }
        let includeDeclaration = params["context"]?["includeDeclaration"]?.boolValue ?? true
        return .array(
            document.index.references(to: occurrence.key, includeDeclaration: includeDeclaration).map {
                location($0.span)
            })
    }

    func highlights(_ params: JSON) throws -> JSON {
        let (document, offset) = try documentAndOffset(in: params)
        guard let occurrence = document.index.occurrence(at: offset) else { return .null }
        return .array(
            document.index.references(to: occurrence.key, includeDeclaration: true).map {
                // 3: write (the declaration), 2: read (a use).
                ["range": range(of: $0.span).json, "kind": .int($0.isDefinition ? 3 : 2)]
            })
    }

    // MARK: - Rename

    /// The name under the cursor, if it can be renamed: every kind but an operation, whose name is derived
    /// from its kind and leg (rename the leg instead).
    func prepareRename(_ params: JSON) throws -> JSON {
        let (document, offset) = try documentAndOffset(in: params)
        guard let occurrence = document.index.occurrence(at: offset), occurrence.key.kind != .operation else {
            return .null
        }
        return ["range": range(of: occurrence.span).json, "placeholder": .string(occurrence.key.name)]
    }

    /// Renames every occurrence of the symbol in its flow. The new name must be an identifier (Grammar.md §1),
    /// and must not be a name of the same kind already in that scope, which would merge two symbols.
    func rename(_ params: JSON) throws -> JSON {
        let (document, offset) = try documentAndOffset(in: params)
        guard let newName = params["newName"]?.stringValue else { throw ResponseError.invalidParams("missing newName") }
        guard let occurrence = document.index.occurrence(at: offset) else { return .null }
        let key = occurrence.key
        guard key.kind != .operation else {
            throw ResponseError(
                ResponseError.requestFailed, "an operation is named by its kind and leg; rename the leg instead")
        }
        guard Self.isIdentifier(newName) else {
            throw ResponseError(ResponseError.requestFailed, "'\(newName)' is not a name: a letter or '_', then letters, digits or '_'")
        }
        var taken = key
        taken.name = newName
        if newName != key.name, document.index.definition(of: taken) != nil {
            throw ResponseError(ResponseError.requestFailed, "\(key.kind.rawValue) '\(newName)' already exists here")
        }
        let edits = document.index.references(to: key, includeDeclaration: true).map {
            JSON.object(["range": range(of: $0.span).json, "newText": .string(newName)])
        }
        return ["changes": .object([document.uri: .array(edits)])]
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        func letter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
        }
        return letter(first) && name.unicodeScalars.allSatisfy { letter($0) || ("0"..."9").contains($0) }
    }

    // MARK: - Hover

    /// The diagnostic under the cursor (its `flowc explain` text), else the symbol (what it is, its
    /// declaration and how often it is used), else the option (its type and range).
    func hover(_ params: JSON) throws -> JSON {
        let (document, offset) = try documentAndOffset(in: params)
        var sections: [String] = []
        var hoverSpan: SourceSpan?
        let diagnostics = (published[document.path] ?? []).filter {
            guard let span = $0.span else { return false }
            return span.start.offset <= offset && offset <= span.end.offset
        }
        for diagnostic in diagnostics {
            var text = "**\(diagnostic.code.rawValue)** (\(diagnostic.severity.rawValue)): \(diagnostic.message)"
            if let explanation = CompilerAdapter.explanation(of: diagnostic.code.rawValue) {
                text += "\n\n```text\n\(explanation.trimmingTrailingNewlines())\n```"
            }
            sections.append(text)
            hoverSpan = hoverSpan ?? diagnostic.span
        }
        // A code written in the text (a suppression comment, a note to a reviewer) is explained too, also
        // under a diagnostic of another code (an unused suppression, FLOW708, underlines the code it names).
        if let (code, span) = Self.code(at: offset, in: document.source),
            !diagnostics.contains(where: { $0.code.rawValue == code }),
            let explanation = CompilerAdapter.explanation(of: code)
        {
            sections.append("```text\n\(explanation.trimmingTrailingNewlines())\n```")
            hoverSpan = span
        }
        if let occurrence = document.index.occurrence(at: offset) {
            sections.append(describe(occurrence.key, in: document))
            hoverSpan = occurrence.span
        } else if let option = document.index.option(at: offset) {
            sections.append(SymbolText.describe(option))
            hoverSpan = option.option.name.span
        } else if let verb = document.index.verb(at: offset) {
            sections.append(SymbolText.describe(verb.kind))
            hoverSpan = verb.keyword.span
        }
        guard !sections.isEmpty else { return .null }
        var result: [String: JSON] = [
            "contents": ["kind": "markdown", "value": .string(sections.joined(separator: "\n\n---\n\n"))]
        ]
        if let hoverSpan { result["range"] = range(of: hoverSpan).json }
        return .object(result)
    }

    /// The word `FLOW` and three digits around `offset`, if there is one.
    static func code(at offset: Int, in source: SourceFile) -> (String, SourceSpan)? {
        let bytes = source.utf8
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
        }
        var start = min(max(0, offset), bytes.count)
        var end = start
        while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        let word = String(decoding: bytes[start..<end], as: UTF8.self)
        guard word.count == 7, word.uppercased().hasPrefix("FLOW"), word.dropFirst(4).allSatisfy(\.isNumber) else {
            return nil
        }
        return (word.uppercased(), source.span(from: start, to: end))
    }

    private func describe(_ key: SymbolKey, in document: OpenDocument) -> String {
        let index = document.index
        let uses = index.references(to: key, includeDeclaration: false).count
        let declaration = index.declarations[key]
        var text = SymbolText.headline(key, declaration: declaration)
        if let declaration, let block = SymbolText.sourceBlock(of: declaration, in: document.source) {
            text += "\n\n```flow\n\(block)\n```"
        } else if declaration == nil {
            text += "\n\nNot declared in this flow."
        }
        if key.kind == .leg {
            let steps = index.definitions(kind: .step, flowIndex: key.flowIndex, leg: key.name).map { "`\($0.name)`" }
            text += "\n\n" + (steps.isEmpty ? "No steps." : "Steps: \(steps.joined(separator: ", ")).")
        }
        if key.kind != .flow && key.kind != .operation {
            text += "\n\n" + (uses == 1 ? "1 use" : "\(uses) uses") + " in this flow."
        }
        return text
    }

    // MARK: - Document symbols

    func documentSymbols(_ params: JSON) throws -> JSON {
        let document = try document(in: params)
        let outline = Outline(source: document.source)
        var symbols: [JSON] = []
        for (flowIndex, item) in document.syntax.flows.enumerated() {
            guard let flow = item.node, !flow.name.isMissing else { continue }
            _ = flowIndex
            var children: [JSON] = []
            for case .node(let member) in flow.members {
                switch member {
                case .setting(let setting):
                    children.append(symbol(
                        setting.kind == .serve ? "serve at" : setting.kind.rawValue, kind: 7,
                        detail: setting.value?.value, span: setting.span, selection: setting.keyword.span,
                        outline: outline))
                case .audio(let audio) where !audio.name.isMissing:
                    children.append(symbol(
                        audio.name.name, kind: 14, detail: audio.url?.value ?? "audio", span: audio.span,
                        selection: audio.name.span, outline: outline))
                case .resource(let resource) where !resource.name.isMissing:
                    let documents = resource.documents.compactMap(\.node).map {
                        symbol($0.kind.rawValue, kind: 8, detail: $0.asset?.name, span: $0.span, selection: $0.keyword.span,
                            outline: outline)
                    }
                    children.append(symbol(
                        resource.name.name, kind: resource.kind == .queue ? 23 : 2, detail: resource.kind.rawValue,
                        span: resource.span, selection: resource.name.span, outline: outline, children: documents))
                case .leg(let leg) where !leg.name.isMissing:
                    let members = leg.members.compactMap(\.node).compactMap { member -> JSON? in
                        switch member {
                        case .step(let step) where !step.name.isMissing:
                            return symbol(step.name.name, kind: 6, detail: "step", span: step.span,
                                selection: step.name.span, outline: outline)
                        case .document(let doc):
                            return symbol(doc.kind.rawValue, kind: 8, detail: doc.asset?.name, span: doc.span,
                                selection: doc.keyword.span, outline: outline)
                        default:
                            return nil
                        }
                    }
                    children.append(symbol(
                        leg.name.name, kind: 5, detail: "leg · \(leg.role?.rawValue ?? "?")", span: leg.span,
                        selection: leg.name.span, outline: outline, children: members))
                case .operation(let operation):
                    guard let kind = operation.kind, !operation.leg.isMissing else { continue }
                    children.append(symbol(
                        "\(kind.rawValue)-\(operation.leg.name)", kind: 12, detail: "operation", span: operation.span,
                        selection: operation.kindKeyword.span.union(operation.leg.span), outline: outline))
                default:
                    continue
                }
            }
            symbols.append(symbol(
                flow.name.name, kind: 3, detail: "flow", span: flow.span, selection: flow.name.span, outline: outline,
                children: children))
        }
        return .array(symbols)
    }

    /// A `DocumentSymbol`: `span` is the header line, widened to the whole block it owns.
    private func symbol(
        _ name: String, kind: Int, detail: String?, span: SourceSpan, selection: SourceSpan, outline: Outline,
        children: [JSON] = []
    ) -> JSON {
        let full = outline.block(of: span)
        // The protocol requires the selection inside the range.
        let selected = selection.start.offset >= full.start.offset && selection.end.offset <= full.end.offset
            ? selection : span
        var result: [String: JSON] = [
            "name": .string(name.isEmpty ? "?" : name), "kind": .int(kind), "range": range(of: full).json,
            "selectionRange": range(of: selected).json,
        ]
        if let detail { result["detail"] = .string(detail) }
        if !children.isEmpty { result["children"] = .array(children) }
        return .object(result)
    }

    // MARK: - Formatting

    /// The formatter's text as one edit of the whole buffer; no edit when the buffer is already canonical,
    /// and an error (so the editor keeps the buffer) when it has a syntax error, which `flowc fmt` refuses.
    func formatting(_ params: JSON) throws -> JSON {
        let document = try document(in: params)
        guard let formatted = CompilerAdapter.formatted(document.source) else {
            throw ResponseError(
                ResponseError.requestFailed, "flowc fmt does not format a file with syntax errors; fix them first")
        }
        guard formatted != document.text else { return [] }
        let whole = LSPRange(start: LSPPosition(line: 0, character: 0), end: document.lines.endPosition)
        return [["range": whole.json, "newText": .string(formatted)]]
    }

    // MARK: - Code actions

    /// One quick fix per fix-it of each diagnostic published for the buffer that meets the range.
    func codeActions(_ params: JSON) throws -> JSON {
        let document = try document(in: params)
        guard let requested = LSPRange(json: params["range"]) else {
            throw ResponseError.invalidParams("missing or malformed range")
        }
        let start = document.lines.offset(of: requested.start, encoding: encoding)
        let end = document.lines.offset(of: requested.end, encoding: encoding)
        var actions: [JSON] = []
        for diagnostic in published[document.path] ?? [] {
            guard let span = diagnostic.span, span.start.offset <= end, start <= span.end.offset else { continue }
            for fixIt in diagnostic.fixIts {
                var changes: [String: [JSON]] = [:]
                for edit in fixIt.edits {
                    changes[uri(ofPath: edit.span.path), default: []].append(
                        ["range": range(of: edit.span).json, "newText": .string(edit.replacement)])
                }
                actions.append([
                    "title": .string(fixIt.message),
                    "kind": "quickfix",
                    "diagnostics": [lspDiagnostic(diagnostic, path: document.path)],
                    "isPreferred": .bool(diagnostic.fixIts.count == 1),
                    "edit": ["changes": .object(changes.mapValues(JSON.array))],
                ])
            }
        }
        return .array(actions)
    }
}

/// The extent of blocks in a source text, by indentation (Grammar.md §1): a header line owns every line
/// after it up to the next line of code indented no deeper than itself.
struct Outline {
    let source: SourceFile

    func block(of header: SourceSpan) -> SourceSpan {
        let headerLine = header.start.line
        let indentation = Self.indentation(of: source.lineText(headerLine))
        var last = headerLine
        var line = headerLine + 1
        while line <= source.lineCount {
            let text = source.lineText(line)
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") {
                if Self.indentation(of: text) <= indentation { break }
                last = line
            }
            line += 1
        }
        let endOffset =
            last == headerLine
            ? max(header.end.offset, source.lineStarts[headerLine - 1] + source.lineText(headerLine).utf8.count)
            : source.lineStarts[last - 1] + source.lineText(last).utf8.count
        return source.span(from: header.start.offset, to: endOffset)
    }

    static func indentation(of line: String) -> Int {
        line.prefix { $0 == " " }.count
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
