import FlowCompiler
import FlowDiagnostics
import FlyingFox
import FlyingSocks
import Foundation

/// Everything `flowc-serve` was asked to do.
public struct ServeOptions: Sendable {
    /// Files or folders of `.flow` files (none: `./flows`), built exactly as `flowc build` builds them.
    public var paths: [String]
    /// The output folder the tree is written to and served from (`--out`, default `build/twiml`).
    public var output: String
    /// The address to listen on: an IPv4 or IPv6 literal, or `localhost` (127.0.0.1).
    public var host: String
    /// 0 picks a free port; `DevServer.start()` returns the one bound.
    public var port: UInt16
    /// Rebuild when an input changes (`--watch`).
    public var watch: Bool
    /// How often `--watch` polls the inputs.
    public var pollInterval: Duration
    public var security: RequestSecurity

    public init(
        paths: [String] = [], output: String = "build/twiml", host: String = "127.0.0.1", port: UInt16 = 8080,
        watch: Bool = false, pollInterval: Duration = .milliseconds(500), security: RequestSecurity
    ) {
        self.paths = paths
        self.output = output
        self.host = host
        self.port = port
        self.watch = watch
        self.pollInterval = pollInterval
        self.security = security
    }
}

/// Why `flowc-serve` will not start. Each is a usage problem (exit code 2).
public enum ServeSetupError: Error, Equatable, CustomStringConvertible {
    case missingAuthToken
    case invalidPublicURL(PublicURL.Problem)
    case invalidHost(String)
    case cannotListen(String)

    public var description: String {
        switch self {
        case .missingAuthToken:
            """
            TWILIO_AUTH_TOKEN is not set, so Twilio's request signatures cannot be checked. Set it to the \
            account's auth token (export TWILIO_AUTH_TOKEN=…), or pass --insecure to serve without checking \
            signatures (anyone who finds the URL can then fetch the documents).
            """
        case .invalidPublicURL(let problem): problem.description
        case .invalidHost(let host): "--host: '\(host)' is not an IPv4 or IPv6 address (or localhost)"
        case .cannotListen(let why): "cannot listen: \(why)"
        }
    }
}

extension RequestSecurity {
    /// The decision the command line makes: a token is required unless `--insecure` says otherwise.
    ///
    /// - Parameters:
    ///   - authToken: `TWILIO_AUTH_TOKEN`; an empty value counts as unset.
    ///   - insecure: `--insecure`, which wins over a token (and is announced loudly).
    ///   - publicURL: `--public-url`, validated even under `--insecure` so a typo is never silent.
    public static func decide(authToken: String?, insecure: Bool, publicURL: String?) throws(ServeSetupError)
        -> RequestSecurity
    {
        var parsed: PublicURL?
        if let publicURL {
            do { parsed = try PublicURL(publicURL) } catch { throw .invalidPublicURL(error) }
        }
        if insecure { return .insecure }
        guard let authToken, !authToken.isEmpty else { throw .missingAuthToken }
        return .twilioSignature(TwilioSignature(authToken: authToken), publicURL: parsed)
    }
}

/// What the server prints. Request lines go to `requestLine`; build results, diagnostics and warnings to
/// `message`. `flowc-serve` sends the first to standard output and the second to standard error.
public struct ServeOutput: Sendable {
    public var requestLine: @Sendable (String) -> Void
    public var message: @Sendable (String) -> Void

    public init(requestLine: @escaping @Sendable (String) -> Void, message: @escaping @Sendable (String) -> Void) {
        self.requestLine = requestLine
        self.message = message
    }
}

/// The result of one build.
public enum BuildOutcome: Sendable, Equatable {
    /// Written and now served; the text is `flowc build`'s summary line.
    case built(String)
    /// Errors (printed); nothing was written and the previous build, if any, is still served.
    case failed(inputFailure: Bool)
}

/// `flowc-serve`: builds the flows, serves the tree by its manifest, and with `--watch` rebuilds on change.
///
/// Lifecycle: `build()` once (the caller decides what a failed first build means), `start()` to listen,
/// `stop()` to end. Every test that starts one stops it.
public final class DevServer: Sendable {
    public let options: ServeOptions
    public let tree: ServedTree
    private let output: ServeOutput
    private let server: HTTPServer
    private let tasks = TaskBox()

