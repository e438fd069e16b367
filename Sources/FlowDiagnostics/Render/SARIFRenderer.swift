/// Diagnostics as a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.
///
/// Shape: one run whose `tool.driver` is `flowc` with the whole `DiagnosticCatalog` as `rules` (in
/// catalog order, so `ruleIndex` is stable for a given compiler version), and one result per diagnostic in
/// presentation order. Choices a consumer can rely on:
/// - `run.columnKind` is `utf16CodeUnits`, stated explicitly; `startColumn`/`endColumn` (1-based, end
///   exclusive) and `charOffset`/`charLength` are all counted in UTF-16 code units, recomputed from the
///   UTF-8 offsets against the source text. SARIF viewers index text that way; our own columns count
///   grapheme clusters, which SARIF has no unit for. Without the source text a region holds only
///   `startLine` and `endLine`: a whole-line region is better than a wrong column.
/// - `artifactLocation.uri` is the path as given, percent-encoded as a relative URI reference
///   (`flows/my%20flow.flow`); an absolute path becomes a `file://` URI.
/// - A result's `message.text` is the message, then one line per note without a span, the help, and
///   each fix-it that has no edits. Notes with spans become `relatedLocations`; fix-its with edits become
///   `fixes`. Nothing in a diagnostic is lost.
/// - A promoted warning is `level: error` with `properties.promotedBy` (`--strict`, or the configuration
///   file) and `properties.originalLevel` `warning`; its rule's `defaultConfiguration.level` stays `warning`.
/// - A code missing from the catalog still gets its `ruleId`, but no `ruleIndex`.
/// - A diagnostic without a span has no `locations`.
public struct SARIFRenderer: Sendable {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let sarifVersion = "2.1.0"

    public var toolVersion: String?
    public var informationURI: String
    /// The rule catalog written to `tool.driver.rules`: `DiagnosticCatalog.all` except in tests, which
    /// pin it so their expected output does not change whenever a code is added.
    public var rules: [DiagnosticCodeEntry]

    public init(
        toolVersion: String? = nil,
        informationURI: String = DiagnosticRenderOptions.defaultInformationURI,
        rules: [DiagnosticCodeEntry] = DiagnosticCatalog.all
    ) {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.rules = rules
    }

    public init(options: DiagnosticRenderOptions) {
        self.init(toolVersion: options.toolVersion, informationURI: options.informationURI)
    }

    public func render(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) -> String {
        var ruleIndex: [DiagnosticCode: Int] = [:]
        for (index, entry) in rules.enumerated() where ruleIndex[entry.code] == nil {
            ruleIndex[entry.code] = index
        }
        var driver: [String: JSONValue] = [
            "name": .string("flowc"),
            "informationUri": .string(informationURI),
            "rules": .array(rules.map(Self.rule)),
        ]
        if let toolVersion { driver["version"] = .string(toolVersion) }
        let context = Context(sources: sources)
        let results = diagnostics.sorted(by: Diagnostic.presentationOrder).map {
            context.result($0, ruleIndex: ruleIndex[$0.code])
        }
        return JSONValue.object([
            "$schema": .string(Self.schemaURI),
            "version": .string(Self.sarifVersion),
            "runs": .array([
                .object([
                    "tool": .object(["driver": .object(driver)]),
                    "columnKind": .string("utf16CodeUnits"),
                    "results": .array(results),
                ])
            ]),
        ]).document
    }

    // MARK: - Rules

    private static func rule(_ entry: DiagnosticCodeEntry) -> JSONValue {
        var help = entry.explanation
        if entry.isInternal { help += "\n\nInternal: no .flow file can cause it; it means a bug in flowc." }
        if !entry.wrongExample.isEmpty { help += "\n\nWrong (\(entry.wrong.kind)):\n" + entry.wrongExample }
        if !entry.rightExample.isEmpty { help += "\n\nRight (\(entry.right.kind)):\n" + entry.rightExample }
        return .object([
            "id": .string(entry.code.rawValue),
            "name": .string(entry.name),
            "shortDescription": text(entry.title),
            "fullDescription": text(entry.explanation),
            "defaultConfiguration": .object(["level": .string(entry.defaultSeverity.rawValue)]),
            "help": text(help),
        ])
    }

