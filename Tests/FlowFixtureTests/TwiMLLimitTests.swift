import FlowCompiler
import FlowDiagnostics
import Testing

/// Small resolved models, built by hand so that a test reaches code generation with a value the resolver
/// might already refuse: Twilio's limits are checked again on the generated TwiML, and each must land on
/// the `.flow` span behind it.
enum Model {
    /// A distinct span per number, so a test can tell which construct a diagnostic points at.
    static func span(_ line: Int) -> SourceSpan {
        SourceSpan(
            path: "model.flow", start: FlowDiagnostics.SourceLocation(offset: line * 100, line: line, column: 3),
            end: FlowDiagnostics.SourceLocation(offset: line * 100 + 10, line: line, column: 13))
    }

    static func spanned<Value>(_ value: Value, _ line: Int) -> Spanned<Value> { Spanned(value, at: span(line)) }

    /// A flow `test` whose entry leg `caller` has one step `start` with `verbs`.
    static func program(
        _ verbs: [Verb], queues: [Queue] = [], rooms: [Room] = [], assets: [Asset] = [], legs: [Leg] = []
    ) -> FlowProgram {
        let step = Step(id: StepID(leg: "caller", step: "start"), nameSpan: span(2), verbs: verbs, span: span(2))
        let caller = Leg(name: "caller", nameSpan: span(1), role: .entry, steps: [step], span: span(1))
        let flow = Flow(
            name: "test", nameSpan: span(0), path: "model.flow", assets: assets, queues: queues, rooms: rooms,
            legs: [caller] + legs)
        return FlowProgram(flows: [flow])
    }

    /// The TwiML diagnostics of `program`, lowered with relative URLs.
    static func diagnostics(_ program: FlowProgram) -> [Diagnostic] {
        TwiMLDiagnostics.validate(Lowering.lower(program).documents)
    }

    static let hangup = Verb.hangup(span(90))
}

@Suite struct TwiMLLimitTests {
    /// The one diagnostic expected, with its code and span.
    private func expectOnly(
        _ diagnostics: [Diagnostic], code: DiagnosticCode, at line: Int,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(diagnostics.map(\.code) == [code], "\(TestBuild.describe(diagnostics))", sourceLocation: sourceLocation)
        #expect(diagnostics.first?.span == Model.span(line), sourceLocation: sourceLocation)
        #expect(diagnostics.first?.severity == .error, sourceLocation: sourceLocation)
    }

    @Test func sayTextOverThePollyLimitPointsAtTheText() {
        let say = SayVerb(
            text: Model.spanned(String(repeating: "a", count: 3001), 11), voice: Model.spanned("Polly.Joanna", 12),
            span: Model.span(10))
        expectOnly(Model.diagnostics(Model.program([.say(say), Model.hangup])), code: .twimlTextTooLong, at: 11)
        let basic = SayVerb(text: Model.spanned(String(repeating: "a", count: 4096), 11), span: Model.span(10))
        #expect(Model.diagnostics(Model.program([.say(basic), Model.hangup])).isEmpty)
    }

    @Test func queueNameLongerThan64PointsAtTheName() {
        let queue = Queue(
            name: "support", nameSpan: Model.span(20), twilioName: Model.spanned(String(repeating: "q", count: 65), 21),
            span: Model.span(20))
        let enqueue = Verb.enqueue(EnqueueVerb(queue: Model.spanned("support", 10), span: Model.span(10)))
        expectOnly(Model.diagnostics(Model.program([enqueue, Model.hangup], queues: [queue])), code: .twimlTextTooLong, at: 21)
        var fits = queue
        fits.twilioName.value = String(repeating: "q", count: 64)
        #expect(Model.diagnostics(Model.program([enqueue, Model.hangup], queues: [fits])).isEmpty)
    }

