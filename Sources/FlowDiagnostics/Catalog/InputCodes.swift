extension DiagnosticCode {
    public static let inputNotFound = DiagnosticCode("FLOW001", "input-not-found", .error)
    public static let invalidUTF8 = DiagnosticCode("FLOW002", "invalid-utf8", .error)
    public static let unexpectedCharacter = DiagnosticCode("FLOW003", "unexpected-character", .error)
    public static let tabInIndentation = DiagnosticCode("FLOW004", "tab-in-indentation", .error)
    public static let inconsistentDedent = DiagnosticCode("FLOW005", "inconsistent-dedent", .error)
    public static let unterminatedString = DiagnosticCode("FLOW006", "unterminated-string", .error)
    public static let invalidEscape = DiagnosticCode("FLOW007", "invalid-escape", .error)
    public static let controlCharacterInString = DiagnosticCode("FLOW008", "control-character-in-string", .error)
    public static let invalidNumber = DiagnosticCode("FLOW009", "invalid-number", .error)
    public static let noFlowFiles = DiagnosticCode("FLOW010", "no-flow-files", .error)
    public static let fileTooLarge = DiagnosticCode("FLOW011", "file-too-large", .error)
    public static let inputUnreadable = DiagnosticCode("FLOW012", "input-unreadable", .error)
}

extension DiagnosticCatalog {
    /// FLOW0xx.
    static let inputCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            .inputNotFound,
            title: "input path does not exist",
            explanation: """
                A path given to flowc (or the default folder ./flows when none is given) names nothing on \
                disk. flowc reads the files and folders it is given and nothing else, so a mistyped path \
                would otherwise check nothing and pass.
                """,
            wrong: .command("flowc check flow/support.flow"),
            right: .command("flowc check flows/support.flow")),
        DiagnosticCodeEntry(
            .invalidUTF8,
            title: "file is not valid UTF-8",
            explanation: """
                A .flow file is UTF-8 text (Grammar.md §1). The diagnostic points at the first byte that is \
                not valid UTF-8; flowc reads the rest of the file with each invalid byte replaced by U+FFFD, \
                so later mistakes are still reported, but it never writes TwiML from such a file, and \
                `flowc fmt` refuses to rewrite it. Save the file as UTF-8.
                """,
            wrong: .latin1Flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Café"
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Café"
                      hangup
                """)),
        DiagnosticCodeEntry(
            .unexpectedCharacter,
            title: "character that starts no token",
            explanation: """
                Outside strings and comments a line holds only names (ASCII letters, digits and '_'), \
                numbers, durations, strings in straight double quotes, '->', '=', ',' and '.', separated by \
                spaces (Grammar.md §1). Any other character, such as a curly quote pasted from a document, \
                an accented letter in a name or a lone carriage return, is reported once per line and the \
                line is not read. A U+FFFD that stands for invalid UTF-8 is reported here too, except at \
                the first invalid byte, which FLOW002 reports.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say “Welcome.”
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Welcome."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .tabInIndentation,
            title: "tab in indentation",
            explanation: """
                Indentation gives a .flow file its structure, and a tab is as wide as each editor makes \
                it, so a block that looks right in one editor can be wrong in another. Indentation is \
                made of spaces, two per level in the canonical layout (Grammar.md §1). For recovery a tab \
                counts as reaching the next multiple of 8 columns.
                """,
            wrong: .flow("flow support\n  serve at \"https://twiml.example.com/support\"\n  leg caller entry\n    step start\n\thangup\n"),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      hangup
                """)),
        DiagnosticCodeEntry(
            .inconsistentDedent,
            title: "indentation matches no enclosing block",
            explanation: """
                A line indented less than the line above closes blocks, and must return exactly to the \
                indentation of a block that is still open (Grammar.md §1): otherwise it is ambiguous which \
                block it belongs to. For recovery the line stays in the innermost block it does not leave.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hi."
                     hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hi."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .unterminatedString,
            title: "unterminated string",
            explanation: """
                A string starts and ends with '"' on the same line (Grammar.md §1); strings never span \
                lines, so a missing closing quote is found at the end of its own line instead of \
                swallowing the rest of the file. A '"' inside a string is written \\".
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Welcome to support.
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Welcome to support."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .invalidEscape,
            title: "invalid escape in a string",
            explanation: """
                The escapes of a string are \\", \\\\, \\n, \\t and \\u{…} with 1 to 6 hexadecimal \
                digits naming a Unicode scalar value (Grammar.md §1). Any other backslash sequence is an \
                error rather than a guess, so a Windows path or a regular expression pasted into a string \
                does not silently change; write a backslash as \\\\.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Press \\# to finish."
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Press # to finish."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .controlCharacterInString,
            title: "control character in a string",
            explanation: """
                A string may not hold a control character other than tab (Grammar.md §1): it is invisible \
                in an editor, and most control characters cannot appear in XML at all, so Twilio would \
                fail to parse the generated document (error 12100, Docs/Twilio.md#error-codes). Write one \
                as an escape if it is really meant; TwiML checks reject it there as well.
                """,
            wrong: .flow("flow support\n  serve at \"https://twiml.example.com/support\"\n  leg caller entry\n    step start\n      say \"Hello\u{7F}\"\n      hangup\n"),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hello"
                      hangup
                """)),
        DiagnosticCodeEntry(
            .invalidNumber,
            title: "malformed number or duration",
            explanation: """
                An integer has at most 9 digits, and a duration is an integer directly followed by one \
                unit, 's', 'm' or 'h' (Grammar.md §1). Letters, digits or '_' glued to a number make the \
                whole word one malformed number, so '5min' or '10sec' is reported as such instead of \
                being read as a duration followed by a stray name. The limit keeps every value, and every \
                duration in seconds, far from overflow.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      pause 5sec
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      pause 5s
                      hangup
                """)),
        DiagnosticCodeEntry(
            .noFlowFiles,
            title: "folder holds no .flow file",
            explanation: """
                A folder given to flowc is searched recursively for files whose names end in `.flow`. \
                Finding none is an error rather than a silent success, so that checking the wrong folder \
                in CI fails instead of passing.
                """,
            wrong: .command("flowc check Sources"),
            right: .command("flowc check flows")),
        DiagnosticCodeEntry(
            .fileTooLarge,
            title: "input file is too large",
            explanation: """
                flowc reads each input file whole. A file larger than 64 MiB is not a hand-written call \
                flow (a log, a recording, a device such as /dev/zero named by mistake) and is refused \
                before it is read, so flowc never exhausts memory on it.
                """,
            wrong: .command("flowc check recordings/call.wav"),
            right: .command("flowc check flows/support.flow")),
        DiagnosticCodeEntry(
            .inputUnreadable,
            title: "input cannot be read",
            explanation: """
                flowc found the path but could not read it: permission is denied, it is neither a regular \
                file nor a folder (a FIFO, a socket, a device), or the system reported an I/O error. \
                Reading such a path could block forever or give partial text, so flowc reports it instead.
                """,
            wrong: .command("flowc check /dev/null"),
            right: .command("flowc check flows/support.flow")),
    ]
}
