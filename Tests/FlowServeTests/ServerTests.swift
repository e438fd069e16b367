import FlowCompiler
import Foundation
import Testing

@testable import FlowServe

/// The server over real sockets on 127.0.0.1 (port 0), built from the bundled flows. Serialized: each test
/// starts and stops its own server, and the machine has two cores.
@Suite("flowc-serve over HTTP", .serialized)
struct ServerTests {
    @Test("every manifest route answers GET, POST and HEAD with its exact bytes and text/xml")
    func everyRoute() async throws {
        try await withServer { running in
            let routes = running.manifest.routes
            #expect(routes.count > 10)
            #expect(running.server.tree.table?.count == routes.count)
            for route in routes {
                let expected = try Array(Data(contentsOf: URL(fileURLWithPath: running.output + "/" + route.file)))
                let get = try await running.request("GET", route.path)
                #expect(get.status == 200, "\(route.path)")
                #expect(get.body == expected, "\(route.path)")
                #expect(get.header("Content-Type") == "text/xml")
                // A junction serves the case its parameters select (Docs/Output.md#dispatch).
                let selected = route.dispatch?.select(query: ["CallSid": "CA1", "Digits": "1"]).file ?? route.file
                let posted = try Array(Data(contentsOf: URL(fileURLWithPath: running.output + "/" + selected)))
                let post = try await running.request(
                    "POST", route.path, headers: [("Content-Type", "application/x-www-form-urlencoded")],
                    body: Array("CallSid=CA1&Digits=1".utf8))
                #expect(post.status == 200 && post.body == posted, "\(route.path)")
                let head = try await running.request("HEAD", route.path)
                #expect(head.status == 200 && head.body.isEmpty, "\(route.path)")
                #expect(head.header("Content-Length") == String(expected.count))
            }
            // The bytes are the ones the manifest's digests describe.
            let first = try #require(routes.first)
            let served = try await running.request("GET", first.path)
            #expect(ContentDigest.sha256(served.body) == first.sha256)
        }
    }

    @Test("a junction serves the case its query or form selects, its own document otherwise, and logs the case")
    func dispatch() async throws {
        let flow = repositoryRoot + "/Tests/FlowFixtureTests/Fixtures/compile/branching/input.flow"
        try await withServer(paths: [flow]) { running in
            func file(_ name: String) throws -> [UInt8] {
                try Array(Data(contentsOf: URL(fileURLWithPath: running.output + "/branching/legs/caller/" + name)))
            }
            let junction = "/branching/legs/caller/start.on1.xml"
            let cases: [(String, String)] = [
                ("?Digits=1", "sales.xml"), ("?CallSid=CA1&Digits=2", "support.xml"),
                ("?SpeechResult=Sales%2C+please%21", "sales.xml"), ("?SpeechResult=SUPPORT", "support.xml"),
                ("?Digits=9", "start.on1.xml"), ("", "start.on1.xml"), ("?Digits=1&Digits=2", "sales.xml"),
            ]
            for (query, expected) in cases {
                let response = try await running.request("GET", junction + query)
                #expect(response.status == 200, "\(query)")
                #expect(response.body == (try file(expected)), "\(query) should serve \(expected)")
            }
            let post = try await running.request(
                "POST", junction, headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array("CallSid=CA1&Digits=2".utf8))
            #expect(post.body == (try file("support.xml")))
            let status = try await running.request("GET", "/branching/legs/caller/sales.on1.xml?DialCallStatus=no-answer")
            #expect(status.body == (try file("voicemail.xml")))
            #expect(running.requests.lines.contains { $0.contains("dispatch Digits=1 -> /branching/legs/caller/sales.xml") })
        }
    }

    @Test("unknown paths are 404; other methods on a route are 405 with Allow")
    func unknownAndMethods() async throws {
        try await withServer { running in
            for target in ["/", "/routes.json", "/.flowc-outputs.json", "/nope.xml", "/front_desk/legs/caller/nope.xml",
                "/FRONT_DESK/legs/caller/start.xml", "/front_desk/legs/caller/start.xml/", "/front_desk/"]
            {
                let response = try await running.request("GET", target)
                #expect(response.status == 404, "\(target)")
                #expect(!response.text.contains("<Response>"))
            }
            let route = try #require(running.manifest.routes.first)
            for method in ["PUT", "DELETE", "OPTIONS", "PATCH"] {
                let response = try await running.request(method, route.path)
                #expect(response.status == 405, "\(method)")
                #expect(response.header("Allow") == "GET, HEAD, POST")
            }
            // A query string does not change the route.
            #expect(try await running.request("GET", route.path + "?CallSid=CA1&From=%2B1555").status == 200)
        }
    }

