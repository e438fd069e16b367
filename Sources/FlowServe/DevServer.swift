import FlowCompiler
import FlowDiagnostics
import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix

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
    /// What a client may send and for how long (`ServeLimits`).
    public var limits: ServeLimits

    public init(
        paths: [String] = [], output: String = "build/twiml", host: String = "127.0.0.1", port: UInt16 = 8080,
        watch: Bool = false, pollInterval: Duration = .milliseconds(500), security: RequestSecurity,
        limits: ServeLimits = ServeLimits()
    ) {
        self.limits = limits
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
/// The HTTP server is HummingbirdCore on SwiftNIO (Docs/Robustness.md, "The development server", says
/// why): SwiftNIO's HTTP/1 parser is linear and enforces the header limits, `ConnectionGuard` the rest of
/// `ServeLimits`, and Hummingbird's connection cap (`ConnectionCap`) keeps connections below the
/// descriptor limit. SwiftNIO's listener backs off for a second when `accept` fails with EMFILE and
/// goes on listening, so running out of descriptors never closes it.
///
/// Lifecycle: `build()` once (the caller decides what a failed first build means), `start()` to listen,
/// `stop()` to end. Every test that starts one stops it.
public final class DevServer: Sendable {
    public let options: ServeOptions
    public let tree: ServedTree
    private let output: ServeOutput
    private let server: Server<ServeChannel>
    private let tasks = TaskBox()
    private let bound = PortBox()
    private let executor = RequestExecutor()

    public init(options: ServeOptions, output: ServeOutput) throws(ServeSetupError) {
        self.options = options
        self.output = output
        self.tree = ServedTree(root: options.output)
        let address = try Self.address(host: options.host, port: options.port)
        let handler = ServeHandler(
            tree: tree, security: options.security, limits: options.limits, log: output.requestLine)
        let insecure = options.security.isInsecure
        let requestLine = output.requestLine
        let channel = ServeChannel(
            responder: { request, writer, channel in
                try await handler.respond(to: request, writer: writer, channel: channel)
            },
            limits: options.limits,
            refused: { refusal in
                requestLine(
                    RequestLogLine(
                        method: refusal.method, path: refusal.path, route: nil, status: refusal.status,
                        milliseconds: 0, note: refusal.reason, insecure: insecure
                    ).text)
            })
        let bound = self.bound
        server = Server(
            childChannelSetup: channel,
            configuration: ServerConfiguration(
                address: .hostname(address.host, port: Int(address.port)), backlog: 256,
                availableConnectionsDelegate: ConnectionCap(maximum: options.limits.connectionCap, log: output.message)),
            onServerRunning: { channel in bound.set(channel.localAddress?.port ?? -1) },
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            // Hummingbird's and SwiftNIO's own logging is off: the handler prints the one line per request.
            logger: Logger(label: "flowc-serve", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Builds the flows as `flowc build` does and, when the build has no error, writes the tree and serves
    /// its routes. On errors the diagnostics are printed and the routes served stay those of the last good
    /// build. With `--public-url`, the `routes.json` written carries URLs under it instead of each flow's
    /// `serve at` (`PublicURL.rebase`), so what a developer gives Twilio from it reaches this server.
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
        guard !result.hasInputFailure, !result.hasErrors(strict: false), var manifest = result.manifest else {
            return .failed(inputFailure: result.hasInputFailure)
        }
        var files = result.files
        if let publicURL = options.security.publicURL {
            manifest = publicURL.rebase(manifest)
            guard let bytes = ManifestRenderer().renderBytes(manifest) else {
                output.message("error: the route manifest could not be encoded")
                return .failed(inputFailure: true)
            }
            files = files.map { $0.path == RouteLayout.manifestFile ? OutputFile(path: $0.path, bytes: bytes) : $0 }
        }
        do {
            let report = try OutputWriter.write(files: files, to: options.output)
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
        // The server's tasks (Hummingbird's request loop and the handler) run on a thread of their own,
        // so a rebuild or anything else that keeps Swift's shared pool busy never delays an answer.
        let serving = Task(executorPreference: executor) {
            do { try await server.run() } catch { failure.record(error) }
            failure.finish()
        }
        tasks.setServing(serving, finished: failure)
        var port: Int?
        for _ in 0..<200 {
            if let value = bound.value {
                port = value
                break
            }
            if let error = failure.error {
                throw .cannotListen("\(options.host):\(options.port): \(error)")
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        guard let port else {
            serving.cancel()
            throw .cannotListen("\(options.host):\(options.port): the server did not start listening")
        }
        if options.watch {
            let watching = Task { [self] in await watchInputs() }
            tasks.add { watching.cancel() }
        }
        return port > 0 ? UInt16(port) : options.port
    }

    /// Stops polling, closes the listening socket, lets open connections finish their response (at most
    /// one second), then closes whatever is left.
    public func stop() async {
        for cancel in tasks.drain() { cancel() }
        let server = self.server
        let shutdown = Task { try? await server.shutdownGracefully() }
        let deadline = ContinuousClock.now + .seconds(1)
        while tasks.servingIsRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        tasks.cancelServing()
        let hardDeadline = ContinuousClock.now + .seconds(2)
        while tasks.servingIsRunning, ContinuousClock.now < hardDeadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        shutdown.cancel()
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

    /// The address to bind: an IPv4 or IPv6 literal (brackets allowed), or `localhost` (127.0.0.1).
    static func address(host: String, port: UInt16) throws(ServeSetupError) -> (host: String, port: UInt16) {
        if host == "localhost" { return ("127.0.0.1", port) }
        let literal = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var ip4 = in_addr()
        var ip6 = in6_addr()
        if inet_pton(AF_INET, literal, &ip4) == 1 || inet_pton(AF_INET6, literal, &ip6) == 1 {
            return (literal, port)
        }
        throw .invalidHost(host)
    }
}

/// Runs the server's tasks one after another on a dispatch queue of their own (and so on a thread of its
/// own, outside Swift's cooperative pool). Every handler step is short (routing, an HMAC, one small file
/// read), so one thread answers thousands of requests a second; waiting on sockets is SwiftNIO's.
final class RequestExecutor: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "flowc-serve.requests")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// The port the listener bound, set once the server runs.
private final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Int?

    func set(_ port: Int) { lock.withLock { stored = port } }
    var value: Int? { lock.withLock { stored } }
}

/// How to cancel the server's background tasks, so `stop()` can end them.
private final class TaskBox: @unchecked Sendable {
    private let lock = NSLock()
    private var cancellers: [@Sendable () -> Void] = []
    private var serving: Task<Void, Never>?
    private var servingFinished: FailureBox?

    func setServing(_ task: Task<Void, Never>, finished: FailureBox) {
        lock.withLock {
            serving = task
            servingFinished = finished
        }
    }

    var servingIsRunning: Bool { lock.withLock { servingFinished.map { !$0.isFinished } ?? false } }

    func cancelServing() { lock.withLock { serving?.cancel() } }

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

/// The error the server task ended with, read by `start()` while it waits for the socket to listen, and
/// whether it has ended, read by `stop()`.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    private var finished = false

    func record(_ error: any Error) {
        lock.withLock { stored = error }
    }

    func finish() { lock.withLock { finished = true } }

    var error: (any Error)? { lock.withLock { stored } }
    var isFinished: Bool { lock.withLock { finished } }
}
