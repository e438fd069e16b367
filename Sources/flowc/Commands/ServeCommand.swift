import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `flowc serve`: runs the development server, `flowc-serve`, found next to this executable.
///
/// The server needs an HTTP server and HMAC (HummingbirdCore, swift-crypto), and `flowc` is the tool the SwiftPM
/// plugins run, which must depend on swift-argument-parser alone; so the server is a separate executable
/// of the same package, built into the same folder, and this command replaces the process with it
/// (`execv`): the arguments, the environment (`TWILIO_AUTH_TOKEN`), signals and the exit status are the
/// server's own. Its options and exit codes are described by `flowc serve --help`, which the server prints.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build flows and serve the TwiML tree by its route manifest (runs flowc-serve).",
        discussion: """
            flowc serve [paths…] [--out DIR] [--host 127.0.0.1] [--port 8080] [--watch] [--public-url URL] \
            [--insecure]. Every argument is passed to flowc-serve, which must be built next to flowc: \
            swift build --product flowc-serve.
            """
    )

    /// The server's executable name, next to `flowc` in the build folder.
    static let serverName = "flowc-serve"

    @Argument(parsing: .captureForPassthrough, help: "Arguments for flowc-serve (see flowc serve --help).")
    var arguments: [String] = []

    /// What `flowc serve --help` prints when `flowc-serve` is not built (when it is, the server prints its
    /// own help): the options, the exit codes and how to build the server, so the help never fails.
    static let helpWithoutServer = """
        OVERVIEW: Build flows and serve the TwiML tree by its route manifest (runs flowc-serve).

        USAGE: flowc serve [<paths> ...] [--out <dir>] [--host <address>] [--port <port>] [--watch] \
        [--public-url <url>] [--insecure]

        flowc serve runs flowc-serve, a separate executable of the flowc package (it needs an HTTP server \
        and HMAC, which the compiler and the plugins' tool must not link). It is not built next to this \
        flowc, so only this summary is shown. Build it with

            swift build --product flowc-serve

        in the flowc package (or: swift run flowc-serve --help), then 'flowc serve --help' prints the \
        server's full help.

        OPTIONS (passed to flowc-serve):
          <paths>            Files or folders to build (default: flows).
          --out <dir>        The output folder (default: build/twiml).
          --host <address>   The address to listen on (default: 127.0.0.1).
          --port <port>      The port (default: 8080; 0 picks a free port).
          --watch            Rebuild when a .flow file changes.
          --public-url <url> The scheme, host and path prefix Twilio sees through a tunnel or proxy.
          --insecure         Do not check Twilio's request signatures (for curl on your own machine).

        Exit codes: 0 stopped by Ctrl-C or SIGTERM; 1 the first build has errors (without --watch); \
        2 a usage error, a missing TWILIO_AUTH_TOKEN, an address that cannot be used, or flowc-serve not built.

        """

    func run() throws {
        guard let path = Self.serverPath(), access(path, X_OK) == 0 else {
            if arguments.contains("--help") || arguments.contains("-h") || arguments.first == "help" {
                StandardStream.output.write(Self.helpWithoutServer)
                return
            }
            let looked = Self.serverPath() ?? Self.serverName
            StandardStream.error.write(
                """
                flowc: error: flowc serve runs \(Self.serverName), which is not built next to flowc (looked for \(looked))
                  help: build it in the flowc package with 'swift build --product \(Self.serverName)', then run flowc serve again, or run the server directly: swift run \(Self.serverName) [options]

                """)
            throw ExitCode(ExitStatus.usageOrInput.rawValue)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        StandardStream.error.write("flowc: error: cannot run \(path): \(reason)\n")
        throw ExitCode(ExitStatus.usageOrInput.rawValue)
    }

    /// `flowc-serve` in the folder of the running executable, links resolved.
    static func serverPath() -> String? {
        #if os(Linux)
        let executable = realPath("/proc/self/exe")
        #else
        let executable = Bundle.main.executableURL.flatMap { realPath($0.path) }
        #endif
        guard let executable, let slash = executable.lastIndex(of: "/") else { return nil }
        return executable[..<slash] + "/" + serverName
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
