/// Diagnostics as JUnit XML, the report CI dashboards (GitLab, Jenkins, CircleCI, Azure) read.
///
/// Shape, as those dashboards expect it:
///
///     <testsuites name="flowc" tests="3" failures="1" errors="0">
///       <testsuite name="flows/ivr.flow" tests="2" failures="1" errors="0" skipped="0">
///         <testcase classname="flows/ivr.flow" name="FLOW201 at 5:34">
///           <failure type="(the code)" message="unknown step 'mian'">flows/ivr.flow:5:34: error: …</failure>
///         </testcase>
///         <testcase classname="flows/ivr.flow" name="FLOW224 at 7:9">
///           <system-out>flows/ivr.flow:7:9: warning: …</system-out>
///         </testcase>
///       </testsuite>
///     </testsuites>
///
/// - One `testsuite` per input file (every file of `sources`, in path order), plus one named `flowc` for
///   diagnostics without a file. A file without findings is one passing `testcase` named `check`, so a
///   dashboard counts it as checked.
/// - An error (a promoted warning included) is a `failure`; a warning or note is a passing `testcase`
///   with the text in `system-out`, visible without failing the report, as it does not fail the run.
/// - The body of each is the text format without snippets: header, notes, help, fix-its. A promoted
///   warning's header says so, as in the text format.
/// - XML 1.0 cannot hold most control characters even escaped, so they are shown as visible symbols (as
///   in the text format); `&`, `<`, `>`, `"` and `'` are escaped.
public struct JUnitRenderer: Sendable {
    public init() {}

    public func render(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) -> String {
        let sorted = diagnostics.sorted(by: Diagnostic.presentationOrder)
        var byPath: [String: [Diagnostic]] = [:]
        for path in sources.keys { byPath[path] = [] }
        for diagnostic in sorted { byPath[diagnostic.span?.path ?? "", default: []].append(diagnostic) }
        let paths = byPath.keys.sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }

        var suites: [String] = []
        var totalTests = 0
        var totalFailures = 0
        for path in paths {
            let found = byPath[path] ?? []
            let name = path.isEmpty ? "flowc" : path
            var cases: [String] = []
            var failures = 0
            if found.isEmpty {
                cases.append("    <testcase classname=\"\(Self.attribute(name))\" name=\"check\"/>")
            }
            for diagnostic in found {
                let location = diagnostic.span.map { " at \($0.start.line):\($0.start.column)" } ?? ""
                let open = "    <testcase classname=\"\(Self.attribute(name))\" name=\"\(Self.attribute(diagnostic.code.rawValue + location))\">"
                let body = Self.text(Self.body(diagnostic))
                if diagnostic.severity == .error {
                    failures += 1
                    cases.append(
                        open + "\n      <failure type=\"\(Self.attribute(diagnostic.code.rawValue))\" message=\"\(Self.attribute(diagnostic.message))\">"
                            + body + "</failure>\n    </testcase>")
                } else {
                    cases.append(open + "\n      <system-out>" + body + "</system-out>\n    </testcase>")
                }
            }
            totalTests += cases.count
            totalFailures += failures
            suites.append(
                "  <testsuite name=\"\(Self.attribute(name))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
                    + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"flowc\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\">\n"
            + suites.map { $0 + "\n" }.joined() + "</testsuites>\n"
    }

    /// The text format's header and detail lines, without snippets.
    static func body(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.span?.startDescription ?? "flowc"
        let header = "\(location): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"
            + (diagnostic.promotionLabel.map { " (\($0))" } ?? "")
        return ([header] + diagnostic.detailLines).joined(separator: "\n")
    }

    static func text(_ value: String) -> String {
        escape(TerminalText.visible(value, keepingLineBreaks: true), attribute: false)
    }

    static func attribute(_ value: String) -> String {
        escape(TerminalText.visible(value, keepingLineBreaks: false), attribute: true)
    }

    private static func escape(_ value: String, attribute: Bool) -> String {
        value.replacingScalars { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"" where attribute: "&quot;"
            case "'" where attribute: "&apos;"
            case "\n" where attribute: "&#10;"
            case "\r": "&#13;"
            // Noncharacters and lone surrogates cannot appear in XML 1.0 at all.
            case "\u{FFFE}", "\u{FFFF}": "\u{FFFD}"
            default: nil
            }
        }
    }
}