    fileprivate static func text(_ value: String) -> JSONValue { .object(["text": .string(value)]) }

    // MARK: - Results

    /// The source files, for converting spans to SARIF regions.
    private struct Context {
        let sources: [String: SourceFile]

        func result(_ diagnostic: Diagnostic, ruleIndex: Int?) -> JSONValue {
            var lines = [diagnostic.message]
            lines += diagnostic.notes.filter { $0.span == nil }.map { "note: \($0.message)" }
            if let help = diagnostic.help { lines.append("help: \(help)") }
            lines += diagnostic.fixIts.filter(\.edits.isEmpty).map { "fix-it: \($0.message)" }

            var result: [String: JSONValue] = [
                "ruleId": .string(diagnostic.code.rawValue),
                "level": .string(diagnostic.severity.rawValue),
                "message": SARIFRenderer.text(lines.joined(separator: "\n")),
            ]
            if let ruleIndex { result["ruleIndex"] = .int(ruleIndex) }
            if let promotedBy = diagnostic.promotedBy {
                result["properties"] = .object(["promotedBy": .string(promotedBy), "originalLevel": .string("warning")])
            }
            if let span = diagnostic.span {
                result["locations"] = .array([.object(["physicalLocation": physicalLocation(span)])])
            }
            let related = diagnostic.notes.compactMap { note in note.span.map { (note.message, $0) } }
            if !related.isEmpty {
                result["relatedLocations"] = .array(
                    related.enumerated().map { index, pair in
                        .object([
                            "id": .int(index),
                            "message": SARIFRenderer.text(pair.0),
                            "physicalLocation": physicalLocation(pair.1),
                        ])
                    })
            }
            let fixes = diagnostic.fixIts.filter { !$0.edits.isEmpty }.map(fix)
            if !fixes.isEmpty { result["fixes"] = .array(fixes) }
            return .object(result)
        }

        private func fix(_ fixIt: FixIt) -> JSONValue {
            let byPath = Dictionary(grouping: fixIt.edits, by: \.span.path)
            let changes = byPath.keys.sorted().map { path in
                JSONValue.object([
                    "artifactLocation": artifactLocation(path),
                    "replacements": .array(
                        (byPath[path] ?? []).sorted { $0.span.start.offset < $1.span.start.offset }.map { edit in
                            .object([
                                "deletedRegion": region(edit.span),
                                "insertedContent": SARIFRenderer.text(edit.replacement),
                            ])
                        }),
                ])
            }
            return .object(["description": SARIFRenderer.text(fixIt.message), "artifactChanges": .array(changes)])
        }

        private func physicalLocation(_ span: SourceSpan) -> JSONValue {
            .object(["artifactLocation": artifactLocation(span.path), "region": region(span)])
        }

        private func artifactLocation(_ path: String) -> JSONValue {
            .object(["uri": .string(SARIFRenderer.uri(path))])
        }

        /// See the type's documentation for the units.
        private func region(_ span: SourceSpan) -> JSONValue {
            guard let file = sources[span.path] else {
                return .object(["startLine": .int(span.start.line), "endLine": .int(span.end.line)])
            }
            let start = min(max(span.start.offset, 0), file.utf8.count)
            let end = min(max(span.end.offset, start), file.utf8.count)
            func utf16Count(_ from: Int, _ to: Int) -> Int {
                String(decoding: file.utf8[from..<to], as: UTF8.self).utf16.count
            }
            let startLine = file.line(ofOffset: start)
            let endLine = file.line(ofOffset: end)
            return .object([
                "startLine": .int(startLine),
                "startColumn": .int(utf16Count(file.lineStarts[startLine - 1], start) + 1),
                "endLine": .int(endLine),
                "endColumn": .int(utf16Count(file.lineStarts[endLine - 1], end) + 1),
                "charOffset": .int(utf16Count(0, start)),
                "charLength": .int(utf16Count(start, end)),
            ])
        }
    }

    /// `path` as a URI reference: unreserved characters and `/` kept, every other UTF-8 byte
    /// percent-encoded; an absolute path gets the `file://` scheme.
    static func uri(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