    @Test(
        "path-escape attempts never reach a file",
        arguments: [
            "/../routes.json", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/front_desk/legs/caller/%2e%2e%2f%2e%2e%2f%2e%2e%2froutes.json",
            "/front_desk%2flegs%2fcaller%2fstart.xml", "/%252e%252e/%252e%252e/etc/passwd",
            "/front_desk/legs/caller/../caller/start.xml", "/front_desk/./legs/caller/start.xml",
            "//front_desk/legs/caller/start.xml", "/etc/passwd", "http://127.0.0.1/front_desk/legs/caller/start.xml",
            "/front_desk/legs/caller/start%2exml", "/front_desk/legs/caller/start.xml%00.txt",
            "/front_desk\\legs\\caller\\start.xml", "..%2f..%2fetc%2fpasswd",
        ])
    func pathEscapes(_ target: String) async throws {
        try await withServer { running in
            let response = try await running.request("GET", target)
            #expect(response.status == 404 || response.status == 400, "\(target) → \(response.status)")
            #expect(!response.text.contains("<Response>"))
            #expect(!response.text.contains("root:"))
            #expect(!response.text.contains("manifestVersion"))
        }
    }

    @Test("a route whose file is a link out of the tree, or under a linked folder, is refused")
    func symlinksOut() async throws {
        let outside = try ScratchFolder()
        defer { outside.remove() }
        let secret = outside.path + "/secret.xml"
        try Data("<Response><Say>SECRET</Say></Response>".utf8).write(to: URL(fileURLWithPath: secret))
        try await withServer { running in
            let manager = FileManager.default
            let routes = running.manifest.routes
            let linked = try #require(routes.first { $0.flow == "front_desk" })
            try manager.removeItem(atPath: running.output + "/" + linked.file)
            try manager.createSymbolicLink(atPath: running.output + "/" + linked.file, withDestinationPath: secret)
            let response = try await running.request("GET", linked.path)
            #expect(response.status == 404)
            #expect(!response.text.contains("SECRET"))

            // A whole flow folder moved out and linked back: every one of its routes resolves outside.
            let moved = try #require(routes.first { $0.flow == "support_line" })
            try manager.moveItem(atPath: running.output + "/support_line", toPath: outside.path + "/support_line")
            try manager.createSymbolicLink(
                atPath: running.output + "/support_line", withDestinationPath: outside.path + "/support_line")
            #expect(try await running.request("GET", moved.path).status == 404)

            // Links that stay inside the tree: HostileClientTests.linksInside.

            // A folder where a file should be is not a regular file.
            let other = try #require(routes.first { $0.flow == "sales_line" })
            try manager.removeItem(atPath: running.output + "/" + other.file)
            try manager.createDirectory(atPath: running.output + "/" + other.file, withIntermediateDirectories: false)
            #expect(try await running.request("GET", other.path).status == 404)
        }
    }

    @Test("signed requests pass; missing, wrong and tampered ones get 403")
    func signatures() async throws {
        let validator = TwilioSignature(authToken: SignatureVectors.token)
        try await withServer(security: .twilioSignature(validator, publicURL: nil)) { running in
            let route = try #require(running.manifest.routes.first)
            let authority = "http://127.0.0.1:\(running.port)"
            let target = route.path + "?CallSid=CA1&From=%2B15551234567"
            let getSignature = validator.signature(url: authority + target)
            #expect(try await running.request("GET", target, headers: [("X-Twilio-Signature", getSignature)]).status == 200)
            #expect(try await running.request("GET", target).status == 403)
            #expect(try await running.request("GET", target + "&x=1", headers: [("X-Twilio-Signature", getSignature)]).status == 403)
            #expect(try await running.request("GET", target, headers: [("X-Twilio-Signature", "AAAA" + getSignature.dropFirst(4))]).status == 403)

            let form = "Digits=1234&CallSid=CA1"
            let parameters = [FormParameter("Digits", "1234"), FormParameter("CallSid", "CA1")]
            let postSignature = validator.signature(url: authority + route.path, parameters: parameters)
            let formHeader = ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            let signed = try await running.request(
                "POST", route.path, headers: [formHeader, ("X-Twilio-Signature", postSignature)], body: Array(form.utf8))
            #expect(signed.status == 200)
            #expect(signed.header("Content-Type") == "text/xml")
            let tampered = try await running.request(
                "POST", route.path, headers: [formHeader, ("X-Twilio-Signature", postSignature)],
                body: Array("Digits=1235&CallSid=CA1".utf8))
            #expect(tampered.status == 403)
            // Unknown paths stay 404 whatever the signature.
            #expect(try await running.request("GET", "/nope.xml").status == 404)

            let lines = running.requests.lines
            #expect(lines.contains { $0.contains(" 403 ") && $0.hasSuffix("(no X-Twilio-Signature)") })
            #expect(lines.contains { $0.contains(" 403 ") && $0.hasSuffix("(wrong signature)") })
            #expect(!lines.contains { $0.hasPrefix("INSECURE") })
        }
    }

