/// Diagnostics as one JSON document, for editors, scripts and the test harness.
///
/// The schema is `Docs/diagnostics.schema.json`, described in `Docs/Diagnostics-JSON.md`. Its contract:
/// - `version` changes only when a field changes meaning or disappears; a new field keeps the version.
/// - Every object of a kind has the same keys: an absent path, range or help is `null`, never missing.
/// - Lines and columns are 1-based, columns count characters (grapheme clusters) as in the text
///   format; `offset` is the 0-based UTF-8 byte offset. Ranges are half-open: `end` is just past the span.
/// - Diagnostics are in presentation order; the bytes depend only on the diagnostics (see `JSONValue`).
public struct JSONRenderer: Sendable {
    /// The `version` field of the document.
    public static let schemaVersion = 1

    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        let summary = DiagnosticSummary(diagnostics)
        return JSONValue.object([
            "version": .int(Self.schemaVersion),
            "diagnostics": .array(diagnostics.sorted(by: Diagnostic.presentationOrder).map(Self.json)),
            "summary": .object(["errors": .int(summary.errors), "warnings": .int(summary.warnings)]),
        ]).document
    }

    private static func json(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            "code": .string(diagnostic.code.rawValue),
            "severity": .string(diagnostic.severity.rawValue),
            "promotedBy": .string(diagnostic.promotedBy),
            "message": .string(diagnostic.message),
            "path": .string(diagnostic.span?.path),
            "range": range(diagnostic.span),
            "notes": .array(
                diagnostic.notes.map { note in
                    .object([
                        "message": .string(note.message), "path": .string(note.span?.path), "range": range(note.span),
                    ])
                }),
            "help": .string(diagnostic.help),
            "fixIts": .array(
                diagnostic.fixIts.map { fixIt in
                    .object([
                        "message": .string(fixIt.message),
                        "edits": .array(
                            fixIt.edits.map { edit in
                                .object([
                                    "path": .string(edit.span.path),
                                    "range": range(edit.span),
                                    "replacement": .string(edit.replacement),
                                ])
                            }),
                    ])
                }),
        ])
    }

    private static func range(_ span: SourceSpan?) -> JSONValue {
        guard let span else { return .null }
        return .object(["start": position(span.start), "end": position(span.end)])
    }

    private static func position(_ location: SourceLocation) -> JSONValue {
        .object(["line": .int(location.line), "column": .int(location.column), "offset": .int(location.offset)])
    }
}
