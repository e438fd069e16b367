import FlowDiagnostics

/// Where in a document a violation is: element indices from the root, then optionally an attribute
/// or the element's text. Lowering keeps the same paths for the `.flow` constructs it emitted, so each
/// violation maps back to a source span.
public struct TwiMLPath: Sendable, Hashable, CustomStringConvertible {
    /// The part of the element a violation is about.
    public enum Component: Sendable, Hashable {
        /// The element itself (its name, placement or children).
        case element
        /// One of its attributes, by name.
        case attribute(String)
        /// Its text content.
        case text
    }

    /// Indices into `TwiMLElement.children` from the root; empty for the root itself.
    public var indices: [Int]
    /// The part of the element at `indices` the path points to.
    public var component: Component

    public init(_ indices: [Int] = [], _ component: Component = .element) {
        self.indices = indices
        self.component = component
    }

    /// The path of the `index`th child element.
    public func child(_ index: Int) -> TwiMLPath { TwiMLPath(indices + [index]) }

    /// The path of an attribute of this element.
    public func attribute(_ name: String) -> TwiMLPath { TwiMLPath(indices, .attribute(name)) }

    /// The path of this element's text.
    public var text: TwiMLPath { TwiMLPath(indices, .text) }

    /// `/0/2@timeout`, `/1#text`, `/` for the root: compact and stable for test output.
    public var description: String {
        let base = "/" + indices.map(String.init).joined(separator: "/")
        switch component {
        case .element: return base
        case .attribute(let name): return base + "@" + name
        case .text: return base + "#text"
        }
    }
}

/// A way a TwiML document breaks Twilio's rules. Data, not an error: the validator collects all of them
/// and lowering turns each into a FLOW4xx diagnostic at the span of the `.flow` construct behind `path`.
public struct TwiMLViolation: Sendable, Hashable, CustomStringConvertible {
    /// What rule was broken; each case names the Docs/Twilio.md fact it enforces.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The root is not `<Response>` (Docs/Twilio.md#document-validity, error 12102).
        case invalidRoot
        /// An element name no vocabulary entry has (Docs/Twilio.md#document-validity, warning 12200).
        case unknownElement
        /// A known element under a parent that does not accept it (Docs/Twilio.md#nesting).
        case misplacedElement
        /// A deprecated, undocumented or retired element or attribute (Docs/Twilio.md#schema).
        case notGeneratable
        /// A documented attribute the helper libraries lack, or the reverse (Docs/Twilio.md#schema: accepted with a warning).
        case unconfirmedAttribute
        /// A verb outside the whitelist of the document's context (Docs/Twilio.md#restricted-contexts, Docs/Twilio.md#leave).
        case verbNotAllowedInContext
        /// `<Gather input>` outside `dtmf`/`speech` in an Enqueue wait document (Docs/Twilio.md#restricted-contexts).
        case gatherInputNotAllowedInContext
        /// More children of one kind, or of one group, than allowed (Docs/Twilio.md#nesting, Docs/Twilio.md#limits ten endpoints).
        case tooManyChildren
        /// The total number of child elements is outside the element's range (`<Connect>` holds one noun).
        case wrongChildCount
        /// Children from exclusive groups mixed (`<Conference>` with `<Number>`: Docs/Twilio.md#nesting, 13000).
        case mixedChildGroups
        /// Text and child elements together where they exclude each other (`<Dial>`, Docs/Twilio.md#nesting).
        case textWithChildren
        /// Neither text nor a child where one is needed (`<Dial/>` has no target).
        case missingContent
        /// Text inside an element that takes none (Docs/Twilio.md#nesting).
        case textNotAllowed
        /// No text inside an element that needs it (`<Number/>`).
        case textRequired
        /// An attribute the element does not have (Docs/Twilio.md#document-validity).
        case unknownAttribute
        /// The same attribute twice (not well-formed XML, Docs/Twilio.md#document-validity).
        case duplicateAttribute
        /// A required attribute is missing (`<Parameter>` without `name`).
        case missingAttribute
        /// Not `true`/`false` (Docs/Twilio.md#document-validity).
        case invalidBoolean
        /// Not a decimal integer (Docs/Twilio.md#verbs).
        case invalidInteger
        /// An integer outside its documented range (Docs/Twilio.md#verbs).
        case valueOutOfRange
        /// Not one of the documented values (Docs/Twilio.md#document-validity).
        case invalidEnumValue
        /// Not `GET`/`POST` (Docs/Twilio.md#urls-and-methods).
        case invalidMethod
        /// Not an acceptable URL (Docs/Twilio.md#urls-and-methods).
        case invalidURL
        /// A free-text value that is empty, or contains a forbidden character, where that is not allowed.
        case invalidString
        /// A value longer than its limit (queue names, labels: Docs/Twilio.md#limits).
        case valueTooLong
        /// Characters outside the allowed keys (DTMF digits, `finishOnKey`).
        case invalidKeys
        /// Not E.164 (Docs/Twilio.md#dial).
        case invalidPhoneNumber
        /// Not a valid SIP URI (Docs/Twilio.md#dial, Docs/Twilio.md#limits).
        case invalidSIPURI
        /// `<Say>` with nothing to speak (Docs/Twilio.md#say, warning 13520).
        case emptySay
        /// `<Say>` text over the limit of its voice (Docs/Twilio.md#say, Docs/Twilio.md#limits, warning 13521).
        case sayTextTooLong
        /// The rendered document is over the size limit (Docs/Twilio.md#limits, error 11750).
        case documentTooLarge
        /// A character XML 1.0 forbids (Docs/Twilio.md#document-validity: the document would not parse, error 12100).
        case invalidXMLCharacter
    }

    /// The rule that was broken; lowering picks the FLOW4xx code from it.
    public var kind: Kind
    /// `.warning` only for `unconfirmedAttribute`; everything else keeps Twilio from running the TwiML
    /// as written, so it is an error.
    public var severity: Severity
    /// One line in flowc style: lowercase start, no final period, names in single quotes.
    public var message: String
    /// The offending element, attribute or text.
    public var path: TwiMLPath

    public init(_ kind: Kind, _ message: String, at path: TwiMLPath, severity: Severity = .error) {
        self.kind = kind
        self.message = message
        self.path = path
        self.severity = severity
    }

    public var description: String { "\(path): \(severity.rawValue): \(message) [\(kind.rawValue)]" }
}
