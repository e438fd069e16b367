import FlowCompiler
import Foundation
import HTTPTypes
import HummingbirdCore
import NIOCore
import NIOHTTP1

/// Whether requests must carry a valid `X-Twilio-Signature`.
public enum RequestSecurity: Sendable {
    /// Check every request with this auth token; `publicURL` is the URL Twilio sees, when a tunnel or a
    /// proxy rewrites it (`nil`: `http://` + the `Host` header).
    case twilioSignature(TwilioSignature, publicURL: PublicURL?)
    /// `--insecure`: no check; every log line is marked.
    case insecure

    public var isInsecure: Bool {
        if case .insecure = self { return true }
        return false
    }

    /// `--public-url`, when requests are checked against it (under `--insecure` it is only validated).
    public var publicURL: PublicURL? {
        if case .twilioSignature(_, let publicURL) = self { return publicURL }
        return nil
    }
}

/// The routes being served: the last good build's table and the folder it was written to. Replaced as a
/// whole after each successful rebuild, so a request sees one build's table, never a mix.
public final class ServedTree: @unchecked Sendable {
    /// The folder routes are read from (`--out`).
    public let root: String
    private let lock = NSLock()
    private var current: RouteTable?

    public init(root: String, table: RouteTable? = nil) {
        self.root = root
        self.current = table
    }

    /// The table requests are answered from; `nil` until a build has succeeded.
    public var table: RouteTable? {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}

/// Answers every request: a manifest route with its document, anything else with 404.
///
/// Order of decisions, each final: an unknown path is 404 (before any signature check: a probe learns
/// nothing about signing); a known path with a method other than GET, POST or HEAD is 405 with `Allow`;
/// then, for POST, the body is read, at most `ServeLimits.maxBodyBytes` of it (413 and the connection
/// closed beyond); then the signature (403 when missing or wrong, unless `--insecure`); then the file,
/// read through `TreeReader` (404 when it vanished or is refused, 500 when it cannot be read). Each
/// request is logged on one line (`RequestLogLine`). Requests `ConnectionGuard` refuses never get here.
public struct ServeHandler: Sendable {
    public static let allowedMethods: Set<String> = ["GET", "POST", "HEAD"]

    public let tree: ServedTree
    public let security: RequestSecurity
    public let limits: ServeLimits
    public let log: @Sendable (String) -> Void

    public init(
        tree: ServedTree, security: RequestSecurity, limits: ServeLimits = ServeLimits(),
        log: @escaping @Sendable (String) -> Void
    ) {
        self.tree = tree
        self.security = security
        self.limits = limits
        self.log = log
    }

    /// One answer to send: status, headers, body, and whether to close the connection after it.
    struct Answer {
        var status: Int
        var headers: HTTPFields = [:]
        var body: [UInt8] = []
        var note: String?
        var close = false
        var omitBody = false
    }

