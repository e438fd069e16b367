import Foundation
import Testing

@testable import FlowLanguageServer

/// Diagnostics wait for typing to pause: a burst of changes is checked once, at its last version.
@Suite struct DebounceTests {
    @Test func aBurstOfChangesIsCheckedOnceAtItsLastVersion() throws {
        let outbox = Outbox()
        let server = LanguageServer(debounce: .milliseconds(300)) { outbox.take($0) }
        let uri = "untitled:burst"
        var stream = MessageWriter.frame(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
        stream += MessageWriter.frame(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": [
            "textDocument": ["uri": .string(uri), "languageId": "flow", "version": 1, "text": "flow f\n"],
        ]])
        for version in 2...6 {
            let text = "flow f\n  leg caller entry\n    step start\n      go -> s\(version)\n"
            stream += MessageWriter.frame(["jsonrpc": "2.0", "method": "textDocument/didChange", "params": [
                "textDocument": ["uri": .string(uri), "version": .int(version)],
                "contentChanges": [["text": .string(text)]],
            ]])
        }
        server.receive(Array(stream))
        // Waits for the debounced check (however loaded the machine), then a little longer for any other.
        func published() -> [JSON] {
            server.queue.sync {}
            return outbox.messages.filter { $0["method"] == "textDocument/publishDiagnostics" }
        }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !published().contains(where: { $0["params"]?["version"] == 6 }) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.5)
        let published = published()
        let versions = published.compactMap { $0["params"]?["version"]?.intValue }
        // The open is checked at once (or merged into the burst); the changes only once, at version 6.
        #expect(versions.filter { $0 > 1 } == [6], "\(versions)")
        let last = try #require(published.last?["params"]?["diagnostics"]?.arrayValue)
        #expect(last.map { $0["code"] } == ["FLOW203"], "the undefined step of the last version only: \(last)")
        #expect(last.first?["message"]?.stringValue?.contains("s6") == true)
    }
}
