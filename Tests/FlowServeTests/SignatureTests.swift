import Crypto
import Foundation
import Testing

@testable import FlowServe

/// Known answers from Twilio's official helper library.
///
/// Produced once with PyPI `twilio` 9.13.0 in a virtual environment (`python3 -m venv v && v/bin/pip install
/// twilio`), by `RequestValidator("12345").compute_signature(url, params)` where `params` was a Flask-style
/// MultiDict (an object with `getall`) of the pairs listed, and by `add_port`/`remove_port` and `validate`
/// for the port and JSON cases. `postDocs` is also the worked example of Twilio's security documentation.
/// Tests/serve/test_signatures.py checks the running server against the same library on every CI run.
enum SignatureVectors {
    static let token = "12345"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var url: String
        var parameters: [FormParameter]
        var signature: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "getWithQuery", url: "https://mycompany.com/myapp.php?foo=1&bar=2", parameters: [],
            signature: "zYQTYrRWXE7LtzbG4PfP7/bkkGo="),
        Case(
            name: "postDocs", url: "https://mycompany.com/myapp.php?foo=1&bar=2",
            parameters: [
                .init("CallSid", "CA1234567890ABCDE"), .init("Caller", "+12349013030"), .init("Digits", "1234"),
                .init("From", "+12349013030"), .init("To", "+18005551212"),
            ],
            signature: "0/KCTR6DLpKmkAf8muzZqo1nDgQ="),
        // Repeated names: values sorted; the same pair twice counts once (Python's set).
        Case(
            name: "repeatedKeys", url: "http://127.0.0.1:8080/front_desk/legs/caller/start.xml",
            parameters: [.init("b", "2"), .init("a", "z"), .init("a", "y"), .init("a", "y")],
            signature: "KXfHWGFvFi7pd18pQ/47pKMY+WE="),
        // Code point order: "A" < "B" < "_" < "a" < "aa".
        Case(
            name: "caseAndPrefix", url: "http://127.0.0.1:8080/x.xml",
            parameters: [.init("a", "1"), .init("B", "2"), .init("aa", "3"), .init("_", "4"), .init("A", "5")],
            signature: "efhvuEK04ovggw3XLtfabOGouLY="),
        // "e" + U+0301 and U+00E9 are two names (no normalization), sorted by code point; UTF-8 outside the BMP.
        Case(
            name: "unicode", url: "http://127.0.0.1:8080/x.xml",
            parameters: [.init("e\u{301}", "1"), .init("\u{E9}", "2"), .init("z", "\u{E9}t\u{E9} \u{1F600}")],
            signature: "oUsg0sa86/w7/71Rc0PNNLux3Tw="),
        Case(
            name: "emptyValue", url: "https://abc.example.app/prefix/a.xml?CallSid=CA1&From=%2B15551234567",
            parameters: [.init("Digits", ""), .init("SpeechResult", "hello world")],
            signature: "pBsRwPPZqK6Nc69oQeGS5/XSh6Y="),
    ]

    /// `https://mycompany.com/myapp.php?foo=1` signed with (`:443`) and without its port.
    static let withPort443 = "unfAeyH+aNMhvX2agqhazTCScj4="
    static let withoutPort443 = "VvTkv7p6vD2y53yH/CZXjtwBTPM="
    /// `http://127.0.0.1:8080/a.xml` signed with and without its port.
    static let withPort8080 = "5JDZ4fBLYLsrlW7Mo2rkoiN8jwU="
    static let withoutPort8080 = "gbkiis8mElQs5PoWVRhsB3/RkKM="

    /// A JSON webhook: the body, its SHA-256 and the signature of the URL carrying it (validate() is True).
    static let jsonBody = #"{"property": "value", "boolean": true}"#
    static let jsonHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
    static let jsonSignature = "y77kIzt2vzLz71DgmJGsen2scGs="
}