    /// The responder Hummingbird calls for each request of a connection.
    func respond(to request: Request, writer: consuming ResponseWriter, channel: any Channel) async throws {
        let start = ContinuousClock.now
        let rawTarget = request.head.path ?? "/"
        let rawPath = String(rawTarget.prefix { $0 != "?" && $0 != "#" })
        let route = tree.table?.route(forRawPath: rawPath)
        let answer = await answer(request, rawTarget: rawTarget, route: route)
        let elapsed = ContinuousClock.now - start
        let milliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        log(
            RequestLogLine(
                method: request.method.rawValue, path: rawPath, route: route, status: answer.status,
                milliseconds: milliseconds, note: answer.note, insecure: security.isInsecure
            ).text)
        var headers = answer.headers
        headers[.contentLength] = String(answer.body.count)
        if answer.close { headers[.connection] = "close" }
        let head = HTTPResponse(status: Self.status(answer.status), headerFields: headers)
        if answer.omitBody || answer.body.isEmpty {
            try await writer.writeResponse(head)
        } else {
            try await writer.write(response: head, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        if answer.close { try? await channel.close() }
    }

    func answer(_ request: Request, rawTarget: String, route: RouteManifest.Route?) async -> Answer {
        guard let route else { return Self.plain(404) }
        let method = request.method.rawValue
        guard Self.allowedMethods.contains(method) else {
            var answer = Self.plain(405)
            answer.headers[.allow] = "GET, HEAD, POST"
            return answer
        }
        var body: [UInt8]?
        if case .twilioSignature(let validator, let publicURL) = security {
            if method == "POST" {
                guard let read = await Self.body(of: request, limit: limits.maxBodyBytes) else {
                    var answer = Self.plain(413)
                    answer.note = "body over \(limits.maxBodyBytes) bytes"
                    answer.close = true
                    return answer
                }
                body = read
            }
            let verdict = verify(request, rawTarget: rawTarget, body: body, validator: validator, publicURL: publicURL)
            guard verdict.isValid else {
                var answer = Self.plain(403)
                answer.note = verdict.reason
                return answer
            }
        }
        if route.dispatch != nil, method == "POST", body == nil {
            body = await Self.body(of: request, limit: limits.maxBodyBytes)
        }
        let served = tree.table?.dispatched(
            route, parameters: Self.parameters(rawTarget: rawTarget, body: body, request: request))
        return read(served?.route ?? route, method: method, note: served?.note)
    }

    /// The answer with `route`'s file from the tree.
    private func read(_ route: RouteManifest.Route, method: String, note: String?) -> Answer {
        let bytes: [UInt8]
        do {
            bytes = try TreeReader.read(file: route.file, root: tree.root)
        } catch {
            var answer: Answer
            switch error {
            case .missing:
                answer = Self.plain(404)
                answer.note = "\(route.file) is missing from \(tree.root)"
            case .refused(let why):
                answer = Self.plain(404)
                answer.note = why
            case .unreadable(let code):
                answer = Self.plain(500)
                answer.note = "\(route.file): \(String(cString: strerror(code)))"
            }
            return answer
        }
        var headers: HTTPFields = [:]
        headers[.contentType] = route.contentType
        // A development server: the next request must see the next build, never a cached document.
        headers[.cacheControl] = "no-cache"
        var answer = Answer(status: 200, headers: headers, body: bytes, omitBody: method == "HEAD")
        answer.note = note
        return answer
    }

    /// The parameters Twilio sent: the query string, then (for a form POST) the body's fields, the first
    /// occurrence of a name winning, as a router reads them (Docs/Output.md#dispatch).
    static func parameters(rawTarget: String, body: [UInt8]?, request: Request) -> [String: String] {
        let query = rawTarget.drop { $0 != "?" }.dropFirst().prefix { $0 != "#" }
        var parameters = RouteDispatch.decodeQuery(query)
        if let body, isForm(request.headers[.contentType]) {
            for (name, value) in RouteDispatch.decodeQuery(Substring(String(decoding: body, as: UTF8.self)))
            where parameters[name] == nil {
                parameters[name] = value
            }
        }
        return parameters
    }

    /// The whole body, or `nil` once it grows over `limit` (what was read is dropped).
    static func body(of request: Request, limit: Int) async -> [UInt8]? {
        var bytes: [UInt8] = []
        do {
            for try await buffer in request.body {
                guard bytes.count + buffer.readableBytes <= limit else { return nil }
                bytes += buffer.readableBytesView
            }
        } catch {
            return nil
        }
        return bytes
    }

    private func verify(
        _ request: Request, rawTarget: String, body: [UInt8]?, validator: TwilioSignature, publicURL: PublicURL?
    ) -> TwilioSignature.Verdict {
        guard
            let url = publicURL?.url(rawTarget: rawTarget)
                ?? PublicURL.direct(host: request.head.authority, rawTarget: rawTarget)
        else { return .unknownURL }
        let isForm = body != nil && Self.isForm(request.headers[.contentType])
        return validator.validate(
            url: url, body: body, isForm: isForm, signature: request.headers[HTTPField.Name(TwilioSignature.header)!],
            settings: request.headers[HTTPField.Name(TwilioSignature.settingsHeader)!])
    }

    /// `application/x-www-form-urlencoded`, whatever its parameters (`; charset=utf-8`) and letter case.
    static func isForm(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return mediaType.trimmingCharacters(in: .whitespaces).lowercased() == "application/x-www-form-urlencoded"
    }

    static func plain(_ code: Int) -> Answer {
        var headers: HTTPFields = [:]
        headers[.contentType] = "text/plain; charset=utf-8"
        return Answer(status: code, headers: headers, body: Array("\(code) \(status(code).reasonPhrase)\n".utf8))
    }

    /// The status with its standard reason phrase (HTTP types leave it empty).
    static func status(_ code: Int) -> HTTPResponse.Status {
        HTTPResponse.Status(code: code, reasonPhrase: HTTPResponseStatus(statusCode: code).reasonPhrase)
    }
}
