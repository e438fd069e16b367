extension DiagnosticCatalog {
    /// FLOW7xx: the tool around the language: the command line, the output folder, the configuration file
    /// (`.flowc.json`, Docs/Configuration.md), suppression comments and baselines.
    static let toolCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            "FLOW701", name: "unknown-command", severity: .error,
            title: "unknown flowc command",
            explanation: """
                The first word after flowc names a command: check, build, simulate, fmt, explain, graph, serve or \
                lsp. A word that is none of them is a usage error (exit code 2), with the closest command \
                suggested.
                """,
            wrong: "flowc chek flows", right: "flowc check flows"),
        DiagnosticCodeEntry(
            "FLOW702", name: "output-not-written", severity: .error,
            title: "the output could not be written",
            explanation: """
                flowc could not write a file it was asked to produce: the output folder is not a folder, a \
                path in it is held by something flowc did not write, or the file system refused. Nothing \
                was half-written: the previous output is intact (exit code 2).
                """,
            wrong: "flowc build flows --out README.md", right: "flowc build flows --out build/twiml"),
        DiagnosticCodeEntry(
            "FLOW703", name: "configuration-not-json", severity: .error,
            title: "the configuration file is not valid JSON",
            explanation: """
                `.flowc.json` is one JSON object (RFC 8259: no comments, no trailing commas). flowc reports \
                the first place the text stops being JSON and uses no setting of the file (exit code 2).
                """,
            wrong: "{ \"strict\": true, }", right: "{ \"strict\": true }"),
        DiagnosticCodeEntry(
            "FLOW704", name: "configuration-unknown-key", severity: .error,
            title: "unknown key in the configuration file",
            explanation: """
                The keys of `.flowc.json` are paths, out, strict, errorLimit, baseline and severity \
                (Docs/Configuration.md). An unknown key is refused rather than ignored, so a misspelt \
                setting never silently does nothing.
                """,
            wrong: "{ \"strikt\": true }", right: "{ \"strict\": true }"),
        DiagnosticCodeEntry(
            "FLOW705", name: "configuration-invalid-value", severity: .error,
            title: "a configuration value has the wrong type or is out of range",
            explanation: """
                Each key of `.flowc.json` takes one kind of value: paths an array of strings, out and \
                baseline a string, strict a boolean, errorLimit a whole number from 0, severity an object \
                from codes to "error", "warning" or "off".
                """,
            wrong: "{ \"strict\": \"yes\" }", right: "{ \"strict\": true }"),
        DiagnosticCodeEntry(
            "FLOW706", name: "unknown-diagnostic-code", severity: .error,
            title: "not a diagnostic code",
            explanation: """
                A code given to `flowc explain`, in `.flowc.json`'s severity or in a `# flowc: ignore` comment \
                must be one of `flowc explain --all`. A misspelt code would silence nothing.
                """,
            wrong: "# flowc: ignore FLOW2244", right: "# flowc: ignore FLOW224"),
        DiagnosticCodeEntry(
            "FLOW707", name: "error-cannot-be-silenced", severity: .error,
            title: "an error cannot be turned off, lowered or suppressed",
            explanation: """
                Only warnings can be made errors, turned off, suppressed on a line or kept in a baseline. An \
                error means the generated TwiML would be wrong or missing (a build with an error writes \
                nothing), so hiding it would hide a broken call flow, not a style choice.
                """,
            wrong: "{ \"severity\": { \"FLOW301\": \"off\" } }", right: "{ \"severity\": { \"FLOW224\": \"off\" } }"),
        DiagnosticCodeEntry(
            "FLOW708", name: "unused-suppression", severity: .warning,
            title: "a suppression comment suppresses nothing",
            explanation: """
                `# flowc: ignore CODE` silences CODE on its own line only. When no such diagnostic is reported \
                there (the problem was fixed, or the comment is on the wrong line), the comment is reported so \
                it does not outlive its reason.
                """,
            wrong: "audio spare = \"https://cdn.example.com/a.mp3\"  # flowc: ignore FLOW301",
            right: "audio spare = \"https://cdn.example.com/a.mp3\"  # flowc: ignore FLOW224"),
        DiagnosticCodeEntry(
            "FLOW709", name: "malformed-suppression", severity: .error,
            title: "a suppression comment is malformed",
            explanation: """
                A comment that starts with `flowc:` is read by flowc; it must be `# flowc: ignore CODE` with one \
                code or several separated by commas.
                """,
            wrong: "# flowc: ignroe FLOW224", right: "# flowc: ignore FLOW224"),
        DiagnosticCodeEntry(
            "FLOW710", name: "baseline-invalid", severity: .error,
            title: "the baseline file cannot be read",
            explanation: """
                `--baseline FILE` reads the findings recorded by `--write-baseline FILE`: a JSON document \
                (Docs/Configuration.md). A file that is not one, or that has another version, is refused \
                (exit code 2), since a baseline that silently holds nothing would hide nothing either.
                """,
            wrong: "flowc check --baseline README.md", right: "flowc check --baseline .flowc-baseline.json"),
        DiagnosticCodeEntry(
            "FLOW711", name: "server-not-built", severity: .error,
            title: "flowc serve cannot run flowc-serve",
            explanation: """
                The development server is a separate executable of the flowc package, flowc-serve, because its \
                HTTP server and HMAC must not reach the compiler or the plugins' tool. flowc serve runs it from \
                the folder flowc was run from; build it there with `swift build --product flowc-serve` (exit \
                code 2 until then; `flowc serve --help` works without it).
                """,
            wrong: "swift build --product flowc && flowc serve", right: "swift build --product flowc-serve && flowc serve"),
    ]
}
