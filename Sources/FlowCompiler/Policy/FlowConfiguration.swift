import FlowDiagnostics
import Foundation

/// The settings of `.flowc.json` (Docs/Configuration.md), found by walking up from the first input.
///
/// Why JSON: the compiler library may depend on nothing (no TOML or YAML package), JSON can be read
/// completely by a small parser of our own with locations (`LocatedJSON`), and every editor, `jq` and
/// JSON Schema validator already knows it. Precedence is the command line, then the file, then the
/// built-in defaults. Relative paths in the file are relative to the folder that holds it, so the same
/// file means the same thing from any working directory.
public struct FlowConfiguration: Sendable, Hashable {
    /// The file's name, looked for in the input's folder and each folder above it.
    public static let fileName = ".flowc.json"

    /// Where the file was read from; `nil` when there is none.
    public var path: String?
    /// Inputs when the command line gives none.
    public var paths: [String]?
    /// `flowc build`'s output folder when `--out` is not given.
    public var out: String?
    /// Warnings count as errors (`--strict`); the command line's `--strict`/`--no-strict` wins.
    public var strict: Bool?
    /// The text error limit (`--error-limit`); 0 means none.
    public var errorLimit: Int?
    /// The baseline read when `--baseline` is not given.
    public var baseline: String?
    /// What each listed warning code becomes.
    public var severity: [DiagnosticCode: SeverityOverride]

    /// What `severity` can make of a warning. Errors cannot be changed (FLOW707).
    public enum SeverityOverride: String, Sendable, Hashable, CaseIterable {
        case error
        case warning
        case off
    }

    public init(
        path: String? = nil, paths: [String]? = nil, out: String? = nil, strict: Bool? = nil, errorLimit: Int? = nil,
        baseline: String? = nil, severity: [DiagnosticCode: SeverityOverride] = [:]
    ) {
        self.path = path
        self.paths = paths
        self.out = out
        self.strict = strict
        self.errorLimit = errorLimit
        self.baseline = baseline
        self.severity = severity
    }

    /// The keys of the file, in the order the documentation lists them.
    public static let keys = ["paths", "out", "strict", "errorLimit", "baseline", "severity"]

