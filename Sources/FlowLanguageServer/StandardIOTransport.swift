import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a `LanguageServer` over standard input and output, as editors start `flowc lsp`.
///
/// Standard output carries only framed messages (anything else would break the client's reader), so
/// the server writes nothing else there; standard error is left for the client's log.
public enum StandardIOTransport {
    /// Serves until `exit` or the end of standard input, then returns the exit code the protocol asks
    /// for: 0 after `shutdown`, 1 otherwise.
    public static func run() -> Int32 {
        // A client that goes away while a response is being written must not kill the server mid-write
        // with SIGPIPE; the write fails and the next read sees the end of input.
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer { data in writeAll(data, to: STDOUT_FILENO) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                server.endOfInput()
                break
            }
            server.receive(Array(buffer[0..<count]))
            if let code = server.queue.sync(execute: { server.exitCode }) { return code }
        }
        return server.queue.sync { server.exitCode ?? 1 }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32) {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var written = 0
            while written < raw.count {
                let count = write(descriptor, base + written, raw.count - written)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return }
                written += count
            }
        }
    }
}
