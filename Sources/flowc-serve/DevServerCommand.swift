import ArgumentParser
import FlowCommandLine
import FlowCompiler
import FlowServe
import Foundation

/// `flowc-serve` (also run as `flowc serve`): build the flows, then serve the tree by its route manifest
/// for trying a flow through a tunnel before deploying it.
///
/// Exit codes, as `flowc`'s (`ExitStatus`): 0 stopped by SIGINT or SIGTERM; 1 the first build has errors
/// (without `--watch`); 2 a usage error (an unknown option, a bad value: ArgumentParser's 64 is mapped to 2
/// as `flowc` maps it), a missing `TWILIO_AUTH_TOKEN` without `--insecure`, an unreadable input or output
/// folder, or an address that cannot be listened on.
@main
struct DevServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowc serve",
        abstract: "Build .flow files and serve the TwiML tree by its route manifest (development server).",
        discussion: """
            Every route in routes.json answers GET, POST and HEAD with its document (text/xml); anything \
            else is 404 (405 for another method on a route). Each request must carry a valid \
            X-Twilio-Signature computed with the auth token in TWILIO_AUTH_TOKEN, or it gets 403. Behind a \
            tunnel or proxy, --public-url gives the URL Twilio requests (scheme, host and path prefix), \
            and the routes.json written then names it instead of each flow's serve at. \
            --insecure turns the check off. One line is printed per request: method, path, flow, leg, \
            step, status and time.

            Every client is bounded (Docs/Robustness.md): the request head to 16 KiB (8 KiB for the target \
            or any one header, 64 headers; 431 beyond), the body to 64 KiB (413), each request and its \
            response to 10 s from the moment the connection is free, and open connections to 1,024 or the \
            descriptor limit minus 32, whichever is lower.

            Exit codes: 0 stopped (SIGINT or SIGTERM); 1 the first build has errors (without --watch); \
            2 a usage error, TWILIO_AUTH_TOKEN missing without --insecure, or the address cannot be used.
            """
    )

    @Argument(help: "Files or folders to build (default: flows).")
    var paths: [String] = []

    @Option(help: ArgumentHelp("The output folder, built into and served from.", valueName: "dir"))
    var out = "build/twiml"

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
    var port: UInt16 = 8080

    @Flag(help: "Rebuild when a .flow file changes; on errors, keep serving the last good build.")
    var watch = false

    @Option(
        help: ArgumentHelp(
            "The URL Twilio requests, when a tunnel or proxy rewrites it (https://abc.example.app[/prefix]).",
            valueName: "url"))
    var publicURL: String?

    @Flag(help: "Do not check X-Twilio-Signature (anyone who finds the URL can fetch the documents).")
    var insecure = false

    /// ArgumentParser's own `main()`, but ending as every flowc executable ends (`exit(mappingUsageErrors:)`).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(mappingUsageErrors: error)
        }
    }

    func run() async throws {
        let security: RequestSecurity
        let server: DevServer
        do {
            security = try RequestSecurity.decide(
                authToken: ProcessInfo.processInfo.environment["TWILIO_AUTH_TOKEN"], insecure: insecure,
                publicURL: publicURL)
            server = try DevServer(
                options: ServeOptions(
                    paths: paths, output: out, host: host, port: port, watch: watch, security: security),
                output: ServeOutput(requestLine: Console.output, message: Console.error))
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(ExitStatus.usageOrInput.rawValue)
        }
        if security.isInsecure { Console.error(Self.insecureWarning) }

        switch server.build() {
        case .built(let summary): Console.error(summary)
        case .failed(let inputFailure):
            guard watch, !inputFailure else {
                throw ExitCode((inputFailure ? ExitStatus.usageOrInput : ExitStatus.failure).rawValue)
            }
            Console.error("the build failed; watching the inputs, nothing is served until a build succeeds")
        }

        let bound: UInt16
        do {
            bound = try await server.start()
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(ExitStatus.usageOrInput.rawValue)
        }
        Console.error(banner(port: bound, security: security, tree: server.tree))
        await Self.waitForTermination()
        Console.error("stopping")
        await server.stop()
    }

    static let insecureWarning = """
        ************************************************************************
        WARNING: --insecure: X-Twilio-Signature is NOT checked. Anyone who can
        reach this server can fetch every document. Use it only on loopback.
        Every request line is marked INSECURE.
        ************************************************************************
        """

    /// Where the server listens, how requests are checked, and each flow's entry points.
    private func banner(port: UInt16, security: RequestSecurity, tree: ServedTree) -> String {
        let authority = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]:\(port)" : "\(host):\(port)"
        var lines = ["serving \(tree.table?.count ?? 0) routes of \(out) at http://\(authority)"]
        let base: String
        switch security {
        case .insecure:
            base = "http://\(authority)"
            lines.append("signatures: not checked (--insecure)")
        case .twilioSignature(_, let publicURL?):
            base = publicURL.base
            lines.append("signatures: checked with TWILIO_AUTH_TOKEN against \(publicURL.base)/…")
        case .twilioSignature(_, nil):
            base = "http://\(authority)"
            lines.append("signatures: checked with TWILIO_AUTH_TOKEN against http://<Host header>/…")
        }
        for flow in tree.table?.manifest.flows ?? [] {
            for entry in flow.entryPoints {
                lines.append("  \(flow.name) \(entry.leg) (\(entry.role)): \(base)\(entry.route)")
            }
        }
        if watch { lines.append("watching the inputs for changes") }
        return lines.joined(separator: "\n")
    }

    /// Returns on the first SIGINT or SIGTERM.
    private static func waitForTermination() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = OnceFlag()
            let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .main) }
            for source in sources {
                source.setEventHandler {
                    if once.claim() { continuation.resume() }
                }
                source.resume()
            }
            SignalSources.keep(sources)
        }
    }
}

/// True exactly once, so one continuation is resumed once even if both signals arrive.
private final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    func claim() -> Bool {
        lock.withLock {
            defer { claimed = true }
            return !claimed
        }
    }
}

/// Keeps the signal sources alive for the life of the process.
private enum SignalSources {
    nonisolated(unsafe) static var retained: [any DispatchSourceSignal] = []

    static func keep(_ sources: [any DispatchSourceSignal]) {
        retained = sources
    }
}

/// Line-at-a-time output: request lines to standard output, everything else to standard error. Each line
/// is written with one `write` under a lock, so lines from concurrent requests never interleave.
enum Console {
    private static let lock = NSLock()

    static let output: @Sendable (String) -> Void = { write($0, to: FileHandle.standardOutput) }
    static let error: @Sendable (String) -> Void = { write($0, to: FileHandle.standardError) }

    private static func write(_ text: String, to handle: FileHandle) {
        lock.withLock { handle.write(Data((text + "\n").utf8)) }
    }
}
