import Foundation
import Testing

@testable import FlowLanguageServer

@Suite struct MessageFramingTests {
    private func messages(_ events: [MessageReader.Event]) -> [String] {
        events.compactMap { if case .message(let body) = $0 { String(decoding: body, as: UTF8.self) } else { nil } }
    }

    @Test func readsMessagesSplitAtEveryByte() {
        let stream = Array(MessageWriter.frame(Data(#"{"a":"é"}"#.utf8)) + MessageWriter.frame(Data("[]".utf8)))
        var reader = MessageReader()
        var events: [MessageReader.Event] = []
        for byte in stream { events += reader.feed([byte]) }
        #expect(messages(events) == [#"{"a":"é"}"#, "[]"])
        #expect(reader.pendingByteCount == 0)
    }

    @Test func lengthCountsBytesNotCharacters() {
        let body = Data(#"{"t":"😀"}"#.utf8)
        let framed = String(decoding: MessageWriter.frame(body), as: UTF8.self)
        #expect(framed.hasPrefix("Content-Length: \(body.count)\r\n\r\n"))
        #expect(body.count != #"{"t":"😀"}"#.count)
    }

    @Test func headerNamesAreCaseInsensitiveAndOtherFieldsAreIgnored() {
        var reader = MessageReader()
        let events = reader.feed(Array("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8))
        #expect(messages(events) == ["{}"])
    }

    @Test(arguments: [
        "Content-Type: x\r\n\r\n", "Content-Length: -1\r\n\r\n", "Content-Length: 1x\r\n\r\n",
        "Content-Length: 2\r\nContent-Length: 3\r\n\r\n", "garbage without colon\r\n\r\n",
        "Content-Length: 99999999999999999999999\r\n\r\n",
    ])
    func aHeaderWithoutAUsableLengthIsReportedAndTheNextMessageStillReads(_ header: String) {
        var reader = MessageReader()
        let events = reader.feed(Array((header + "Content-Length: 2\r\n\r\n{}").utf8))
        guard case .malformedHeader? = events.first else {
            Issue.record("expected a malformed header first, got \(events)")
            return
        }
        #expect(messages(events) == ["{}"])
    }

    @Test func aMessageOverTheLimitIsSkippedWithoutBufferingIt() {
        var reader = MessageReader(maximumLength: 10)
        var events = reader.feed(Array("Content-Length: 1000\r\n\r\n".utf8))
        #expect(events == [.tooLong(1000)])
        for _ in 0..<10 { events = reader.feed([UInt8](repeating: 65, count: 100)) }
        #expect(events.isEmpty)
        #expect(reader.pendingByteCount == 0)
        #expect(messages(reader.feed(Array(MessageWriter.frame(Data("{}".utf8))))) == ["{}"])
    }

    @Test func anEndlessHeaderIsCutOff() {
        var reader = MessageReader()
        let events = reader.feed([UInt8](repeating: 65, count: 20_000))
        #expect(events.contains { if case .malformedHeader = $0 { true } else { false } })
        #expect(reader.pendingByteCount <= 20_000)
    }

    @Test func jsonKeepsBooleansApartFromNumbers() throws {
        let value = try #require(JSON.parse(Data(#"{"a":true,"b":1,"c":1.5,"d":null,"e":["x"]}"#.utf8)))
        #expect(value["a"] == .bool(true))
        #expect(value["b"] == .int(1))
        #expect(value["c"] == .double(1.5))
        #expect(value["d"] == .null)
        #expect(value["e"]?[0] == "x")
        #expect(JSON.parse(Data("{bad".utf8)) == nil)
        #expect(JSON.parse(value.encoded()) == value)
    }
}
