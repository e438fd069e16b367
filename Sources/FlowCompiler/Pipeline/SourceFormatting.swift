import FlowDiagnostics

/// The result of `Compiler.format(paths:)`: the canonical text of every file that could be read fully.
public struct FormatResult: Sendable {
    /// One entry per loaded file, in load order.
    public var files: [FormattedFile]
    /// Why files were refused (syntax errors, invalid UTF-8) and why paths could not be read, in
    /// `Diagnostic.presentationOrder`.
    public var diagnostics: [Diagnostic]
    /// Whether some path could not be read (exit code 2 at the CLI).
    public var hasInputFailure: Bool

    /// The files whose bytes formatting would change.
    public var changedFiles: [FormattedFile] { files.filter(\.isChanged) }

    /// Whether some file was refused.
    public var hasRefusals: Bool { files.contains { $0.formatted == nil } }
}

/// One file and its canonical text.
public struct FormattedFile: Sendable {
    /// The file as read.
    public var source: SourceFile
    /// The canonical text, or `nil` when the file is refused: a file with any error (a syntax error, an
    /// invalid UTF-8 byte) is never rewritten, because the rewrite could lose what the parser could not read.
    public var formatted: String?

    /// Whether writing `formatted` would change the file's bytes.
    public var isChanged: Bool {
        guard let formatted else { return false }
        return !formatted.utf8.elementsEqual(source.utf8)
    }
}

extension Compiler {
    /// Loads `paths` (no path: `./flows`), parses each file, and formats every file that has no error.
    /// Writes nothing: the caller decides between rewriting and `--check`.
    public static func format(paths: [String]) -> FormatResult {
        format(SourceLoader.load(paths: paths))
    }

    /// Formats files already loaded: standard input (`flowc fmt -`) and an editor's unsaved buffers
    /// (`flowc lsp`), which never touch the disk.
    public static func format(_ input: LoadedSources) -> FormatResult {
        var diagnostics = input.diagnostics
        var files: [FormattedFile] = []
        for source in input.files {
            let parsed = Parser.parse(source, firstInvalidByte: input.firstInvalidBytes[source.path])
            diagnostics += parsed.diagnostics
            let fileHasError = (input.diagnostics + parsed.diagnostics).contains {
                $0.severity == .error && $0.span?.path == source.path
            }
            let formatted = fileHasError ? nil : SourceFormatter.format(parsed.syntax)
            if !fileHasError && formatted == nil {
                // The formatter refuses only trees with a syntax error, which the parser reports; a refusal
                // without one is the compiler's fault, and the file is still left untouched.
                diagnostics.append(Diagnostic(
                    .internalError, .error, "the formatter could not print '\(source.path)', which has no syntax error",
                    at: nil))
            }
            files.append(FormattedFile(source: source, formatted: formatted))
        }
        return FormatResult(
            files: files, diagnostics: diagnostics.sorted(by: Diagnostic.presentationOrder),
            hasInputFailure: input.hasInputFailure)
    }
}
