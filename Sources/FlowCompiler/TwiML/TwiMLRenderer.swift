/// Turns the TwiML IR into the exact bytes served to Twilio.
///
/// Layout (deterministic, independent of how the IR was built):
/// - an element without content is self-closing: `<Hangup/>`;
/// - an element with text only stays on one line: `<Say voice="alice">Hello</Say>`;
/// - an element with child elements only puts each child on its own line, two spaces deeper;
/// - an element mixing text and elements (SSML in `<Say>`) is written on one line, because any added
///   whitespace would become part of the spoken text;
/// - attributes follow the order of the element's `TwiMLVocabulary` entry; attributes the entry does not
///   know (reported by the validator) follow in construction order.
/// The output starts with `XMLWriter.declaration` and ends with a newline.
public struct TwiMLRenderer: Sendable {
    public init() {}

    /// The document as text.
    public func render(_ document: TwiMLDocument) -> String {
        var writer = XMLWriter()
        let spec = document.root.name == TwiMLVocabulary.root.name ? TwiMLVocabulary.root : nil
        write(document.root, spec: spec, depth: 0, into: &writer)
        return writer.output
    }

    /// The document as UTF-8 bytes, ready to be written to a file.
    public func renderBytes(_ document: TwiMLDocument) -> [UInt8] {
        Array(render(document).utf8)
    }

    private func write(_ element: TwiMLElement, spec: TwiMLElementSpec?, depth: Int, into writer: inout XMLWriter) {
        let content = element.content.filter { $0 != .text("") }
        let attributes = orderedAttributes(of: element, spec: spec)
        let hasText = content.contains { if case .text = $0 { true } else { false } }
        if content.isEmpty {
            writer.writeLine(XMLWriter.startTag(element.name, attributes: attributes, selfClosing: true), depth: depth)
        } else if hasText {
            writer.writeLine(inline(element, spec: spec), depth: depth)
        } else {
            writer.writeLine(XMLWriter.startTag(element.name, attributes: attributes, selfClosing: false), depth: depth)
            for child in element.children {
                write(child, spec: childSpec(named: child.name, in: spec), depth: depth + 1, into: &writer)
            }
            writer.writeLine(XMLWriter.endTag(element.name), depth: depth)
        }
    }

    private func inline(_ element: TwiMLElement, spec: TwiMLElementSpec?) -> String {
        let content = element.content.filter { $0 != .text("") }
        let attributes = orderedAttributes(of: element, spec: spec)
        guard !content.isEmpty else {
            return XMLWriter.startTag(element.name, attributes: attributes, selfClosing: true)
        }
        let inner = content.map { part in
            switch part {
            case .text(let text): XMLWriter.escapeText(text)
            case .element(let child): inline(child, spec: childSpec(named: child.name, in: spec))
            }
        }.joined()
        return XMLWriter.startTag(element.name, attributes: attributes, selfClosing: false) + inner
            + XMLWriter.endTag(element.name)
    }

    /// The child's spec under `parent`; for a misplaced child, the first spec with its name, so that its
    /// attributes are still ordered predictably.
    private func childSpec(named name: String, in parent: TwiMLElementSpec?) -> TwiMLElementSpec? {
        parent.flatMap { TwiMLVocabulary.childSpec(named: name, in: $0) }
            ?? TwiMLVocabulary.specs.first { $0.name == name }
    }

    private func orderedAttributes(of element: TwiMLElement, spec: TwiMLElementSpec?) -> [(name: String, value: String)]
    {
        element.attributes.enumerated()
            .sorted { lhs, rhs in
                let left = spec?.attributeOrder(of: lhs.element.name) ?? Int.max
                let right = spec?.attributeOrder(of: rhs.element.name) ?? Int.max
                return left != right ? left < right : lhs.offset < rhs.offset
            }
            .map { (name: $0.element.name, value: $0.element.value) }
    }
}
