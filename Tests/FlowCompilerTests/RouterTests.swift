import FlowDiagnostics
import Foundation
import Testing

@testable import FlowCompiler

/// What the routers of `flowc router` are made of, and how it fails on a tree it cannot read. That each
/// router routes as `RouteDispatch.select` does is checked on the engines themselves (nginx and Node.js)
/// by Tests/routers/check_routers.py in CI.
@Suite struct RouterTests {
    static let branching = """
        flow menu
          leg caller entry
            step start
              gather input=dtmf_speech num_digits=1 then -> start
                on "1", "*" -> sales
                on speech "sales" -> sales
              hangup
            step sales
              hangup
        """

    static func manifest() throws -> RouteManifest {
        try #require(Compiler.build(sources: [SourceFile(path: "menu.flow", text: branching)]).manifest)
    }

    @Test func nginxPatternAcceptsEverySpellingOfAValue() throws {
        let pattern = NginxRouter.pattern(of: "*a b")
        // Inside an nginx string, `\\` is one backslash: the regex is (?:\*|%2A|%2a)(?:a|%61)(?:\+|%20)(?:b|%62).
        #expect(pattern == #"(?:\\*|%2A|%2a)(?:a|%61)(?:\\+|%20)(?:b|%62)"#)
        #expect(NginxRouter.pattern(of: "é") == "(?:%C3|%c3)(?:%A9|%a9)")
        #expect(NginxRouter.pattern(of: "#") == "%23")
    }

    @Test func nginxSnippetHasOneLocationPerRouteAndLeavesSpeechToTheDefault() throws {
        let manifest = try Self.manifest()
        let text = RouterTarget.nginx.render(manifest)
        for route in manifest.routes { #expect(text.contains("location = \(route.path) {")) }
        #expect(text.contains(#"if ($arg_Digits ~ "^(?:(?:1|%31)|(?:\\*|%2A|%2a))$") {"#))
        #expect(text.contains("rewrite ^ /menu/legs/caller/sales.xml break;"))
        #expect(text.contains("# case 2 (SpeechResult, words) needs flowc serve or the Worker"))
        #expect(text.contains("location / {\n    return 404;\n}"))
    }

    @Test func workerCarriesEveryRouteAndTheDispatchTable() throws {
        let manifest = try Self.manifest()
        let text = RouterTarget.cloudflare.render(manifest)
        for route in manifest.routes { #expect(text.contains("  \"\(route.path)\",")) }
        #expect(text.contains(#"{ parameter: "SpeechResult", match: "words", values: ["sales"], path: "/menu/legs/caller/sales.xml" }"#))
        #expect(text.contains("export default {"))
    }

    @Test func javaScriptLiteralsEscapeWhatWouldEndThem() {
        #expect(JavaScriptLiteral.string("a\"b\\c\n\u{2028}\u{7}") == #""a\"b\\c\n\u{2028}\u{7}""#)
    }

    @Test func aTreeWithoutAManifestIsAnInputProblem() throws {
        let folder = NSTemporaryDirectory() + "flowc-router-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard case .failure(let missing) = RouterTarget.nginx.render(manifestAt: folder + "/nope") else {
            Issue.record("a missing tree rendered")
            return
        }
        #expect(missing.description.contains("no such file or folder"))
        guard case .failure(let unreadable) = RouterTarget.nginx.render(manifestAt: folder) else {
            Issue.record("a tree without routes.json rendered")
            return
        }
        #expect(unreadable.description.contains("routes.json: cannot be read"))
        try Data("{\"flows\": 3}".utf8).write(to: URL(fileURLWithPath: folder + "/routes.json"))
        guard case .failure(let malformed) = RouterTarget.cloudflare.render(manifestAt: folder) else {
            Issue.record("a malformed routes.json rendered")
            return
        }
        #expect(malformed.description.contains("not a routes.json flowc wrote"))
    }
}
