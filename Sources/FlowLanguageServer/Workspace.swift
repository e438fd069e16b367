import FlowCompiler
import FlowDiagnostics
import Foundation

/// One open buffer: the editor's text, which wins over the file on disk until the buffer is closed.
public struct OpenDocument: Sendable {
    public var uri: String
    /// The path diagnostics are reported under: the file's path for `file:` URIs, else the URI itself.
    public var path: String
    public var version: Int?
    public var text: String {
        didSet { refresh() }
    }
    public private(set) var source: SourceFile
    public private(set) var lines: LineTable
    public private(set) var syntax: FileSyntax
    public private(set) var index: SymbolIndex

    public init(uri: String, version: Int?, text: String) {
        self.uri = uri
        self.path = Workspace.path(ofURI: uri)
        self.version = version
        self.text = text
        self.source = SourceFile(path: path, text: text)
        self.lines = LineTable(text)
        self.syntax = CompilerAdapter.syntax(of: source)
        self.index = SymbolIndex(syntax)
    }

    private mutating func refresh() {
        source = SourceFile(path: path, text: text)
        lines = LineTable(text)
        syntax = CompilerAdapter.syntax(of: source)
        index = SymbolIndex(syntax)
    }
}

/// The open buffers and the rule that decides which files are compiled together.
///
/// Flow names are unique across one compilation (FLOW201), so a file is never checked entirely alone when
/// it belongs to a project; but the language has no reference from one file to another, so the only
/// question is which files make up the compilation. The rule, the same as the command line's:
/// - the *project paths* are the `paths` the client gives in `initializationOptions` (relative to the first
///   workspace folder), or else the workspace folder's `flows/` folder, which `flowc check` uses when it
///   is given no path;
/// - a file inside a project path is checked together with every `.flow` file of the project paths, as
///   `flowc check PATHS` would, the open buffers standing in for their files;
/// - any other file (a fixture, a scratch file, an `untitled:` buffer) is checked alone, as
///   `flowc check FILE` would.
public struct Workspace: Sendable {
    public private(set) var documents: [String: OpenDocument] = [:]
    /// Absolute project paths (see the type's documentation); may be empty.
    public var projectPaths: [String] = []
    /// The workspace folders' URIs, as `initialize` gave them.
    public private(set) var rootURIs: [String] = []

    public init() {}

    public mutating func open(_ document: OpenDocument) { documents[document.uri] = document }
    public mutating func close(uri: String) { documents[uri] = nil }
    public mutating func update(uri: String, version: Int?, text: String) {
        documents[uri]?.version = version
        documents[uri]?.text = text
    }

    public func document(uri: String) -> OpenDocument? { documents[uri] }

    /// Sets the project paths from the workspace folders' URIs and the client's `paths` option.
    public mutating func configure(rootURIs: [String], paths: [String]?) {
        self.rootURIs = rootURIs
        let roots = rootURIs.map(Self.path(ofURI:)).filter { $0.hasPrefix("/") }
        guard let root = roots.first else {
            projectPaths = (paths ?? []).filter { $0.hasPrefix("/") }.map(Self.normalized)
            return
        }
        if let paths {
            projectPaths = paths.map { Self.normalized($0.hasPrefix("/") ? $0 : root + "/" + $0) }
        } else {
            projectPaths = roots.map { $0 + "/" + SourceLoader.defaultPath }.map(Self.normalized)
                .filter { Self.isFolder($0) }
        }
    }

    /// Whether `path` is one of the project paths or lies below one.
    public func isInProject(_ path: String) -> Bool {
        projectPaths.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    /// The files compiled together with the document at `path`: buffers override their files; buffers of
    /// new files inside the project are added.
    public func compilationUnit(for path: String) -> LoadedSources {
        guard isInProject(path) else {
            if let open = documents.values.first(where: { $0.path == path }) {
                return LoadedSources(files: [open.source])
            }
            return CompilerAdapter.load(paths: [path])
        }
        var loaded = CompilerAdapter.load(paths: projectPaths)
        // A missing project path is the configuration's problem, not a diagnostic of any one file.
        loaded.diagnostics.removeAll { $0.span == nil }
        let buffers = documents.values.filter { isInProject($0.path) }
        let bufferPaths = Set(buffers.map(\.path))
        loaded.files.removeAll { bufferPaths.contains($0.path) }
        loaded.diagnostics.removeAll { $0.span.map { bufferPaths.contains($0.path) } ?? false }
        for path in bufferPaths { loaded.firstInvalidBytes[path] = nil }
        loaded.files += buffers.map(\.source)
        // The order of `flowc check FOLDER` (the loader sorts a folder's files by path), which decides
        // which of two duplicates is reported.
        loaded.files.sort { $0.path < $1.path }
        return loaded
    }

    // MARK: - URIs and paths

    /// The file path of a `file:` URI, percent-decoded; any other URI is its own path.
    public static func path(ofURI uri: String) -> String {
        guard uri.hasPrefix("file://"), let url = URL(string: uri), url.isFileURL else { return uri }
        let path = url.path
        return path.isEmpty ? uri : path
    }

    /// The `file:` URI of an absolute path (for files of the project that are not open).
    public static func uri(ofPath path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: path).absoluteString
    }

    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