@Suite("Twilio request signatures")
struct SignatureTests {
    let validator = TwilioSignature(authToken: SignatureVectors.token)

    @Test("computes what twilio-python computes", arguments: SignatureVectors.cases)
    func knownVectors(_ vector: SignatureVectors.Case) {
        #expect(validator.signature(url: vector.url, parameters: vector.parameters) == vector.signature)
    }

    @Test("a form body is parsed into the pairs the library signs", arguments: SignatureVectors.cases)
    func formRoundTrip(_ vector: SignatureVectors.Case) {
        let body = vector.parameters.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
        let verdict = validator.validate(
            url: vector.url, body: Array(body.utf8), isForm: true, signature: vector.signature)
        #expect(verdict == .valid)
    }

    @Test("parameter order in the body does not matter")
    func orderIndependent() {
        let body = "To=%2B18005551212&From=%2B12349013030&Digits=1234&Caller=%2B12349013030&CallSid=CA1234567890ABCDE"
        let verdict = validator.validate(
            url: "https://mycompany.com/myapp.php?foo=1&bar=2", body: Array(body.utf8), isForm: true,
            signature: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
        #expect(verdict == .valid)
    }

    @Test("the URL is accepted signed with or without its port, as validate() accepts it")
    func ports() {
        for url in ["https://mycompany.com/myapp.php?foo=1", "https://mycompany.com:443/myapp.php?foo=1"] {
            for signature in [SignatureVectors.withPort443, SignatureVectors.withoutPort443] {
                #expect(validator.validate(url: url, body: [], isForm: false, signature: signature) == .valid)
            }
        }
        for signature in [SignatureVectors.withPort8080, SignatureVectors.withoutPort8080] {
            let verdict = validator.validate(
                url: "http://127.0.0.1:8080/a.xml", body: [], isForm: false, signature: signature)
            #expect(verdict == .valid)
        }
        #expect(
            TwilioSignature.candidateURLs("HTTPS://user@[::1]:8443/a.xml?x=1")
                == ["https://user@[::1]/a.xml?x=1", "https://user@[::1]:8443/a.xml?x=1"])
        #expect(TwilioSignature.candidateURLs("http://h/a?") == ["http://h/a", "http://h:80/a"])
    }

