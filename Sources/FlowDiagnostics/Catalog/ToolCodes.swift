extension DiagnosticCode {
    public static let unknownCommand = DiagnosticCode("FLOW701", "unknown-command", .error)
    public static let outputNotWritten = DiagnosticCode("FLOW702", "output-not-written", .error)
    public static let configurationNotJson = DiagnosticCode("FLOW703", "configuration-not-json", .error)
    public static let configurationUnknownKey = DiagnosticCode("FLOW704", "configuration-unknown-key", .error)
    public static let configurationInvalidValue = DiagnosticCode("FLOW705", "configuration-invalid-value", .error)
    public static let unknownDiagnosticCode = DiagnosticCode("FLOW706", "unknown-diagnostic-code", .error)
    public static let errorCannotBeSilenced = DiagnosticCode("FLOW707", "error-cannot-be-silenced", .error)
    public static let unusedSuppression = DiagnosticCode("FLOW708", "unused-suppression", .warning)
    public static let malformedSuppression = DiagnosticCode("FLOW709", "malformed-suppression", .error)
    public static let baselineInvalid = DiagnosticCode("FLOW710", "baseline-invalid", .error)
}

extension DiagnosticCatalog {
    /// FLOW7xx: the tool around the language: the command line, the output folder, the configuration file
    /// (`.flowc.json`, Docs/Configuration.md), suppression comments and baselines.
    static let toolCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            .unknownCommand,
            title: "unknown flowc command",
            explanation: """
                The first word after flowc names a command: check, build, simulate, fmt, explain, graph, serve or \
                lsp. A word that is none of them is a usage error (exit code 2), with the closest command \
                suggested.
                """,
            wrong: .command("flowc chek flows"),
            right: .command("flowc check flows")),
        DiagnosticCodeEntry(
            .outputNotWritten,
            title: "the output could not be written",
            explanation: """
                flowc could not write a file it was asked to produce: the output folder is not a folder, a \
                path in it is held by something flowc did not write, or the file system refused. Nothing \
                was half-written: the previous output is intact (exit code 2).
                """,
            wrong: .command("flowc build flows --emit-swift Sources"),
            right: .command("flowc build flows --emit-swift FlowRoutes.swift")),
        DiagnosticCodeEntry(
            .configurationNotJson,
            title: "the configuration file is not valid JSON",
            explanation: """
                `.flowc.json` is one JSON object (RFC 8259: no comments, no trailing commas). flowc reports \
                the first place the text stops being JSON and uses no setting of the file (exit code 2).
                """,
            wrong: .command("flowc check flows --config configs/trailing-comma.json"),
            right: .command("flowc check flows --config configs/strict.json")),
        DiagnosticCodeEntry(
            .configurationUnknownKey,
            title: "unknown key in the configuration file",
            explanation: """
                The keys of `.flowc.json` are paths, out, strict, errorLimit, baseline and severity \
                (Docs/Configuration.md). An unknown key is refused rather than ignored, so a misspelt \
                setting never silently does nothing.
                """,
            wrong: .command("flowc check flows --config configs/unknown-key.json"),
            right: .command("flowc check flows --config configs/strict.json")),
        DiagnosticCodeEntry(
            .configurationInvalidValue,
            title: "a configuration value has the wrong type or is out of range",
            explanation: """
                Each key of `.flowc.json` takes one kind of value: paths an array of strings, out and \
                baseline a string, strict a boolean, errorLimit a whole number from 0, severity an object \
                from codes to "error", "warning" or "off".
                """,
            wrong: .command("flowc check flows --config configs/wrong-type.json"),
            right: .command("flowc check flows --config configs/strict.json")),
        DiagnosticCodeEntry(
            .unknownDiagnosticCode,
            title: "not a diagnostic code",
            explanation: """
                A code given to `flowc explain`, in `.flowc.json`'s severity or in a `# flowc: ignore` comment \
                must be one of `flowc explain --all`. A misspelt code would silence nothing.
                """,
            wrong: .command("flowc check flows --config configs/unknown-code.json"),
            right: .command("flowc check flows --config configs/off.json")),
        DiagnosticCodeEntry(
            .errorCannotBeSilenced,
            title: "an error cannot be turned off, lowered or suppressed",
            explanation: """
                Only warnings can be made errors, turned off, suppressed on a line or kept in a baseline. An \
                error means the generated TwiML would be wrong or missing (a build with an error writes \
                nothing), so hiding it would hide a broken call flow, not a style choice.
                """,
            wrong: .command("flowc check flows --config configs/error-off.json"),
            right: .command("flowc check flows --config configs/off.json")),
        DiagnosticCodeEntry(
            .unusedSuppression,
            title: "a suppression comment suppresses nothing",
            explanation: """
                `# flowc: ignore CODE` silences CODE on its own line only. When no such diagnostic is reported \
                there (the problem was fixed, or the comment is on the wrong line), the comment is reported so \
                it does not outlive its reason.
                """,
            wrong: .command("flowc check suppressed/unused.flow"),
            right: .command("flowc check suppressed/used.flow")),
        DiagnosticCodeEntry(
            .malformedSuppression,
            title: "a suppression comment is malformed",
            explanation: """
                A comment that starts with `flowc:` is read by flowc; it must be `# flowc: ignore CODE` with one \
                code or several separated by commas.
                """,
            wrong: .command("flowc check suppressed/malformed.flow"),
            right: .command("flowc check suppressed/used.flow")),
        DiagnosticCodeEntry(
            .baselineInvalid,
            title: "the baseline file cannot be read",
            explanation: """
                `--baseline FILE` reads the findings recorded by `--write-baseline FILE`: a JSON document \
                (Docs/Configuration.md). A file that is not one, or that has another version, is refused \
                (exit code 2), since a baseline that silently holds nothing would hide nothing either.
                """,
            wrong: .command("flowc check flows --baseline configs/strict.json"),
            right: .command("flowc check flows --baseline configs/baseline.json")),
    ]
}
