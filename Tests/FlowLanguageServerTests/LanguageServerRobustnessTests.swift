import Foundation
import Testing

@testable import FlowLanguageServer

/// Collects what the server sends; the server calls it on its own queue.
final class Outbox: @unchecked Sendable {
    private let lock = NSLock()
    private var reader = MessageReader()
    private var received: [JSON] = []

    func take(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        for case .message(let body) in reader.feed(data) {
            if let message = JSON.parse(body) { received.append(message) }
        }
    }

    var messages: [JSON] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }
}

/// Whatever arrives, the server answers each request once and never traps (a trap would end the test
/// process). Requests are built from a seeded generator: every method the server knows and some it does
/// not, with parameters of random shape, positions far outside the text, and buffers edited at random.
@Suite struct LanguageServerRobustnessTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    }

    static let methods = [
        "textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/documentSymbol",
        "textDocument/completion", "textDocument/formatting", "textDocument/codeAction",
        "textDocument/documentHighlight", "no/such", "initialize",
    ]
    static let notifications = ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "$/x"]
    static let texts = [
        "flow f\n  leg a entry\n    step s\n      go -> s\n", "flow\n", "", "\u{FEFF}flow é\r\n\t leg 😀\n",
        "flow f\n  leg a entry\n    step s\n      say \"x\" loop=\n      pause 5\n      dial\n  operation hold a in\n",
        String(repeating: "  ", count: 40) + "gather then ->\n",
    ]

    func randomValue(_ g: inout Generator, depth: Int = 0) -> JSON {
        switch g.int(depth > 2 ? 5 : 8) {
        case 0: return .null
        case 1: return .bool(g.int(2) == 0)
        case 2: return .int(g.pick([-1, 0, 1, 3, 1_000_000, Int.max, Int.min]))
        case 3: return .string(g.pick(["", "file:///f.flow", "x", "utf-8"]))
        case 4: return .double(g.pick([0.5, -1e300, 2.0]))
        case 5: return .array((0..<g.int(3)).map { _ in randomValue(&g, depth: depth + 1) })
        default:
            var members: [String: JSON] = [:]
            for _ in 0..<g.int(4) {
                members[g.pick(["textDocument", "uri", "position", "range", "line", "character", "context", "start",
                    "end", "text", "contentChanges"])] = randomValue(&g, depth: depth + 1)
            }
            return .object(members)
        }
    }

    func position(_ g: inout Generator) -> JSON {
        ["line": .int(g.pick([-3, 0, 1, 2, 3, 50, Int.max])), "character": .int(g.pick([-1, 0, 1, 5, 7, 100, Int.max]))]
    }

    func wellFormedParams(_ g: inout Generator) -> JSON {
        [
            "textDocument": ["uri": "file:///f.flow", "version": .int(g.int(100)), "text": .string(g.pick(Self.texts))],
            "position": position(&g),
            "range": ["start": position(&g), "end": position(&g)],
            "context": ["includeDeclaration": .bool(g.int(2) == 0), "diagnostics": []],
            "contentChanges": [
                g.int(2) == 0
                    ? ["text": .string(g.pick(Self.texts))]
                    : ["range": ["start": position(&g), "end": position(&g)], "text": .string(g.pick(["", "x", "\n", "é😀"]))]
            ],
        ]
    }

    @Test(arguments: [1, 2, 3, 4])
    func randomTrafficIsAnsweredAndNeverTraps(seed: UInt64) {
        let outbox = Outbox()
        let server = LanguageServer(debounce: .milliseconds(0)) { outbox.take($0) }
        var g = Generator(state: seed)
        var requests = 0
        var stream: [UInt8] = Array(MessageWriter.frame(["jsonrpc": "2.0", "id": 0, "method": "initialize", "params": [
            "capabilities": ["general": ["positionEncodings": g.int(2) == 0 ? ["utf-8"] : ["utf-16"]]],
        ]]))
        requests += 1
        for number in 1...300 {
            let params = g.int(3) == 0 ? randomValue(&g) : wellFormedParams(&g)
            if g.int(3) == 0 {
                stream += MessageWriter.frame(["jsonrpc": "2.0", "method": .string(g.pick(Self.notifications)), "params": params])
            } else {
                stream += MessageWriter.frame(["jsonrpc": "2.0", "id": .int(number), "method": .string(g.pick(Self.methods)), "params": params])
                requests += 1
            }
        }
        // Delivered in chunks of random size, as a pipe does.
        var index = 0
        while index < stream.count {
            let size = 1 + g.int(4096)
            server.receive(Array(stream[index..<min(stream.count, index + size)]))
            index += size
        }
        server.queue.sync {}
        let responses = outbox.messages.filter { $0["id"] != nil }
        #expect(responses.count == requests)
        #expect(Set(responses.compactMap { $0["id"]?.intValue }).count == requests)
    }
}
