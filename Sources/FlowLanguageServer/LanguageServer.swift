import FlowCompiler
import FlowDiagnostics
import Foundation

/// A JSON-RPC error, sent as the `error` of a response.
public struct ResponseError: Error, Sendable, Equatable {
    public var code: Int
    public var message: String

    public init(_ code: Int, _ message: String) {
        self.code = code
        self.message = message
    }

    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverNotInitialized = -32002
    public static let requestFailed = -32803

    static func invalidParams(_ message: String) -> ResponseError { ResponseError(Self.invalidParams, message) }
}

/// The `flowc lsp` server: the protocol's lifecycle, the dispatch of every message, and the debounced
/// analysis that publishes diagnostics.
///
/// Threading: every piece of mutable state is touched only on `queue`, a serial queue; messages are
/// handed to it in arrival order and the debounced analysis runs on it too. That confinement, not the
/// type system, is what makes the class safe to share, hence `@unchecked Sendable`.
///
/// What must hold: no input ends the process except `exit` and the end of standard input. A malformed
/// message gets the JSON-RPC error the specification names (parse error, invalid request, method not
/// found, invalid params, server not initialized), and a request after `shutdown` is an invalid request.
public final class LanguageServer: @unchecked Sendable {
    /// Where framed messages go (standard output, or a test's buffer). Called on `queue`.
    private let send: @Sendable (Data) -> Void
    /// How long diagnostics wait after the last change of a buffer, so that typing does not start a
    /// compilation per keystroke.
    private let debounce: DispatchTimeInterval
    public let queue = DispatchQueue(label: "flowc.lsp")

    var workspace = Workspace()
    var encoding = PositionEncoding.utf16
    private var reader = MessageReader()
    private var state = Lifecycle.uninitialized
    /// The diagnostics last published per path, for hover and code actions (the fix-its).
    var published: [String: [Diagnostic]] = [:]
    /// The line table of each file of the last analyses, for converting spans outside open buffers.
    var lineTables: [String: LineTable] = [:]
    private var pendingAnalysis: Set<String> = []
    private var analysisWorkItem: DispatchWorkItem?
    /// Set when `exit` arrives or the input ends; the transport ends the process with it.
    public private(set) var exitCode: Int32?

    enum Lifecycle {
        case uninitialized, running, shutDown
    }

    public init(debounce: DispatchTimeInterval = .milliseconds(250), send: @escaping @Sendable (Data) -> Void) {
        self.debounce = debounce
        self.send = send
    }

    // MARK: - Input

    /// Feeds bytes from the client; safe to call from any thread.
    public func receive(_ bytes: [UInt8]) {
        queue.async { self.consume(bytes) }
    }

    /// The client closed its end: exit as the protocol says for an `exit` without `shutdown` (code 1),
    /// unless `shutdown` came first.
    public func endOfInput() {
        queue.async { if self.exitCode == nil { self.exitCode = self.state == .shutDown ? 0 : 1 } }
    }

    private func consume(_ bytes: [UInt8]) {
        for event in reader.feed(bytes) {
            switch event {
            case .message(let body):
                handle(body)
            case .malformedHeader(let reason):
                respond(id: .null, error: ResponseError(ResponseError.parseError, "malformed message header: \(reason)"))
            case .tooLong(let length):
                respond(
                    id: .null,
                    error: ResponseError(
                        ResponseError.invalidRequest,
                        "message of \(length) bytes is over the limit of \(reader.maximumLength); skipped"))
            }
        }
    }