    @Test("--public-url: the signature is over the public URL, not the Host header")
    func publicURL() async throws {
        let validator = TwilioSignature(authToken: SignatureVectors.token)
        let base = try PublicURL("https://abc.example.app/twiml/")
        try await withServer(security: .twilioSignature(validator, publicURL: base)) { running in
            let route = try #require(running.manifest.routes.first)
            let publicSignature = validator.signature(url: "https://abc.example.app/twiml" + route.path)
            let hostSignature = validator.signature(url: "http://127.0.0.1:\(running.port)" + route.path)
            #expect(try await running.request("GET", route.path, headers: [("X-Twilio-Signature", publicSignature)]).status == 200)
            #expect(try await running.request("GET", route.path, headers: [("X-Twilio-Signature", hostSignature)]).status == 403)
            // Twilio may sign with the default port spelled out.
            let withPort = validator.signature(url: "https://abc.example.app:443/twiml" + route.path)
            #expect(try await running.request("GET", route.path, headers: [("X-Twilio-Signature", withPort)]).status == 200)
        }
    }

    @Test("one log line per request: method, path, flow, leg, step, status, time; INSECURE when unchecked")
    func requestLog() async throws {
        try await withServer { running in
            let step = try #require(running.manifest.routes.first { $0.step != nil && $0.leg != nil })
            let special = try #require(running.manifest.routes.first { $0.step == nil })
            _ = try await running.request("GET", step.path + "?From=%2B15551234567")
            _ = try await running.request("POST", special.path)
            // A raw control byte never reaches the log: SwiftNIO's parser refuses the request (400, logged
            // as "- -"; RequestLogLine escapes any that would).
            _ = try await running.request("GET", "/nope\u{1B}[31m.xml")
            _ = try await running.request("DELETE", step.path)
            let lines = running.requests.lines
            try #require(lines.count == 4)
            let time = #/ [0-9]+\.[0-9]ms/#
            #expect(
                lines[0].replacing(time, with: " Tms")
                    == "INSECURE GET \(step.path) flow=\(step.flow) leg=\(step.leg!) step=\(step.step!) 200 Tms")
            #expect(
                lines[1].replacing(time, with: " Tms")
                    == "INSECURE POST \(special.path) flow=\(special.flow) leg=\(special.leg ?? "-") step=- 200 Tms")
            #expect(
                lines[2].replacing(time, with: " Tms")
                    == "INSECURE - - flow=- leg=- step=- 400 Tms (malformed request (invalid URL))")
            #expect(lines[3].contains(" 405 "))
            #expect(!lines.joined().contains("15551234567"), "the query string is not logged")
        }
    }

    @Test("--watch rebuilds on change and keeps the last good build when the flows break")
    func watch() async throws {
        let flows = try ScratchFolder()
        defer { flows.remove() }
        let file = flows.path + "/hello.flow"
        // Atomic writes, as editors save: a poll never reads a half-written file.
        func write(_ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic) }
        func flow(_ greeting: String) -> String {
            "flow hello\n  leg caller entry\n    step start\n      say \"\(greeting)\"\n      hangup\n"
        }
        try write(flow("Hello from flowc."))
        try await withServer(paths: [flows.path], watch: true) { running in
            let path = "/hello/legs/caller/start.xml"
            #expect(try await running.request("GET", path).text.contains("Hello from flowc."))

            try write(flow("Hello again, now longer."))
            #expect(try await eventually { try await running.request("GET", path).text.contains("Hello again") })

            try write("flow hello\n  leg caller entry\n    step start\n      say\n")
            #expect(try await eventually { running.messages.lines.contains { $0.contains("still serving the last good build") } })
            let kept = try await running.request("GET", path)
            #expect(kept.status == 200 && kept.text.contains("Hello again"))
            #expect(running.messages.lines.contains { $0.contains("error") })

            // A new file joins the next build.
            try Data(flow("Second.").replacingOccurrences(of: "flow hello", with: "flow second").utf8)
                .write(to: URL(fileURLWithPath: flows.path + "/second.flow"), options: .atomic)
            try write(flow("Fixed."))
            #expect(
                try await eventually {
                    let second = try await running.request("GET", "/second/legs/caller/start.xml")
                    let fixed = try await running.request("GET", path)
                    return second.status == 200 && fixed.text.contains("Fixed.")
                })
        }
    }

    /// Polls `condition` every 100 ms for at most 15 s.
    private func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<150 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}

