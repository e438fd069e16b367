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

    /// Records the source of an attribute; `nil` (the attribute was not set from the source) records nothing.
    mutating func attribute(_ name: String, of path: [Int], from span: SourceSpan?) {
        guard let span else { return }
        origins[TwiMLPath(path, .attribute(name))] = span
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