    @Test(arguments: [(4, true), (5, false), (600, false), (601, true)])
    func dialTimeoutOutside5To600PointsAtTheOption(_ seconds: Int, _ fails: Bool) {
        let dial = Verb.dialQueue(
            DialQueueVerb(
                queue: Model.spanned("support", 11), options: DialOptions(timeout: Model.spanned(seconds, 12)),
                span: Model.span(10)))
        let queue = Queue(
            name: "support", nameSpan: Model.span(20), twilioName: Model.spanned("support", 20), span: Model.span(20))
        let diagnostics = Model.diagnostics(Model.program([dial, Model.hangup], queues: [queue]))
        if fails {
            expectOnly(diagnostics, code: .twimlValueOutOfRange, at: 12)
        } else {
            #expect(diagnostics.isEmpty, "\(TestBuild.describe(diagnostics))")
        }
    }

    @Test(arguments: [(0, true), (1, false), (250, false), (251, true)])
    func maxParticipantsOutside1To250PointsAtTheRoomOption(_ count: Int, _ fails: Bool) {
        let room = Room(
            name: "desk", nameSpan: Model.span(20), twilioName: Model.spanned("desk", 20),
            shared: Model.spanned(true, 21),
            maxParticipants: Model.spanned(count, 22), span: Model.span(20))
        let join = Verb.join(JoinVerb(room: Model.spanned("desk", 11), span: Model.span(10)))
        let diagnostics = Model.diagnostics(Model.program([join, Model.hangup], rooms: [room]))
        if fails {
            expectOnly(diagnostics, code: .twimlValueOutOfRange, at: 22)
        } else {
            #expect(diagnostics.isEmpty, "\(TestBuild.describe(diagnostics))")
        }
    }

    @Test(arguments: [
        (DialTarget.Kind.number, "5551230000", DiagnosticCode.invalidPhoneNumber), (.number, "+0123", .invalidPhoneNumber),
        (.number, "+1 555 123 0000", .invalidPhoneNumber), (.number, "+1234567890123456", .invalidPhoneNumber),
        (.sip, "agent@example.com", .invalidSIPURI), (.sip, "sip:agent @example.com", .invalidSIPURI),
        (.sip, "sip:" + String(repeating: "a", count: 260), .invalidSIPURI),
    ])
    func dialTargetsMustBeE164OrSIPURIs(_ kind: DialTarget.Kind, _ address: String, _ code: DiagnosticCode) {
        let target = DialTarget(kind: kind, address: address, span: Model.span(12))
        let dial = Verb.dial(DialVerb(leg: Model.spanned("agent", 11), targets: [target], span: Model.span(10)))
        let agent = Leg(name: "agent", nameSpan: Model.span(30), role: .dialed, span: Model.span(30))
        expectOnly(
            Model.diagnostics(Model.program([dial, Model.hangup], legs: [agent])), code: code, at: 12)
    }

    @Test func validTargetsPass() {
        let targets = [
            DialTarget(kind: .number, address: "+15551230000", span: Model.span(12)),
            DialTarget(kind: .client, address: "agent_desk", span: Model.span(13)),
            DialTarget(kind: .sip, address: "sips:agent@example.com;transport=tls", span: Model.span(14)),
        ]
        let dial = Verb.dial(DialVerb(leg: Model.spanned("agent", 11), targets: targets, span: Model.span(10)))
        let agent = Leg(name: "agent", nameSpan: Model.span(30), role: .dialed, span: Model.span(30))
        #expect(Model.diagnostics(Model.program([dial, Model.hangup], legs: [agent])).isEmpty)
    }

    @Test(arguments: [
        "https://cdn_example.com/a.mp3", "ftp://cdn.example.com/a.mp3", "https:///a.mp3",
        "https://cdn.example.com/a b.mp3",
        "https://-cdn.example.com/a.mp3",
    ])
    func playURLsNeedARealHostAndPointAtTheURL(_ url: String) {
        let play = Verb.play(PlayVerb(source: Model.spanned(.url(url), 11), span: Model.span(10)))
        expectOnly(Model.diagnostics(Model.program([play, Model.hangup])), code: .invalidTwiMLURL, at: 11)
    }

