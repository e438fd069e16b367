import FlowDiagnostics

/// The verbs of one document under construction, with the `.flow` span behind each emitted element,
/// attribute and text (`RoutedDocument.origins`).
struct DocumentBuilder {
    /// The document's own file, which relative URLs are resolved against.
    let file: String
    private(set) var verbs: [TwiMLElement] = []
    private(set) var origins: [TwiMLPath: SourceSpan] = [:]
    private(set) var dialedLegs: [RoutedDocument.DialSite] = []

    init(file: String) {
        self.file = file
    }

    /// The index the next top-level verb gets.
    var nextIndex: Int { verbs.count }

    /// Appends a top-level verb whose origins were recorded at `[nextIndex]` beforehand.
    mutating func append(_ verb: TwiMLElement) {
        verbs.append(verb)
    }

    mutating func recordDial(of leg: String, at index: Int) {
        dialedLegs.append(RoutedDocument.DialSite(index: index, leg: leg))
    }

    /// Records that the element at `path` came from `span`.
    mutating func element(_ path: [Int], from span: SourceSpan) {
        origins[TwiMLPath(path)] = span
    }

    /// Sets attribute `name` of `element` (the element at `path`) and records the `.flow` span it came
    /// from, in one call, so an attribute and its origin cannot disagree. A `nil` value sets and records
    /// nothing (Twilio's default applies).
    mutating func set(_ name: String, _ value: String?, from span: SourceSpan?, on element: inout TwiMLElement, at path: [Int]) {
        guard let value else { return }
        element = element.setting(name, value)
        if let span { origins[TwiMLPath(path, .attribute(name))] = span }
    }

    /// `set` for an option as the `.flow` spells it: its value, in TwiML's spelling (`text`), and its span.
    mutating func set<Value>(
        _ name: String, _ option: Spanned<Value>?, on element: inout TwiMLElement, at path: [Int],
        _ text: (Value) -> String = { "\($0)" }
    ) {
        set(name, option.map { text($0.value) }, from: option?.span, on: &element, at: path)
    }

    /// Records the source of an element's text.
    mutating func text(of path: [Int], from span: SourceSpan?) {
        guard let span else { return }
        origins[TwiMLPath(path, .text)] = span
    }

    func document(context: TwiMLContext) -> TwiMLDocument {
        TwiMLDocument(verbs, context: context)
    }
}
