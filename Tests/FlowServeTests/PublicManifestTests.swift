import FlowCompiler
import Foundation
import Testing

@testable import FlowServe

/// `--public-url` and `routes.json` (issue 14): the manifest the server writes tells Twilio the tunnel's
/// URLs, never the production host of `serve at`.
@Suite("flowc-serve --public-url rewrites routes.json", .serialized)
struct PublicManifestTests {
    static let production = "twiml.example.com"
    static let tunnel = "https://abc123.ngrok.app"

    /// Two bundled flows with every kind of absolute URL the manifest has (entry and outbound entry points,
    /// a participant hold's `HoldUrl`, a call update's `Url`), served at prefixes that are not the flows'
    /// names (`/x/`, trailing `/` included, and `/lines/support`).
    static func writeFlows(into folder: String) throws {
        for (name, base) in [
            ("front_desk", "https://\(production)/x/"), ("support_line", "https://\(production)/lines/support"),
        ] {
            let text = try String(contentsOfFile: bundledFlows + "/\(name).flow", encoding: .utf8)
            let served = text.replacingOccurrences(
                of: "serve at \"https://\(production)/\(name)\"", with: "serve at \"\(base)\"")
            #expect(served != text, "the bundled \(name).flow no longer says serve at")
            try served.write(toFile: folder + "/\(name).flow", atomically: true, encoding: .utf8)
        }
    }

    @Test("the routes.json written carries URLs under the public URL, none under serve at")
    func routesJSONUnderThePublicURL() async throws {
        let flows = try ScratchFolder()
        defer { flows.remove() }
        try Self.writeFlows(into: flows.path)
        let validator = TwilioSignature(authToken: SignatureVectors.token)
        let publicURL = try PublicURL(Self.tunnel + "/")
        try await withServer(paths: [flows.path], security: .twilioSignature(validator, publicURL: publicURL)) {
            running in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: running.output + "/routes.json"))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains(Self.production), "\(text)")
            let written = try JSONDecoder().decode(RouteManifest.self, from: bytes)
            #expect(written == running.manifest, "the routes served are those of the routes.json written")
            #expect(Array(bytes) == ManifestRenderer().renderBytes(written), "routes.json keeps its exact layout")

            let desk = try #require(written.flows.first { $0.name == "front_desk" })
            #expect(desk.baseURL == Self.tunnel + "/front_desk")
            #expect(desk.entryPoints.map(\.url) == desk.entryPoints.map { Self.tunnel + $0.route })
            let holdURLs = desk.operations.flatMap(\.requests).compactMap { $0.parameters["HoldUrl"] }
            #expect(holdURLs == [Self.tunnel + "/front_desk/rooms/desk.hold.xml"])
            let support = try #require(written.flows.first { $0.name == "support_line" })
            #expect(support.baseURL == Self.tunnel + "/support_line")
            let urls = support.operations.flatMap(\.requests).compactMap { $0.parameters["Url"] }
            #expect(
                Set(urls) == [Self.tunnel + "/support_line/legs/caller/held.xml", Self.tunnel + "/support_line/legs/agent/pickup.xml"])

            // What Twilio is told is what this server answers: each entry point's URL, signed as Twilio
            // signs it, is served.
            for entry in written.flows.flatMap(\.entryPoints) {
                let url = try #require(entry.url)
                let signature = validator.signature(url: url)
                let answer = try await running.request("GET", entry.route, headers: [("X-Twilio-Signature", signature)])
                #expect(answer.status == 200, "\(url)")
            }
        }
    }

    @Test("without --public-url routes.json keeps the production URLs of serve at")
    func routesJSONWithoutAPublicURL() async throws {
        let flows = try ScratchFolder()
        defer { flows.remove() }
        try Self.writeFlows(into: flows.path)
        try await withServer(paths: [flows.path]) { running in
            let text = try String(contentsOfFile: running.output + "/routes.json", encoding: .utf8)
            #expect(text.contains("https://\(Self.production)/x/legs/caller/start.xml"))
            #expect(!text.contains("ngrok"))
        }
    }

    @Test("a URL moves from serve at to the flow's folder under the public URL; any other URL stays")
    func rebaseOneURL() throws {
        let publicURL = try PublicURL("https://abc.example.app/twiml")
        let base = "https://\(Self.production)/x/"
        let cases: [(String, String)] = [
            ("https://\(Self.production)/x/legs/caller/start.xml", "https://abc.example.app/twiml/desk/legs/caller/start.xml"),
            ("https://\(Self.production)/x", "https://abc.example.app/twiml/desk"),
            ("https://\(Self.production)/x/", "https://abc.example.app/twiml/desk"),
            ("https://\(Self.production)/xy/legs/caller/start.xml", "https://\(Self.production)/xy/legs/caller/start.xml"),
            ("https://cdn.example.com/audio/hold.mp3", "https://cdn.example.com/audio/hold.mp3"),
        ]
        for (url, expected) in cases {
            #expect(publicURL.rebase(url, flow: "desk", servedAt: base) == expected, "\(url)")
        }
    }
}
