import FlowDiagnostics

/// `audio NAME = "URL"` (Grammar.md §4): an audio file that `play NAME` and one-line documents play.
public struct Asset: Sendable, Hashable {
    public var name: String
    public var nameSpan: SourceSpan
    /// An absolute `http(s)` URL with a real host (FLOW222 otherwise); the span is the string literal's.
    public var url: Spanned<String>
    /// The declaration line.
    public var span: SourceSpan

    public init(name: String, nameSpan: SourceSpan, url: Spanned<String>, span: SourceSpan) {
        self.name = name
        self.nameSpan = nameSpan
        self.url = url
        self.span = span
    }
}
