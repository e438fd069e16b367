import FlowCompiler
import FlyingFox
import Foundation

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
/// then the signature (403 when missing or wrong, unless `--insecure`); then the file, read through
/// `TreeReader` (404 when it vanished or is refused, 500 when it cannot be read). Each request is logged
/// on one line (`RequestLogLine`).
public struct ServeHandler: HTTPHandler {
    public static let allowedMethods: Set<String> = ["GET", "POST", "HEAD"]

    public let tree: ServedTree
    public let security: RequestSecurity
    public let log: @Sendable (String) -> Void

    public init(tree: ServedTree, security: RequestSecurity, log: @escaping @Sendable (String) -> Void) {
        self.tree = tree
        self.security = security
        self.log = log
    }

    public func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let start = ContinuousClock.now
        let rawPath = request.target.path(percentEncoded: true)
        let route = tree.table?.route(forRawPath: rawPath)
        let (response, note) = await respond(to: request, route: route)
        let elapsed = ContinuousClock.now - start
        let milliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        log(
            RequestLogLine(
                method: request.method.rawValue, path: rawPath, route: route, status: response.statusCode.code,
                milliseconds: milliseconds, note: note, insecure: security.isInsecure
            ).text)
        return response
    }

    private func respond(to request: HTTPRequest, route: RouteManifest.Route?) async -> (HTTPResponse, String?) {
        guard let route else { return (Self.plain(.notFound), nil) }
        let method = request.method.rawValue
        guard Self.allowedMethods.contains(method) else {
            var response = Self.plain(.methodNotAllowed)
            response.headers[HTTPHeader("Allow")] = "GET, HEAD, POST"
            return (response, nil)
        }
        if case .twilioSignature(let validator, let publicURL) = security {
            let verdict = await verify(request, validator: validator, publicURL: publicURL)
            guard verdict.isValid else { return (Self.plain(.forbidden), verdict.reason) }
        }
        let bytes: [UInt8]
        do {
            bytes = try TreeReader.read(file: route.file, root: tree.root)
        } catch {
            switch error {
            case .missing: return (Self.plain(.notFound), "\(route.file) is missing from \(tree.root)")
            case .refused(let why): return (Self.plain(.notFound), why)
            case .unreadable(let code):
                return (Self.plain(.internalServerError), "\(route.file): \(String(cString: strerror(code)))")
            }
        }
        var headers: HTTPHeaders = [:]
        headers[.contentType] = route.contentType
        // A development server: the next request must see the next build, never a cached document.
        headers[.cacheControl] = "no-cache"
        if method == "HEAD" {
            headers[.contentLength] = String(bytes.count)
            return (HTTPResponse(statusCode: .ok, headers: headers), nil)
        }
        return (HTTPResponse(statusCode: .ok, headers: headers, body: Data(bytes)), nil)
    }

    private func verify(_ request: HTTPRequest, validator: TwilioSignature, publicURL: PublicURL?) async
        -> TwilioSignature.Verdict
    {
        let rawTarget = request.target.rawValue
        guard
            let url = publicURL?.url(rawTarget: rawTarget)
                ?? PublicURL.direct(host: request.headers[.host], rawTarget: rawTarget)
        else { return .unknownURL }
        let isPost = request.method.rawValue == "POST"
        var body: [UInt8]?
        if isPost {
            do { body = Array(try await request.bodyData) } catch { return .unreadableBody }
        }
        let isForm = isPost && Self.isForm(request.headers[.contentType])
        return validator.validate(
            url: url, body: body, isForm: isForm, signature: request.headers[HTTPHeader(TwilioSignature.header)],
            settings: request.headers[HTTPHeader(TwilioSignature.settingsHeader)])
    }

    /// `application/x-www-form-urlencoded`, whatever its parameters (`; charset=utf-8`) and letter case.
    static func isForm(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return mediaType.trimmingCharacters(in: .whitespaces).lowercased() == "application/x-www-form-urlencoded"
    }

    private static func plain(_ status: HTTPStatusCode) -> HTTPResponse {
        var headers: HTTPHeaders = [:]
        headers[.contentType] = "text/plain; charset=utf-8"
        return HTTPResponse(statusCode: status, headers: headers, body: Data("\(status.code) \(status.phrase)\n".utf8))
    }
}