    @Test func anAssetURLProblemPointsAtTheAssetDeclaration() {
        let asset = Asset(
            name: "music", nameSpan: Model.span(40), url: Model.spanned("http://cdn_host/a.mp3", 41),
            span: Model.span(40))
        let play = Verb.play(
            PlayVerb(
                source: Model.spanned(.asset(name: "music", url: "http://cdn_host/a.mp3"), 11), span: Model.span(10)))
        expectOnly(Model.diagnostics(Model.program([play, Model.hangup], assets: [asset])), code: .invalidTwiMLURL, at: 41)
    }

    @Test func aDocumentOver64kBPointsAtTheStep() {
        let says = (0..<30).map { _ in
            Verb.say(SayVerb(text: Model.spanned(String(repeating: "x", count: 2500), 11), span: Model.span(10)))
        }
        expectOnly(Model.diagnostics(Model.program(says + [Model.hangup])), code: .documentTooLarge, at: 2)
        let fewer = Array(says.prefix(20))
        #expect(Model.diagnostics(Model.program(fewer + [Model.hangup])).isEmpty)
    }

    @Test func aVerbOutsideItsContextPointsAtTheVerb() {
        let hold = SpecialDocument(kind: .hold, verbs: [.hangup(Model.span(23))], span: Model.span(22))
        let room = Room(
            name: "desk", nameSpan: Model.span(20), twilioName: Model.spanned("desk", 20),
            shared: Model.spanned(true, 21),
            hold: hold, span: Model.span(20))
        let join = Verb.join(JoinVerb(room: Model.spanned("desk", 11), span: Model.span(10)))
        expectOnly(Model.diagnostics(Model.program([join, Model.hangup], rooms: [room])), code: .verbNotAllowedInContext, at: 23)
    }

    @Test func anInvalidVoicePointsAtTheFlowSettingItCameFrom() {
        var program = Model.program([.say(SayVerb(text: Model.spanned("Hi.", 11), span: Model.span(10))), Model.hangup])
        program.flows[0].voice = Model.spanned("Polly Joanna", 5)
        expectOnly(Model.diagnostics(program), code: .invalidTwiMLValue, at: 5)
    }

    @Test func moreThanTenTargetsIsOneDiagnosticAtTheDial() {
        let targets = (0..<11).map {
            DialTarget(kind: .number, address: "+1555000000\($0 % 10)", span: Model.span(12 + $0))
        }
        let dial = Verb.dial(DialVerb(leg: Model.spanned("agent", 11), targets: targets, span: Model.span(10)))
        let agent = Leg(name: "agent", nameSpan: Model.span(30), role: .dialed, span: Model.span(30))
        let diagnostics = Model.diagnostics(Model.program([dial, Model.hangup], legs: [agent]))
        #expect(diagnostics.map(\.code).allSatisfy { $0 == .tooManyDialTargets } && !diagnostics.isEmpty)
    }

    @Test func everyViolationKindHasACatalogedCode() {
        for kind in TwiMLViolation.Kind.allCases {
            let code = TwiMLDiagnostics.code(for: kind)
            #expect(DiagnosticCatalog.code(code.rawValue) == code, "\(kind) → \(code)")
        }
        for number in 401...414 {
            #expect(DiagnosticCatalog.code("FLOW\(number)") != nil, "FLOW\(number)")
        }
    }
}

@Suite struct PathEscapeTests {
    /// The grammar's identifiers cannot hold `.` or `/`, so no `.flow` text reaches this; a model built by
    /// hand with such names still never gets a file outside the output folder past `OutputWriter`'s checks.
    @Test(arguments: ["..", "../../etc", "/abs", "a/../../b"])
    func namesThatWouldLeaveTheOutputFolderAreRefused(_ name: String) {
        var program = Model.program([Model.hangup])
        program.flows[0].legs[0].name = name
        program.flows[0].legs[0].steps[0].id = StepID(leg: name, step: "start")
        let files = Lowering.lower(program).documents.map { OutputFile(path: $0.file, bytes: []) }
        #expect(!OutputWriter.problems(in: files).isEmpty, "\(files.map(\.path))")
    }
}