    /// Handles one message body (JSON text).
    func handle(_ body: Data) {
        guard let message = JSON.parse(body) else {
            return respond(id: .null, error: ResponseError(ResponseError.parseError, "the message is not valid JSON (or is nested too deeply to read)"))
        }
        guard case .object(let fields) = message else {
            // LSP sends no batches; an array (or any non-object) is not a request this server can answer.
            return respond(
                id: .null, error: ResponseError(ResponseError.invalidRequest, "a message must be a JSON object"))
        }
        let id = fields["id"]
        if let id, !Self.isValidID(id) {
            return respond(
                id: .null, error: ResponseError(ResponseError.invalidRequest, "'id' must be a string or an integer"))
        }
        guard fields["jsonrpc"] == "2.0" else {
            return respond(
                id: id ?? .null, error: ResponseError(ResponseError.invalidRequest, "'jsonrpc' must be \"2.0\""))
        }
        guard let method = fields["method"]?.stringValue else {
            // A response to a request of ours (this server sends none that need answers), or garbage.
            if id != nil, fields["result"] != nil || fields["error"] != nil { return }
            return respond(
                id: id ?? .null, error: ResponseError(ResponseError.invalidRequest, "'method' must be a string"))
        }
        let params = fields["params"] ?? .null
        if let params = fields["params"], params.objectValue == nil, params.arrayValue == nil {
            if let id {
                respond(id: id, error: .invalidParams("'params' must be an object or an array"))
            }
            return
        }
        if let id {
            request(id: id, method: method, params: params)
        } else {
            notification(method: method, params: params)
        }
    }

    private static func isValidID(_ id: JSON) -> Bool {
        switch id {
        case .string, .int: true
        default: false
        }
    }

    private func request(id: JSON, method: String, params: JSON) {
        switch (state, method) {
        case (.uninitialized, "initialize"):
            break
        case (.uninitialized, _):
            return respond(
                id: id, error: ResponseError(ResponseError.serverNotInitialized, "'initialize' must come first"))
        case (.running, "initialize"), (.shutDown, "initialize"):
            return respond(id: id, error: ResponseError(ResponseError.invalidRequest, "already initialized"))
        case (.shutDown, _):
            return respond(id: id, error: ResponseError(ResponseError.invalidRequest, "the server is shut down"))
        default:
            break
        }
        do {
            let result = try answer(method: method, params: params)
            respond(id: id, result: result)
        } catch let error as ResponseError {
            respond(id: id, error: error)
        } catch {
            respond(id: id, error: ResponseError(ResponseError.internalError, "\(error)"))
        }
    }

    private func answer(method: String, params: JSON) throws -> JSON {
        switch method {
        case "initialize": return initialize(params)
        case "shutdown":
            state = .shutDown
            return .null
        case "textDocument/hover": return try hover(params)
        case "textDocument/definition": return try definition(params)
        case "textDocument/references": return try references(params)
        case "textDocument/documentSymbol": return try documentSymbols(params)
        case "textDocument/completion": return try completion(params)
        case "textDocument/formatting": return try formatting(params)
        case "textDocument/codeAction": return try codeActions(params)
        case "textDocument/documentHighlight": return try highlights(params)
        case "textDocument/prepareRename": return try prepareRename(params)
        case "textDocument/rename": return try rename(params)
        default:
            throw ResponseError(ResponseError.methodNotFound, "unknown method '\(method)'")
        }
    }

    private func notification(method: String, params: JSON) {
        if method == "exit" {
            exitCode = state == .shutDown ? 0 : 1
            return
        }
        // Before `initialize`, notifications are dropped (the protocol says so); after `shutdown`, too.
        guard state == .running else { return }
        switch method {
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "textDocument/didSave", "workspace/didChangeWatchedFiles": analyzeOpenDocuments()
        case "workspace/didChangeConfiguration": didChangeConfiguration(params)
        default: break  // `initialized`, `$/cancelRequest` (requests are answered in order), `$/setTrace`…
        }
    }

    // MARK: - Output

    func respond(id: JSON, result: JSON) {
        send(MessageWriter.frame(["jsonrpc": "2.0", "id": id, "result": result]))
    }

    func respond(id: JSON, error: ResponseError) {
        send(MessageWriter.frame([
            "jsonrpc": "2.0", "id": id, "error": ["code": .int(error.code), "message": .string(error.message)],
        ]))
    }

    func notify(_ method: String, _ params: JSON) {
        send(MessageWriter.frame(["jsonrpc": "2.0", "method": .string(method), "params": params]))
    }

    func log(_ message: String, type: Int = 3) {
        notify("window/logMessage", ["type": .int(type), "message": .string(message)])
    }

    // MARK: - Lifecycle

