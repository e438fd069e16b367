extension DiagnosticCatalog {
    /// FLOW0xx.
    static let inputCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            "FLOW001", name: "input-not-found", severity: .error,
            title: "input path does not exist",
            explanation: """
                A path given to flowc (or the default folder ./flows when none is given) names nothing on \
                disk. flowc reads the files and folders it is given and nothing else, so a mistyped path \
                would otherwise check nothing and pass.
                """,
            wrong: "flowc check flow/support.flow",
            right: "flowc check flows/support.flow"),
        DiagnosticCodeEntry(
            "FLOW002", name: "invalid-utf8", severity: .error,
            title: "file is not valid UTF-8",
            explanation: """
                A .flow file is UTF-8 text (Grammar.md §1). The diagnostic points at the first byte that is \
                not valid UTF-8; flowc reads the rest of the file with each invalid byte replaced by U+FFFD, \
                so later mistakes are still reported, but it never writes TwiML from such a file, and \
                `flowc fmt` refuses to rewrite it. Save the file as UTF-8.
                """,
            wrong: "say \"Caf\\xE9\"  # the lone byte E9: 'é' saved as Latin-1",
            right: "say \"Café\"     # 'é' saved as UTF-8, the bytes C3 A9"),
        DiagnosticCodeEntry(
            "FLOW010", name: "no-flow-files", severity: .error,
            title: "folder holds no .flow file",
            explanation: """
                A folder given to flowc is searched recursively for files whose names end in `.flow`. \
                Finding none is an error rather than a silent success, so that checking the wrong folder \
                in CI fails instead of passing.
                """,
            wrong: "flowc check Sources",
            right: "flowc check flows"),
        DiagnosticCodeEntry(
            "FLOW011", name: "file-too-large", severity: .error,
            title: "input file is too large",
            explanation: """
                flowc reads each input file whole. A file larger than 64 MiB is not a hand-written call \
                flow (a log, a recording, a device such as /dev/zero named by mistake) and is refused \
                before it is read, so flowc never exhausts memory on it.
                """,
            wrong: "flowc check recordings/",
            right: "flowc check flows/"),
        DiagnosticCodeEntry(
            "FLOW012", name: "input-unreadable", severity: .error,
            title: "input cannot be read",
            explanation: """
                flowc found the path but could not read it: permission is denied, it is neither a regular \
                file nor a folder (a FIFO, a socket, a device), or the system reported an I/O error. \
                Reading such a path could block forever or give partial text, so flowc reports it instead.
                """,
            wrong: "flowc check /dev/stdin",
            right: "flowc check flows/support.flow"),
    ]
}
