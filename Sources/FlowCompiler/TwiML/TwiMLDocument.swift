/// One attribute as written, in the order it was given; the renderer reorders by the vocabulary.
public struct TwiMLAttribute: Sendable, Hashable {
    /// The exact, case-sensitive attribute name.
    public var name: String
    /// The unescaped value; `XMLWriter` escapes it.
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One piece of an element's content. Content is a sequence because SSML mixes text and elements
/// inside `<Say>` (`Hello <break time="1s"/> world`, Docs/Twilio.md#nesting).
public enum TwiMLContent: Sendable, Hashable {
    /// Character data, unescaped.
    case text(String)
    /// A child element.
    case element(TwiMLElement)
}

/// A node of the TwiML IR: a generic element checked against `TwiMLVocabulary` by `TwiMLValidator`.
///
/// The tree is deliberately untyped (a name, attributes, content) so that one table drives validation
/// and rendering; invalid trees are representable and are reported as `TwiMLViolation`s, each
/// located by a `TwiMLPath` that lowering maps back to a `.flow` span.
public struct TwiMLElement: Sendable, Hashable {
    /// The exact XML name.
    public var name: String
    /// Attributes in construction order; names should be unique (duplicates are a violation).
    public var attributes: [TwiMLAttribute]
    /// Text and child elements in document order.
    public var content: [TwiMLContent]

    public init(_ name: String, attributes: [TwiMLAttribute] = [], content: [TwiMLContent] = []) {
        self.name = name
        self.attributes = attributes
        self.content = content
    }

    /// An element with text only.
    public init(_ name: String, attributes: [TwiMLAttribute] = [], text: String) {
        self.init(name, attributes: attributes, content: text.isEmpty ? [] : [.text(text)])
    }

    /// An element with child elements only.
    public init(_ name: String, attributes: [TwiMLAttribute] = [], children: [TwiMLElement]) {
        self.init(name, attributes: attributes, content: children.map { .element($0) })
    }

    /// The child elements, in order; `TwiMLPath` indexes into this list.
    public var children: [TwiMLElement] {
        content.compactMap {
            if case .element(let element) = $0 { return element }
            return nil
        }
    }

    /// The element's own text segments, concatenated (text of child elements excluded).
    public var text: String {
        content.map {
            if case .text(let text) = $0 { return text }
            return ""
        }.joined()
    }

    /// The text of the element and all its descendants, in order (what `<Say>` speaks).
    public var allText: String {
        content.map {
            switch $0 {
            case .text(let text): text
            case .element(let element): element.allText
            }
        }.joined()
    }

    /// The value of the attribute `name`, if set (the first one when duplicated).
    public subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Returns a copy with attribute `name` set to `value`, replacing an existing one or appending.
    /// A `nil` value leaves the element unchanged, so optional settings chain without `if`s.
    public func setting(_ name: String, _ value: String?) -> TwiMLElement {
        guard let value else { return self }
        var copy = self
        if let index = copy.attributes.firstIndex(where: { $0.name == name }) {
            copy.attributes[index].value = value
        } else {
            copy.attributes.append(TwiMLAttribute(name, value))
        }
        return copy
    }

    /// The descendant at `path` (element indices only), or `nil` if the path leaves the tree.
    public func element(at path: [Int]) -> TwiMLElement? {
        var node = self
        for index in path {
            let children = node.children
            guard children.indices.contains(index) else { return nil }
            node = children[index]
        }
        return node
    }
}

/// One TwiML document: a `<Response>` root and the context it runs in (Docs/Twilio.md#restricted-contexts).
public struct TwiMLDocument: Sendable, Hashable {
    /// The root element; valid documents have the name `Response` (Docs/Twilio.md#document-validity).
    public var root: TwiMLElement
    /// Who requests the document, which decides the verbs it may hold.
    public var context: TwiMLContext

    public init(root: TwiMLElement, context: TwiMLContext = .normal) {
        self.root = root
        self.context = context
    }

    /// A document whose `<Response>` holds `verbs`.
    public init(_ verbs: [TwiMLElement], context: TwiMLContext = .normal) {
        self.init(root: TwiMLElement("Response", children: verbs), context: context)
    }

    /// The top-level verbs.
    public var verbs: [TwiMLElement] { root.children }
}