    @Test("a JSON body is checked against bodySHA256 and the URL alone is signed")
    func jsonBody() {
        let url = "https://mycompany.com/myapp.php?bodySHA256=" + SignatureVectors.jsonHash
        let body = Array(SignatureVectors.jsonBody.utf8)
        #expect(validator.validate(url: url, body: body, isForm: false, signature: SignatureVectors.jsonSignature) == .valid)
        // Without a body (a GET), bodySHA256 is not checked, as validate() checks it only against a body string.
        #expect(validator.validate(url: url, body: nil, isForm: false, signature: SignatureVectors.jsonSignature) == .valid)
        let tampered = Array((SignatureVectors.jsonBody + " ").utf8)
        #expect(
            validator.validate(url: url, body: tampered, isForm: false, signature: SignatureVectors.jsonSignature)
                == .wrongBodyHash)
    }

    @Test("missing, empty, wrong and tampered signatures are refused")
    func refusals() {
        let vector = SignatureVectors.cases[1]
        let body = Array("CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030&To=%2B18005551212".utf8)
        #expect(validator.validate(url: vector.url, body: body, isForm: true, signature: nil) == .missingSignature)
        #expect(validator.validate(url: vector.url, body: body, isForm: true, signature: "") == .missingSignature)
        #expect(validator.validate(url: vector.url, body: body, isForm: true, signature: "0/KCTR6DLpKmkAf8muzZqo1nDgQ")
            == .wrongSignature)
        #expect(validator.validate(url: vector.url + "&baz=3", body: body, isForm: true, signature: vector.signature)
            == .wrongSignature)
        let tampered = Array(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "1234&", with: "1235&").utf8)
        #expect(validator.validate(url: vector.url, body: tampered, isForm: true, signature: vector.signature)
            == .wrongSignature)
        #expect(
            TwilioSignature(authToken: "54321").validate(
                url: vector.url, body: body, isForm: true, signature: vector.signature) == .wrongSignature)
        #expect(validator.validate(url: vector.url, body: Array("a=%zz".utf8), isForm: true, signature: "x")
            == .unreadableBody)
        #expect(validator.validate(url: vector.url, body: Array("a=%FF".utf8), isForm: true, signature: "x")
            == .unreadableBody)
    }

    @Test("the SharedKey scheme with another algorithm is refused; HMAC_SHA1 is accepted")
    func algorithms() {
        let vector = SignatureVectors.cases[0]
        #expect(
            validator.validate(
                url: vector.url, body: [], isForm: false, signature: vector.signature,
                settings: "key=webhooks_sharedkey_1,algorithm=HMAC_SHA256") == .unsupportedAlgorithm("HMAC_SHA256"))
        #expect(
            validator.validate(
                url: vector.url, body: [], isForm: false, signature: vector.signature,
                settings: "key=k, algorithm=HMAC_SHA1") == .valid)
    }

    @Test("form bodies decode + and %XX, skip empty segments, and keep blank values")
    func formParsing() {
        let parsed = FormParameter.parse(Array("a=1+2&&b=%2B%C3%A9&c&d=".utf8))
        #expect(parsed == [.init("a", "1 2"), .init("b", "+\u{E9}"), .init("c", ""), .init("d", "")])
        #expect(FormParameter.parse(Array("a=%2".utf8)) == nil)
        #expect(FormParameter.init("\u{E9}", "") != FormParameter.init("e\u{301}", ""))
    }

    @Test("the HMAC is swift-crypto's HMAC-SHA1 over URL + sorted pairs")
    func matchesCryptoDirectly() {
        let message = "https://x.test/a.xml" + "A1" + "a2"
        let code = HMAC<Insecure.SHA1>.authenticationCode(
            for: Array(message.utf8), using: SymmetricKey(data: Array("tok".utf8)))
        let expected = Data(code).base64EncodedString()
        let computed = TwilioSignature(authToken: "tok").signature(
            url: "https://x.test/a.xml", parameters: [.init("a", "2"), .init("A", "1")])
        #expect(computed == expected)
    }

    /// `application/x-www-form-urlencoded` as browsers and Python's `urlencode` write it.
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._*")
        let escaped = text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
        return escaped.replacingOccurrences(of: "%20", with: "+")
    }
}

@Suite("Constant-time comparison")
struct ConstantTimeTests {
    @Test func equalAndUnequal() {
        #expect(ConstantTime.isEqual("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
        #expect(ConstantTime.isEqual("", ""))
        #expect(!ConstantTime.isEqual("1/KCTR6DLpKmkAf8muzZqo1nDgQ=", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
        #expect(!ConstantTime.isEqual("0/KCTR6DLpKmkAf8muzZqo1nDgQ>", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
        #expect(!ConstantTime.isEqual("0/KCTR6DLpKmkAf8muzZqo1nDgQ", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
        #expect(!ConstantTime.isEqual("", "a"))
        #expect(!ConstantTime.isEqual([0, 0], [0]))
        #expect(!ConstantTime.isEqual([0], [0, 0]))
        // Two strings Swift's == calls equal (canonical equivalence) have different bytes.
        #expect("\u{E9}" == "e\u{301}")
        #expect(!ConstantTime.isEqual("\u{E9}", "e\u{301}"))
    }

    @Test("every byte position is compared: a difference anywhere is found")
    func everyPosition() {
        let base = [UInt8](repeating: 0x41, count: 28)
        for index in base.indices {
            for bit in 0..<8 {
                var other = base
                other[index] ^= 1 << bit
                #expect(!ConstantTime.isEqual(base, other))
            }
        }
    }
}