@Suite("Serve set-up")
struct ServeSetupTests {
    @Test("without TWILIO_AUTH_TOKEN and without --insecure the server refuses to start")
    func missingToken() throws {
        #expect(throws: ServeSetupError.missingAuthToken) {
            try RequestSecurity.decide(authToken: nil, insecure: false, publicURL: nil)
        }
        #expect(throws: ServeSetupError.missingAuthToken) {
            try RequestSecurity.decide(authToken: "", insecure: false, publicURL: nil)
        }
        let insecure = try RequestSecurity.decide(authToken: nil, insecure: true, publicURL: nil)
        #expect(insecure.isInsecure)
        let checked = try RequestSecurity.decide(authToken: "t", insecure: false, publicURL: nil)
        #expect(!checked.isInsecure)
    }

    @Test("--public-url must be an http(s) URL without query or fragment; a trailing slash is dropped")
    func publicURLs() throws {
        #expect(try PublicURL("https://abc.example.app/").base == "https://abc.example.app")
        #expect(try PublicURL("HTTPS://abc.example.app:8443/twiml//").base == "https://abc.example.app:8443/twiml")
        for bad in ["abc.example.app", "ftp://x.test", "https://", "https://x.test/?a=1", "https://x.test/#f", "https://x .test"] {
            #expect(throws: ServeSetupError.self) {
                try RequestSecurity.decide(authToken: "t", insecure: false, publicURL: bad)
            }
        }
        #expect(PublicURL.direct(host: nil, rawTarget: "/a.xml") == nil)
        #expect(PublicURL.direct(host: "127.0.0.1:8080", rawTarget: "/a.xml?x=1") == "http://127.0.0.1:8080/a.xml?x=1")
    }

    @Test("hosts are IP literals or localhost")
    func hosts() {
        #expect(throws: ServeSetupError.invalidHost("example.com")) {
            _ = try DevServer.address(host: "example.com", port: 0)
        }
        #expect(throws: Never.self) {
            _ = try DevServer.address(host: "localhost", port: 0)
            _ = try DevServer.address(host: "::1", port: 0)
            _ = try DevServer.address(host: "[::1]", port: 0)
        }
    }

    @Test("a manifest route with an unsafe path or file is never served")
    func unsafeManifestRoutes() throws {
        func route(_ path: String, _ file: String) -> RouteManifest.Route {
            RouteManifest.Route(
                path: path, file: file, method: "GET", contentType: "text/xml", sha256: "", flow: "f", leg: nil,
                step: nil, queue: nil, room: nil, context: "normal",
                source: RouteManifest.SourceReference(path: "f.flow", line: 1, column: 1))
        }
        #expect(RouteTable.isSafe(route("/f/a.xml", "f/a.xml")))
        for (path, file) in [("/../a.xml", "../a.xml"), ("/f/a.xml", "g/a.xml"), ("//a.xml", "/a.xml"),
            ("/f/./a.xml", "f/./a.xml"), ("/f/a%2e.xml", "f/a%2e.xml"), ("/f\\a.xml", "f\\a.xml")]
        {
            #expect(!RouteTable.isSafe(route(path, file)), "\(path)")
        }
    }

    @Test("log lines escape control bytes and format time with one decimal")
    func logFormatting() {
        let line = RequestLogLine(method: "GET", path: "/a\nb", route: nil, status: 404, milliseconds: 1.26, note: "x\ry")
        #expect(line.text == "GET /a\\x0Ab flow=- leg=- step=- 404 1.3ms (x\\x0Dy)")
    }
}
