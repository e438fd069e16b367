import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// One refused request, for the request log: method and path as received (`-` when the head could not be
/// parsed), the status sent and why.
struct Refusal: Sendable {
    var method: String
    var path: String
    var status: Int
    var reason: String
}

/// Sits in every connection's pipeline between SwiftNIO's HTTP/1 codec and the conversion to HTTP types,
/// where it sees each request head exactly as parsed (every `Host` header, the raw target) before
/// Hummingbird or the handler do, and enforces what the parser does not (issue #15):
///
/// - a parse error, a head over `ServeLimits.maxHeadBytes`/`maxFieldBytes`/`maxHeaderCount` above all,
///   is answered 431 (400 for other malformed input) and the connection closed;
/// - the target must be a path (origin form, starting with `/`): 400;
/// - exactly one `Host` header, a bare `host[:port]` (`PublicURL.isValidHost`): 400 otherwise, so the URL a
///   signature is checked against can never take part of its path from the Host header;
/// - a `Content-Length` over `maxBodyBytes`: 413 before the body is read; body bytes over it (chunked):
///   the connection is closed;
/// - the request timeout (`ServeLimits.requestTimeout`), restarted each time a response ends;
/// - on shutdown (`ChannelShouldQuiesceEvent`) the connection closes once no response is in flight.
///
/// A refused request is never passed on, so the handler never sees it; its answer is written here, after
/// any response still in flight on the connection, and the connection is closed after it.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let limits: ServeLimits
    private let refused: @Sendable (Refusal) -> Void
    private var timer: Scheduled<Void>?
    private var bodyBytes = 0
    /// Requests passed on whose response has not ended yet.
    private var inFlight = 0
    /// Set once a request is refused: everything after it is dropped, and the connection closes.
    private var closing = false
    private var pendingRefusal: (HTTPResponseStatus, String)?
    private var quiescing = false

    init(limits: ServeLimits, refused: @escaping @Sendable (Refusal) -> Void) {
        self.limits = limits
        self.refused = refused
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { restartTimer(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        restartTimer(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        let part = unwrapInboundIn(data)
        switch part {
        case .head(let head):
            bodyBytes = 0
            if let (status, reason) = problem(with: head) {
                refuse(context, status: status, reason: reason, method: head.method.rawValue, path: head.uri)
                return
            }
            inFlight += 1
        case .body(let buffer):
            bodyBytes += buffer.readableBytes
            if bodyBytes > limits.maxBodyBytes {
                // The head is already with the handler: no second answer can be written, so the connection
                // is closed and the handler's read of the body fails.
                closing = true
                refused(Refusal(method: "-", path: "-", status: 413, reason: "body over \(limits.maxBodyBytes) bytes"))
                context.close(promise: nil)
                return
            }
        case .end:
            break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        context.write(data, promise: promise)
        guard case .end = part else { return }
        inFlight = max(0, inFlight - 1)
        restartTimer(context)
        if inFlight == 0 {
            if let (status, reason) = pendingRefusal {
                pendingRefusal = nil
                writeRefusal(context, status: status, reason: reason)
            } else if quiescing {
                context.flush()
                context.close(promise: nil)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parseError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !closing else { return }
        let tooLarge = parseError == .headerOverflow
        let reason =
            tooLarge
            ? "request head over \(limits.maxHeadBytes) bytes, a field over \(limits.maxFieldBytes) or over "
                + "\(limits.maxHeaderCount) headers"
            : "malformed request (\(parseError))"
        refuse(context, status: tooLarge ? .requestHeaderFieldsTooLarge : .badRequest, reason: reason, method: "-", path: "-")
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent {
            quiescing = true
            if inFlight == 0 { context.close(promise: nil) }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// What is wrong with a head, or `nil`.
    private func problem(with head: HTTPRequestHead) -> (HTTPResponseStatus, String)? {
        guard head.uri.hasPrefix("/") else { return (.badRequest, "request target is not a path") }
        let hosts = head.headers["Host"]
        guard hosts.count == 1 else { return (.badRequest, "\(hosts.count) Host headers; exactly one is required") }
        guard PublicURL.isValidHost(hosts[0]) else { return (.badRequest, "Host is not host[:port]") }
        let lengths = head.headers["Content-Length"]
        if let length = lengths.first, let value = Int(length.trimmingCharacters(in: .whitespaces)),
            value > limits.maxBodyBytes
        {
            return (.payloadTooLarge, "body of \(value) bytes, over \(limits.maxBodyBytes)")
        }
        return nil
    }

    private func refuse(
        _ context: ChannelHandlerContext, status: HTTPResponseStatus, reason: String, method: String, path: String
    ) {
        closing = true
        let shownPath = String(path.prefix { $0 != "?" }.prefix(200))
        refused(Refusal(method: String(method.prefix(20)), path: shownPath, status: Int(status.code), reason: reason))
        if inFlight == 0 {
            writeRefusal(context, status: status, reason: reason)
        } else {
            pendingRefusal = (status, reason)
        }
    }

    private func writeRefusal(_ context: ChannelHandlerContext, status: HTTPResponseStatus, reason: String) {
        let body = context.channel.allocator.buffer(string: "\(status.code) \(status.reasonPhrase)\n")
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }

    private func restartTimer(_ context: ChannelHandlerContext) {
        timer?.cancel()
        let (seconds, attoseconds) = limits.requestTimeout.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: .nanoseconds(nanoseconds)) {
            loopBound.value.close(promise: nil)
        }
    }
}

/// The connection pipeline: SwiftNIO's HTTP/1 codec with `ServeLimits`' header limits, the
/// `ConnectionGuard`, the conversion to HTTP types, and Hummingbird's request loop (`handleHTTP`).
/// It replaces `HTTP1Channel`, which cannot place a handler before the conversion.
struct ServeChannel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let limits: ServeLimits
    let refused: @Sendable (Refusal) -> Void

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            var decoder = NIOHTTPDecoderLimitConfiguration()
            decoder.maxHeaderFieldSize = limits.maxFieldBytes
            decoder.maxHeaderListSize = limits.maxHeadBytes
            decoder.maxHeaderFieldCount = limits.maxHeaderCount
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                withPipeliningAssistance: false, withErrorHandling: false, withOutboundHeaderValidation: false,
                withEncoderConfiguration: .init(), withDecoderLimitConfiguration: decoder)
            try channel.pipeline.syncOperations.addHandler(ConnectionGuard(limits: limits, refused: refused))
            try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            return try NIOAsyncChannel(
                wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: value, logger: logger)
    }
}

/// Hummingbird's connection cap, with the log line issue #15 asks for: one line each time the cap is
/// reached, at most one a second. It runs on the listening channel's event loop only.
struct ConnectionCap: AvailableConnectionsDelegate {
    let maximum: Int
    private let state: State

    final class State: @unchecked Sendable {
        var open = 0
        var full = false
        var lastReport: ContinuousClock.Instant?
        let log: @Sendable (String) -> Void
        init(log: @escaping @Sendable (String) -> Void) { self.log = log }
    }

    init(maximum: Int, log: @escaping @Sendable (String) -> Void) {
        self.maximum = maximum
        self.state = State(log: log)
    }

    mutating func connectionOpened() { state.open += 1 }
    mutating func connectionClosed() { state.open -= 1 }

    func isAcceptingNewConnections() -> Bool {
        let accepting = state.open < maximum
        if !accepting && !state.full {
            state.full = true
            let now = ContinuousClock.now
            if state.lastReport.map({ now - $0 >= .seconds(1) }) ?? true {
                state.lastReport = now
                state.log(
                    "connection limit reached: \(state.open) connections open (limit \(maximum)); new connections "
                        + "wait until one closes")
            }
        } else if accepting && state.full {
            state.full = false
        }
        return accepting
    }
}