    private func initialize(_ params: JSON) -> JSON {
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue)
        encoding = PositionEncoding.negotiate(offered: offered)
        var roots = params["workspaceFolders"]?.arrayValue?.compactMap { $0["uri"]?.stringValue } ?? []
        if roots.isEmpty, let root = params["rootUri"]?.stringValue { roots = [root] }
        if roots.isEmpty, let root = params["rootPath"]?.stringValue { roots = [Workspace.uri(ofPath: root)] }
        let paths = params["initializationOptions"]?["paths"]?.arrayValue?.compactMap(\.stringValue)
        workspace.configure(rootURIs: roots, paths: paths)
        state = .running
        return [
            "capabilities": [
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "documentHighlightProvider": true,
                "renameProvider": ["prepareProvider": true],
                "documentSymbolProvider": true,
                "documentFormattingProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                "completionProvider": ["triggerCharacters": [" ", "=", ">", "."]],
            ],
            "serverInfo": ["name": "flowc", "version": .string(FlowCompilerVersion.current)],
        ]
    }

    private func didChangeConfiguration(_ params: JSON) {
        guard let paths = params["settings"]?["flowc"]?["paths"]?.arrayValue?.compactMap(\.stringValue) else { return }
        workspace.configure(rootURIs: workspace.rootURIs, paths: paths)
        analyzeOpenDocuments()
    }

    // MARK: - Documents

    private func didOpen(_ params: JSON) {
        guard let item = params["textDocument"], let uri = item["uri"]?.stringValue,
            let text = item["text"]?.stringValue
        else { return log("didOpen without a textDocument uri and text; ignored", type: 2) }
        workspace.open(OpenDocument(uri: uri, version: item["version"]?.intValue, text: text))
        scheduleAnalysis(of: uri, immediately: true)
    }

    private func didChange(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let document = workspace.document(uri: uri),
            let changes = params["contentChanges"]?.arrayValue
        else { return log("didChange for a document that is not open, or without changes; ignored", type: 2) }
        var text = document.text
        for change in changes {
            guard let newText = change["text"]?.stringValue else { continue }
            if let range = LSPRange(json: change["range"]) {
                // Each change applies to the text as the changes before it left it.
                let lines = LineTable(text)
                let start = lines.offset(of: range.start, encoding: encoding)
                let end = max(start, lines.offset(of: range.end, encoding: encoding))
                var bytes = lines.utf8
                bytes.replaceSubrange(start..<end, with: Array(newText.utf8))
                text = String(decoding: bytes, as: UTF8.self)
            } else {
                text = newText
            }
        }
        workspace.update(uri: uri, version: params["textDocument"]?["version"]?.intValue, text: text)
        scheduleAnalysis(of: uri, immediately: false)
    }

    private func didClose(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let document = workspace.document(uri: uri)
        else { return }
        workspace.close(uri: uri)
        // In a project, the file on disk now stands for the buffer and the project is checked again. A file
        // checked alone, or a buffer never saved, has no diagnostics once nobody edits it.
        let covered = workspace.isInProject(document.path) ? analyze(paths: [document.path]) : []
        if !covered.contains(document.path) && published[document.path] != nil {
            publish(path: document.path, diagnostics: [])
            published[document.path] = nil
        }
    }

    /// Queues `uri` for analysis: at once for a newly opened buffer, after `debounce` for a change (each
    /// change restarts the wait).
    private func scheduleAnalysis(of uri: String, immediately: Bool) {
        guard let document = workspace.document(uri: uri) else { return }
        pendingAnalysis.insert(document.path)
        analysisWorkItem?.cancel()
        let item = DispatchWorkItem { [weak self] in self?.runPendingAnalysis() }
        analysisWorkItem = item
        queue.asyncAfter(deadline: .now() + (immediately ? .milliseconds(0) : debounce), execute: item)
    }

    private func runPendingAnalysis() {
        let paths = pendingAnalysis
        pendingAnalysis = []
        analysisWorkItem = nil
        analyze(paths: paths.sorted())
    }

    private func analyzeOpenDocuments() {
        analyze(paths: workspace.documents.values.map(\.path).sorted())
    }

    /// Checks the compilation unit of each path (each unit once) and publishes every file's diagnostics.
    /// Returns the paths of the files checked.
    @discardableResult
    func analyze(paths: [String]) -> Set<String> {
        var checked = Set<String>()
        var done = Set<String>()
        for path in paths where !done.contains(path) {
            let unit = workspace.compilationUnit(for: path)
            let diagnostics = CompilerAdapter.diagnostics(of: unit)
            var byPath: [String: [Diagnostic]] = [:]
            for file in unit.files {
                checked.insert(file.path)
                byPath[file.path] = []
                lineTables[file.path] = LineTable(utf8: file.utf8)
                done.insert(file.path)
            }
            done.insert(path)
            for diagnostic in diagnostics {
                // A diagnostic without a location (an internal error) is shown at the start of the file.
                byPath[diagnostic.span?.path ?? path, default: []].append(diagnostic)
            }
            for (file, list) in byPath.sorted(by: { $0.key < $1.key }) {
                let isOpen = workspace.documents.values.contains { $0.path == file }
                // Files nobody opened are published only when they have something to say, or had.
                guard isOpen || !list.isEmpty || !(published[file] ?? []).isEmpty else { continue }
                publish(path: file, diagnostics: list)
            }
        }
        return checked
    }

    private func publish(path: String, diagnostics: [Diagnostic]) {
        published[path] = diagnostics
        let document = workspace.documents.values.first { $0.path == path }
        let uri = document?.uri ?? Workspace.uri(ofPath: path)
        var params: [String: JSON] = [
            "uri": .string(uri),
            "diagnostics": .array(diagnostics.map { lspDiagnostic($0, path: path) }),
        ]
        if let version = document?.version { params["version"] = .int(version) }
        notify("textDocument/publishDiagnostics", .object(params))
    }

    // MARK: - Shared helpers of the features

    /// The line table of a path: its open buffer's, else the last analysis's, else the file read now.
    func lineTable(of path: String) -> LineTable? {
        if let document = workspace.documents.values.first(where: { $0.path == path }) { return document.lines }
        if let table = lineTables[path] { return table }
        return nil
    }

    func range(of span: SourceSpan) -> LSPRange {
        guard let table = lineTable(of: span.path) else {
            // No text to count in: the compiler's own line and column are the best there is.
            let start = LSPPosition(line: max(0, span.start.line - 1), character: max(0, span.start.column - 1))
            let end = LSPPosition(line: max(0, span.end.line - 1), character: max(0, span.end.column - 1))
            return LSPRange(start: start, end: end)
        }
        return table.range(of: span, encoding: encoding)
    }

    func uri(ofPath path: String) -> String {
        workspace.documents.values.first { $0.path == path }?.uri ?? Workspace.uri(ofPath: path)
    }

    func location(_ span: SourceSpan) -> JSON {
        ["uri": .string(uri(ofPath: span.path)), "range": range(of: span).json]
    }

    /// The LSP form of a diagnostic: code, severity, range, the help line appended to the message, and the
    /// notes as related information (those with a location) or message lines (those without).
    func lspDiagnostic(_ diagnostic: Diagnostic, path: String) -> JSON {
        let severity: Int =
            switch diagnostic.severity {
            case .error: 1
            case .warning: 2
            case .note: 3
            }
        var message = diagnostic.message
        for note in diagnostic.notes where note.span == nil { message += "\nnote: \(note.message)" }
        if let help = diagnostic.help { message += "\nhelp: \(help)" }
        let zero = LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 0))
        var result: [String: JSON] = [
            "range": diagnostic.span.map { range(of: $0).json } ?? zero.json,
            "severity": .int(severity),
            "code": .string(diagnostic.code.rawValue),
            "source": "flowc",
            "message": .string(message),
        ]
        let related = diagnostic.notes.compactMap { note -> JSON? in
            guard let span = note.span else { return nil }
            return ["location": location(span), "message": .string(note.message)]
        }
        if !related.isEmpty { result["relatedInformation"] = .array(related) }
        return .object(result)
    }

    /// The open document a request names.
    func document(in params: JSON) throws -> OpenDocument {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            throw ResponseError.invalidParams("missing textDocument.uri")
        }
        guard let document = workspace.document(uri: uri) else {
            throw ResponseError(ResponseError.requestFailed, "the document '\(uri)' is not open")
        }
        return document
    }

    /// The open document and the UTF-8 offset a position request names.
    func documentAndOffset(in params: JSON) throws -> (OpenDocument, Int) {
        let document = try document(in: params)
        guard let position = LSPPosition(json: params["position"]) else {
            throw ResponseError.invalidParams("missing or malformed position")
        }
        return (document, document.lines.offset(of: position, encoding: encoding))
    }
}
