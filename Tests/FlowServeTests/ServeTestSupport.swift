import FlowCompiler
import Foundation
import Testing

@testable import FlowServe

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The repository's root, from this file's path (Tests/FlowServeTests/…).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The bundled flows every routing test builds.
let bundledFlows = repositoryRoot + "/flows"

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct ScratchFolder {
    let path: String

    init() throws {
        let made = NSTemporaryDirectory() + "/flowserve-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: false)
        // Resolved, so paths compare equal to what realpath gives the server (/tmp may be a link).
        path = URL(fileURLWithPath: made).resolvingSymlinksInPath().path
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Lines the server printed, collected across its tasks.
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}

/// A server started on 127.0.0.1 with port 0, over a fresh output folder; `stop()` ends it and removes the
/// folder. Every test that makes one stops it, also when the test fails (`withServer`).
struct RunningServer {
    let server: DevServer
    let port: UInt16
    let output: String
    let requests: Recorder
    let messages: Recorder

    var manifest: RouteManifest { server.tree.table!.manifest }

    func request(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) async throws -> RawResponse {
        try await RawHTTP.send(port: port, method: method, target: target, headers: headers, body: body)
    }
}

func withServer(
    paths: [String] = [bundledFlows], security: RequestSecurity = .insecure, watch: Bool = false,
    limits: ServeLimits = ServeLimits(), _ body: (RunningServer) async throws -> Void
) async throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let requests = Recorder()
    let messages = Recorder()
    let server = try DevServer(
        options: ServeOptions(
            paths: paths, output: scratch.path + "/twiml", port: 0, watch: watch, pollInterval: .milliseconds(100),
            security: security, limits: limits),
        output: ServeOutput(requestLine: requests.append, message: messages.append))
    guard case .built = server.build() else {
        Issue.record("the build failed: \(messages.lines.joined(separator: "\n"))")
        return
    }
    let port = try await server.start()
    let running = RunningServer(
        server: server, port: port, output: scratch.path + "/twiml", requests: requests, messages: messages)
    do {
        try await body(running)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

struct RawResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    func header(_ name: String) -> String? { headers[name.lowercased()] }
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A minimal HTTP/1.1 client over a POSIX socket, so that request targets reach the server exactly as
/// written (URLSession would normalize `..` and encodings away). It runs on a thread of its own: blocking
/// calls never occupy the concurrency pool the server runs on. Reads time out after ten seconds.
enum RawHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func send(
        port: UInt16, method: String, target: String, headers: [(String, String)], body: [UInt8]
    ) async throws -> RawResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        let bytes = Array(head.utf8) + body
        let result: Result<[UInt8], Failure> = await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: exchange(port: port, request: bytes, isHead: method == "HEAD"))
            }.start()
        }
        return try parse(try result.get())
    }

    /// A socket connected to 127.0.0.1:`port`, with send and receive time-outs of `timeout` seconds.
    static func connectLoopback(port: UInt16, timeout: Int) throws(Failure) -> Int32 {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket: \(errno)") }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(description: "connect: \(code)")
        }
        return descriptor
    }

    private static func exchange(port: UInt16, request: [UInt8], isHead: Bool) -> Result<[UInt8], Failure> {
        let descriptor: Int32
        do { descriptor = try connectLoopback(port: port, timeout: 10) } catch { return .failure(error) }
        defer { close(descriptor) }
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return .failure(Failure(description: "write: \(errno)")) }
            sent += count
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return .failure(Failure(description: "read: \(errno)")) }
            if count == 0 { break }
            response += buffer[0..<count]
            if isComplete(response, isHead: isHead) { break }
        }
        return .success(response)
    }

    /// Whether a whole response has arrived: its head, and for a body its `Content-Length` bytes (the
    /// server may keep the socket open). A HEAD response has no body whatever its `Content-Length`.
    private static func isComplete(_ bytes: [UInt8], isHead: Bool) -> Bool {
        guard let end = headerEnd(bytes) else { return false }
        if isHead { return true }
        let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
        guard head.contains("\r\ncontent-length: ") else { return false }
        let value = head.components(separatedBy: "\r\ncontent-length: ")[1].prefix { $0.isNumber }
        return bytes.count - (end + 4) >= Int(value) ?? 0
    }

    private static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    private static func parse(_ bytes: [UInt8]) throws -> RawResponse {
        guard let end = headerEnd(bytes) else {
            throw Failure(description: "no complete response: \(String(decoding: bytes, as: UTF8.self))")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line \(lines[0])")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: Array(bytes[(end + 4)...]))
    }
}