    public init(options: ServeOptions, output: ServeOutput) throws(ServeSetupError) {
        self.options = options
        self.output = output
        self.tree = ServedTree(root: options.output)
        let handler = ServeHandler(tree: tree, security: options.security, log: output.requestLine)
        let address = try Self.address(host: options.host, port: options.port)
        // FlyingFox's own logging is off: the handler prints the one line per request.
        server = HTTPServer(
            config: HTTPServer.Configuration(address: address, logger: .disabled), handler: handler)
    }

    /// Builds the flows as `flowc build` does and, when the build has no error, writes the tree and serves
    /// its routes. On errors the diagnostics are printed and the routes served stay those of the last good
    /// build.
    @discardableResult
    public func build() -> BuildOutcome {
        let result = Compiler.build(paths: options.paths)
        let diagnostics = result.diagnostics(strict: false)
        if !diagnostics.isEmpty {
            let text = DiagnosticRenderer.render(
                diagnostics, sources: DiagnosticRenderer.sources(result.compilation.sources),
                options: DiagnosticRenderOptions(
                    format: .text, summary: true, toolVersion: FlowCompilerVersion.current))
            output.message(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        }
        guard !result.hasInputFailure, !result.hasErrors(strict: false), let manifest = result.manifest else {
            return .failed(inputFailure: result.hasInputFailure)
        }
        do {
            let report = try OutputWriter.write(files: result.files, to: options.output)
            tree.table = RouteTable(manifest: manifest)
            let total = report.written.count + report.unchanged.count
            return .built(
                "built \(result.flowCount) flow\(result.flowCount == 1 ? "" : "s"): \(total) documents "
                    + "(\(report.written.count) written, \(report.unchanged.count) unchanged, "
                    + "\(report.removed.count) removed) in \(options.output)")
        } catch {
            output.message("error: \(error)")
            return .failed(inputFailure: true)
        }
    }

    /// Starts listening and, with `watch`, polling. Returns the port bound (useful with port 0).
    ///
    /// Waits at most about ten seconds for the socket to listen; a failure to bind (address in use,
    /// address not available) is reported as soon as the server task ends with it.
    public func start() async throws(ServeSetupError) -> UInt16 {
        let server = self.server
        let failure = FailureBox()
        let serving = Task {
            do { try await server.run() } catch { failure.record(error) }
        }
        tasks.add { serving.cancel() }
        var listening = false
        for _ in 0..<200 {
            if await server.isListening {
                listening = true
                break
            }
            if let error = failure.error {
                throw .cannotListen("\(options.host):\(options.port): \(error)")
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        guard listening else {
            serving.cancel()
            throw .cannotListen("\(options.host):\(options.port): the server did not start listening")
        }
        if options.watch {
            let watching = Task { [self] in await watchInputs() }
            tasks.add { watching.cancel() }
        }
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return options.port
        }
    }

    /// Stops polling, closes the listening socket and waits for open connections to finish.
    public func stop() async {
        for cancel in tasks.drain() { cancel() }
        await server.stop(timeout: 1)
    }

    /// Polls the inputs every `pollInterval` and rebuilds when their snapshot changes.
    private func watchInputs() async {
        var last = InputSnapshot.take(paths: options.paths)
        while !Task.isCancelled {
            do { try await Task.sleep(for: options.pollInterval) } catch { return }
            let now = InputSnapshot.take(paths: options.paths)
            guard now != last else { continue }
            last = now
            output.message("change detected; rebuilding")
            switch build() {
            case .built(let summary): output.message(summary)
            case .failed:
                output.message(
                    tree.table == nil
                        ? "the build failed; nothing to serve until a build succeeds"
                        : "the build failed; still serving the last good build")
            }
        }
    }

    static func address(host: String, port: UInt16) throws(ServeSetupError) -> any SocketAddress {
        do {
            if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
            if host.contains(":") {
                let literal = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
                return try sockaddr_in6.inet6(ip6: literal, port: port)
            }
            return try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw .invalidHost(host)
        }
    }
}

/// How to cancel the server's background tasks, so `stop()` can end them.
private final class TaskBox: @unchecked Sendable {
    private let lock = NSLock()
    private var cancellers: [@Sendable () -> Void] = []

    func add(_ cancel: @escaping @Sendable () -> Void) {
        lock.withLock { cancellers.append(cancel) }
    }

    func drain() -> [@Sendable () -> Void] {
        lock.withLock {
            defer { cancellers = [] }
            return cancellers
        }
    }
}

/// The error the server task ended with, read by `start()` while it waits for the socket to listen.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    func record(_ error: any Error) {
        lock.withLock { stored = error }
    }

    var error: (any Error)? { lock.withLock { stored } }
}
