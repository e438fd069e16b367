import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `flowc-serve` as a process of its own, built beside the tests.
final class ServeProcess: @unchecked Sendable {
    final class Marker {}

    static var binary: URL {
        let bundle = Bundle(for: Marker.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("flowc-serve") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    let process = Process()
    let scratch: ScratchFolder
    private let collected = Collected()
    let port: UInt16

    /// What the server wrote to standard error so far.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ data: Data) { lock.withLock { text += String(decoding: data, as: UTF8.self) } }
        var value: String { lock.withLock { text } }
    }

    /// Starts `flowc-serve --insecure` over the bundled flows with `ulimit -n` set to `descriptors`, and
    /// waits (at most 60 s) for its banner.
    init(descriptors: Int) throws {
        scratch = try ScratchFolder()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "ulimit -n \(descriptors) && exec \"$0\" \"$@\"", Self.binary.path, bundledFlows, "--out",
            scratch.path + "/twiml", "--port", "0", "--insecure",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let collected = self.collected
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { collected.append(data) }
        }
        var found: UInt16?
        for _ in 0..<600 where found == nil {
            let text = collected.value
            if let range = text.range(of: #"at http://127\.0\.0\.1:([0-9]+)"#, options: .regularExpression) {
                found = UInt16(text[range].split(separator: ":").last ?? "")
            }
            guard process.isRunning else { break }
            usleep(100_000)
        }
        guard let found else {
            process.terminate()
            throw RawHTTP.Failure(description: "flowc-serve did not start: \(collected.value)")
        }
        port = found
    }

    var stderr: String { collected.value }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        scratch.remove()
    }
}

@Suite("flowc-serve as a process", .serialized)
struct ServeProcessTests {
    @Test("with more connections than descriptors the listener survives, says so, and serves again")
    func descriptorExhaustion() async throws {
        let server = try ServeProcess(descriptors: 64)
        defer { server.stop() }
        let port = server.port
        let route = "/front_desk/legs/caller/start.xml"
        #expect(try await RawHTTP.send(port: port, method: "GET", target: route, headers: [], body: []).status == 200)
        // 200 idle connections: over the cap (64 - 32 reserved) and over the descriptor limit itself.
        let flood = await onThread { (0..<200).compactMap { _ in try? Client(port: port, timeout: 2) } }
        #expect(flood.count > 64, "only \(flood.count) connections were made")
        try await Task.sleep(for: .milliseconds(500))
        #expect(server.process.isRunning)
        #expect(server.stderr.contains("connection limit reached"), "\(server.stderr)")
        drop(flood)
        // Listening still: served again within a few seconds of the flood ending.
        var status: Int?
        for _ in 0..<50 where status != 200 {
            status = try? await RawHTTP.send(port: port, method: "GET", target: route, headers: [], body: []).status
            if status != 200 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(status == 200, "the listener did not come back: \(server.stderr)")
    }

    private func drop(_ clients: [Client]) {}
}
