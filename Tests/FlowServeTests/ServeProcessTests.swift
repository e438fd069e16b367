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

    /// Runs `flowc-serve` with `arguments` to its end, without `TWILIO_AUTH_TOKEN` (so nothing it accepts
    /// can start serving), and returns its exit status and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "TWILIO_AUTH_TOKEN" }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }

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

    /// A usage error ends with 2, as every flowc command's does (README, "Exit codes"), never with
    /// ArgumentParser's 64, and says what is wrong on standard error.
    @Test(
        "a usage error exits 2 with ArgumentParser's message", .timeLimit(.minutes(1)),
        arguments: [["--bogus"], ["--port", "http"], ["--port", "70000"], ["--port"], ["--watch=yes"]])
    func usageErrorExitsTwo(_ arguments: [String]) throws {
        let result = try ServeProcess.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: "), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: flowc serve"), "\(result.stderr)")
    }

    /// Help is no usage error, and a missing token is still refused with 2 (not ArgumentParser's 1).
    @Test("help exits 0; a missing TWILIO_AUTH_TOKEN exits 2", .timeLimit(.minutes(1)))
    func helpAndMissingToken() throws {
        let help = try ServeProcess.run(["--help"])
        #expect(help.status == 0, "\(help.stderr)")
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let missing = try ServeProcess.run([bundledFlows, "--out", scratch.path + "/twiml", "--port", "0"])
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("TWILIO_AUTH_TOKEN is not set"), "\(missing.stderr)")
    }
}
