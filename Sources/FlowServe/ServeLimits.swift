#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every bound the development server puts on a client (issue #15; Docs/Robustness.md lists each with the
/// test that holds it).
///
/// Twilio's own requests are small: a voice webhook is one request line whose query carries about twenty
/// call parameters (well under 2 KB even with a long `SpeechResult`), ten or so headers, and for POST a form
/// body of the same parameters. Tunnels and proxies add a few `X-Forwarded-*` headers. The defaults leave
/// room for all of that several times over and refuse anything bigger before it costs memory or CPU.
public struct ServeLimits: Sendable, Equatable {
    /// The request target, and any one header name or value (SwiftNIO's `maxHeaderFieldSize`). Over it:
    /// 431 and the connection is closed.
    public var maxFieldBytes: Int
    /// The request target plus every header name and value (SwiftNIO's `maxHeaderListSize`). Over it: 431
    /// and the connection is closed. SwiftNIO's parser (llhttp) is linear, so a long line costs its length.
    public var maxHeadBytes: Int
    /// Header fields per request (SwiftNIO's `maxHeaderFieldCount`). Over it: 431, closed.
    public var maxHeaderCount: Int
    /// A request body. A `Content-Length` over it is answered 413 before the body is read; a chunked body
    /// that grows over it closes the connection. Nothing over it is ever buffered.
    public var maxBodyBytes: Int
    /// From the moment a connection is free (opened, or its last response written), the next request must
    /// arrive whole and its response be written within this time, or the connection is closed. This
    /// bounds idle keep-alive connections, slow request heads and bodies (slowloris), and clients that do
    /// not read their responses.
    public var requestTimeout: Duration
    /// Open connections at most. Beyond it the server stops accepting (new connections wait in the
    /// kernel's listen backlog) and says so once on standard error; it accepts again as soon as one
    /// closes. `nil`: `defaultConnectionCap()`.
    public var maxConnections: Int?

    public init(
        maxFieldBytes: Int = 8 * 1024, maxHeadBytes: Int = 16 * 1024, maxHeaderCount: Int = 64,
        maxBodyBytes: Int = 64 * 1024, requestTimeout: Duration = .seconds(10), maxConnections: Int? = nil
    ) {
        self.maxFieldBytes = maxFieldBytes
        self.maxHeadBytes = maxHeadBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.requestTimeout = requestTimeout
        self.maxConnections = maxConnections
    }

    /// Descriptors kept free for everything that is not a client connection: the standard streams, the
    /// listening socket, the event loops' epoll, event and timer descriptors, the files a request opens
    /// (the tree's folder and the document), a rebuild's reads and writes.
    public static let reservedDescriptors = 32

    /// 1,024 connections, or fewer when the descriptor limit (`ulimit -n`) minus `reservedDescriptors` is
    /// lower, so that connections alone can never exhaust the descriptors (issue #15, item 2); at least 4.
    public static func defaultConnectionCap() -> Int {
        var limit = rlimit()
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return 1024 }
        let soft = limit.rlim_cur >= rlim_t(Int32.max) ? Int(Int32.max) : Int(limit.rlim_cur)
        return max(4, min(1024, soft - reservedDescriptors))
    }

    /// The cap in force.
    public var connectionCap: Int { maxConnections ?? Self.defaultConnectionCap() }
}