    /// A configuration file read and validated, with every problem found in it.
    public struct Loaded: Sendable {
        public var configuration: FlowConfiguration
        /// The file, for diagnostic snippets; `nil` when none was found.
        public var source: SourceFile?
        /// FLOW703–FLOW707 problems of the file. Any error means no setting of the file is used.
        public var diagnostics: [Diagnostic]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// The `.flowc.json` that governs `paths`: the nearest one in the first path's folder (a file's folder,
    /// or a folder itself) or above it, up to the file system's root. With no path, from the working
    /// directory. `nil` when there is none.
    public static func find(from paths: [String], workingDirectory: String? = nil) -> String? {
        let cwd = workingDirectory ?? FileManager.default.currentDirectoryPath
        let start: String
        if let first = paths.first {
            let absolute = first.hasPrefix("/") ? first : cwd + "/" + first
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory)
            start = exists && isDirectory.boolValue ? absolute : (absolute as NSString).deletingLastPathComponent
        } else {
            start = cwd
        }
        var folder = URL(fileURLWithPath: start).standardizedFileURL.path
        while true {
            let candidate = (folder == "/" ? "" : folder) + "/" + fileName
            if FileManager.default.fileExists(atPath: candidate) { return Baseline.shown(candidate, from: cwd) }
            guard folder != "/", !folder.isEmpty else { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// Reads and validates the file at `path`. A file that cannot be read is one FLOW012 error.
    public static func load(path: String) -> Loaded {
        let loaded = SourceLoader.load(paths: [path])
        guard let file = loaded.files.first, !loaded.hasInputFailure else {
            return Loaded(configuration: FlowConfiguration(path: path), source: nil, diagnostics: loaded.diagnostics)
        }
        return parse(file)
    }

    /// Validates the text of a configuration file (tests and editors call this directly).
    public static func parse(_ file: SourceFile) -> Loaded {
        var configuration = FlowConfiguration(path: file.path)
        var diagnostics: [Diagnostic] = []
        let root: LocatedJSON
        switch LocatedJSON.parse(file) {
        case .success(let value): root = value
        case .failure(let problem): return Loaded(configuration: configuration, source: file, diagnostics: [problem.diagnostic])
        }
        guard case .object(let members, _) = root else {
            let problem = Diagnostic(
                .configurationInvalidValue, .error, "\(file.path) must hold one JSON object, not \(root.kind)", at: root.span,
                help: "for example: { \"paths\": [\"flows\"], \"strict\": true }")
            return Loaded(configuration: configuration, source: file, diagnostics: [problem])
        }
        var seen: [String: SourceSpan] = [:]
        for member in members {
            if let first = seen[member.key] {
                diagnostics.append(
                    Diagnostic(
                        .configurationInvalidValue, .error, "key '\(member.key)' appears twice", at: member.keySpan,
                        notes: [Note("first given here", at: first)]))
                continue
            }
            seen[member.key] = member.keySpan
            switch member.key {
            case "paths":
                configuration.paths = strings(member, file: file, diagnostics: &diagnostics)
            case "out":
                configuration.out = string(member, diagnostics: &diagnostics)
            case "baseline":
                configuration.baseline = string(member, diagnostics: &diagnostics)
            case "strict":
                if case .bool(let value, _) = member.value {
                    configuration.strict = value
                } else {
                    diagnostics.append(wrongType(member, expected: "true or false"))
                }
            case "errorLimit":
                if case .number(let value, true, _) = member.value, value >= 0, value <= Double(Int32.max) {
                    configuration.errorLimit = Int(value)
                } else {
                    diagnostics.append(wrongType(member, expected: "a whole number from 0 (0: no limit)"))
                }
            case "severity":
                configuration.severity = severities(member, diagnostics: &diagnostics)
            default:
                diagnostics.append(
                    Diagnostic(
                        .configurationUnknownKey, .error, "unknown key '\(member.key)'", at: member.keySpan,
                        notes: [Note("keys: " + keys.joined(separator: ", "))],
                        help: NameSuggestion.closest(to: member.key, among: keys).map { "did you mean '\($0)'?" }))
            }
        }
        // Relative paths are the file's folder's, so the settings do not depend on the working directory.
        let folder = (file.path as NSString).deletingLastPathComponent
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") || folder.isEmpty ? path : folder + "/" + path
        }
        configuration.paths = configuration.paths?.map(resolve)
        configuration.out = configuration.out.map(resolve)
        configuration.baseline = configuration.baseline.map(resolve)
        return Loaded(configuration: configuration, source: file, diagnostics: diagnostics)
    }

    private static func wrongType(_ member: LocatedJSON.Member, expected: String) -> Diagnostic {
        Diagnostic(
            .configurationInvalidValue, .error, "'\(member.key)' takes \(expected), not \(member.value.kind)", at: member.value.span)
    }

    private static func string(_ member: LocatedJSON.Member, diagnostics: inout [Diagnostic]) -> String? {
        guard case .string(let value, let span) = member.value else {
            diagnostics.append(wrongType(member, expected: "a string (a path)"))
            return nil
        }
        guard !value.isEmpty else {
            diagnostics.append(Diagnostic(.configurationInvalidValue, .error, "'\(member.key)' must not be empty", at: span))
            return nil
        }
        return value
    }

    private static func strings(
        _ member: LocatedJSON.Member, file: SourceFile, diagnostics: inout [Diagnostic]
    ) -> [String]? {
        guard case .array(let items, let span) = member.value else {
            diagnostics.append(wrongType(member, expected: "an array of paths"))
            return nil
        }
        var paths: [String] = []
        for item in items {
            guard case .string(let value, let itemSpan) = item, !value.isEmpty else {
                diagnostics.append(
                    Diagnostic(
                        .configurationInvalidValue, .error, "each of 'paths' must be a path in a non-empty string, not \(item.kind)",
                        at: item.span))
                continue
            }
            _ = itemSpan
            paths.append(value)
        }
        if items.isEmpty {
            diagnostics.append(
                Diagnostic(.configurationInvalidValue, .error, "'paths' must name at least one file or folder", at: span))
            return nil
        }
        return paths
    }

    private static func severities(
        _ member: LocatedJSON.Member, diagnostics: inout [Diagnostic]
    ) -> [DiagnosticCode: SeverityOverride] {
        guard case .object(let entries, _) = member.value else {
            diagnostics.append(wrongType(member, expected: "an object from codes to \"error\", \"warning\" or \"off\""))
            return [:]
        }
        var table: [DiagnosticCode: SeverityOverride] = [:]
        for entry in entries {
            guard let code = SuppressionPolicy.knownCode(entry.key) else {
                diagnostics.append(SuppressionPolicy.unknownCode(entry.key, at: entry.keySpan))
                continue
            }
            guard case .string(let word, let span) = entry.value, let value = SeverityOverride(rawValue: word) else {
                diagnostics.append(
                    Diagnostic(
                        .configurationInvalidValue, .error, "the severity of \(entry.key) must be \"error\", \"warning\" or \"off\"",
                        at: entry.value.span))
                continue
            }
            if let problem = SuppressionPolicy.refuseSilencingError(code, as: value.rawValue, at: span) {
                diagnostics.append(problem)
                continue
            }
            table[code] = value
        }
        return table
    }
}
