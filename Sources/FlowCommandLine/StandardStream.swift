#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output or standard error, written with plain `write(2)` so that output to both streams
/// appears in the order it was written and nothing is buffered when the process exits with a code.
public enum StandardStream {
    case output
    case error

    public var descriptor: Int32 {
        switch self {
        case .output: STDOUT_FILENO
        case .error: STDERR_FILENO
        }
    }

    /// Whether the stream is a terminal, which the colour decision needs.
    public var isTerminal: Bool { isatty(descriptor) == 1 }

    public func write(_ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                #if canImport(Glibc)
                return Glibc.write(descriptor, base + written, raw.count - written)
                #else
                return Darwin.write(descriptor, base + written, raw.count - written)
                #endif
            }
            if count < 0 && errno == EINTR { continue }
            // A closed pipe or a full disk: nothing better can be done with the text than to drop it.
            if count <= 0 { return }
            written += count
        }
    }
}
