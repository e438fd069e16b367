import FlowDiagnostics
import Foundation

/// Today's warnings, recorded so that a project can turn on `--strict` at once and fix the old findings
/// over time: `--write-baseline FILE` records, `--baseline FILE` reports only findings not recorded.
///
/// What must hold:
/// - A finding is keyed by code, file and message, never by line or column, so editing a file above a
///   recorded finding does not make it new. Identical findings in one file are counted: one more than
///   recorded is new.
/// - Paths are stored relative to the baseline's folder (absolute when the file lies elsewhere), so the
///   same baseline works from any working directory and with the plugin's absolute paths.
/// - Only warnings are recorded and matched: an error cannot be baselined (FLOW707's reasoning).
/// - The file is JSON, `{"version": 1, "findings": [{"code", "path", "message"}, …]}`, sorted, one
///   finding per line, so a baseline diffs well in review.
public struct Baseline: Sendable, Hashable {
    public static let version = 1

    public struct Finding: Sendable, Hashable, Comparable {
        public var code: String
        public var path: String
        public var message: String

        public static func < (lhs: Finding, rhs: Finding) -> Bool {
            (lhs.path, lhs.code, lhs.message) < (rhs.path, rhs.code, rhs.message)
        }
    }

    /// The folder the stored paths are relative to (absolute).
    public var folder: String
    public var findings: [Finding]

    public init(folder: String, findings: [Finding]) {
        self.folder = folder
        self.findings = findings.sorted()
    }

    /// The baseline of `diagnostics` (their warnings), to be stored at `path`.
    public static func record(_ diagnostics: [Diagnostic], at path: String) -> Baseline {
        let folder = absoluteFolder(of: path)
        let findings = diagnostics.filter { $0.severity == .warning && $0.promotedBy == nil }.map {
            finding(for: $0, relativeTo: folder)
        }
        return Baseline(folder: folder, findings: findings)
    }

    static func finding(for diagnostic: Diagnostic, relativeTo folder: String) -> Finding {
        Finding(
            code: diagnostic.code.rawValue, path: diagnostic.span.map { relative(absolute($0.path), to: folder) } ?? "",
            message: diagnostic.message)
    }

    /// The file's bytes.
    public var json: String {
        var lines = ["{", "  \"version\": \(Self.version),", "  \"findings\": ["]
        for (index, finding) in findings.enumerated() {
            lines.append(
                "    {\"code\": \(quote(finding.code)), \"path\": \(quote(finding.path)), \"message\": \(quote(finding.message))}"
                    + (index == findings.count - 1 ? "" : ","))
        }
        lines += ["  ]", "}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a baseline file; FLOW012 when it cannot be read, FLOW703 or FLOW710 when it is not a baseline.
    public static func load(path: String) -> Result<Baseline, DiagnosticError> {
        let loaded = SourceLoader.load(paths: [path])
        guard let file = loaded.files.first, !loaded.hasInputFailure else {
            return .failure(
                DiagnosticError(
                    loaded.diagnostics.first ?? Diagnostic(.baselineInvalid, .error, "cannot read the baseline '\(path)'", at: nil)))
        }
        let root: LocatedJSON
        switch LocatedJSON.parse(file) {
        case .success(let value): root = value
        case .failure(let problem): return .failure(problem)
        }
        func invalid(_ message: String, at span: SourceSpan) -> Result<Baseline, DiagnosticError> {
            .failure(
                DiagnosticError(
                    Diagnostic(
                        .baselineInvalid, .error, "\(path) is not a flowc baseline: \(message)", at: span,
                        help: "write one with 'flowc check --write-baseline \(path)'")))
        }
        guard case .object(let members, let span) = root else { return invalid("expected an object", at: root.span) }
        guard let version = members.first(where: { $0.key == "version" }) else {
            return invalid("it has no 'version'", at: span)
        }
        guard case .number(let number, true, _) = version.value, Int(number) == Self.version else {
            return invalid("only version \(Self.version) is known", at: version.value.span)
        }
        guard let list = members.first(where: { $0.key == "findings" }),
            case .array(let items, _) = list.value
        else { return invalid("it has no 'findings' array", at: span) }
        var findings: [Finding] = []
        for item in items {
            guard case .object(let fields, _) = item else { return invalid("a finding must be an object", at: item.span) }
            var values: [String: String] = [:]
            for field in fields {
                guard case .string(let text, _) = field.value else {
                    return invalid("'\(field.key)' must be a string", at: field.value.span)
                }
                values[field.key] = text
            }
            guard let code = values["code"], let findingPath = values["path"], let message = values["message"] else {
                return invalid("a finding needs 'code', 'path' and 'message'", at: item.span)
            }
            findings.append(Finding(code: code, path: findingPath, message: message))
        }
        return .success(Baseline(folder: absoluteFolder(of: path), findings: findings))
    }

    // MARK: - Paths

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    static func absoluteFolder(of path: String) -> String {
        (absolute(path) as NSString).deletingLastPathComponent
    }

    /// `path` relative to `folder` when it lies inside it; else `path` itself (absolute).
    static func relative(_ path: String, to folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// An absolute `path` as messages show it: relative to `cwd` when it lies inside it.
    static func shown(_ path: String, from cwd: String) -> String {
        let folder = URL(fileURLWithPath: cwd).standardizedFileURL.path
        let inside = relative(path, to: folder)
        return inside == path ? path : inside
    }

    private func quote(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case _ where scalar.value < 0x20:
                quoted += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
