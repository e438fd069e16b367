/// Whether the compiler may emit an element or attribute (Docs/Twilio.md#schema last paragraph).
public enum TwiMLSupport: String, Sendable, Hashable {
    /// Documented by Twilio; the compiler may generate it.
    case documented
    /// Only in the generated helper libraries, not on Twilio's pages (`Dial events`, `Enqueue maxQueueSize`):
    /// accepted, but reported as a warning (Docs/Twilio.md#schema "accept the union but warn").
    case libraryOnly
    /// Documented, but absent from the helper libraries (`Dial callReason`): accepted with a warning (Docs/Twilio.md#schema).
    case docsOnly
    /// Deprecated by Twilio (`<Sms>`, `Conference eventCallbackUrl`): never generated (Docs/Twilio.md#verbs, Docs/Twilio.md#schema).
    case deprecated
    /// Present in libraries but not in the public verb list (`<Echo>`): never generated (Docs/Twilio.md#verbs).
    case undocumented
    /// The product behind it is retired (`<Autopilot>`): never generated (Docs/Twilio.md#nesting).
    case retired

    /// Whether a document containing it is still acceptable.
    public var isGeneratable: Bool {
        switch self {
        case .documented, .libraryOnly, .docsOnly: true
        case .deprecated, .undocumented, .retired: false
        }
    }
}

/// One attribute an element accepts.
public struct TwiMLAttributeSpec: Sendable, Hashable {
    /// The exact, case-sensitive attribute name (Docs/Twilio.md#fetch-and-run: names are camelCase and case-sensitive).
    public let name: String
    /// The type its value is checked against.
    public let type: TwiMLValueType
    /// Twilio's default, for documentation and the continuation checker; never emitted implicitly.
    public let defaultValue: String?
    /// Whether the element is meaningless without it (`<Parameter name>`).
    public let isRequired: Bool
    /// Whether it may be generated.
    public let support: TwiMLSupport

    public init(
        _ name: String, _ type: TwiMLValueType, default defaultValue: String? = nil, required: Bool = false,
        support: TwiMLSupport = .documented
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.isRequired = required
        self.support = support
    }
}

/// What an element's character content may be.
public struct TwiMLTextRule: Sendable, Hashable {
    /// How much text the element takes.
    public enum Presence: Sendable, Hashable {
        /// No text at all (whitespace between child elements is layout, not text).
        case forbidden
        /// Text may be present; when present it must fit `type`.
        case optional
        /// Text must be present and fit `type`.
        case required
    }

    /// Whether text is forbidden, optional or required.
    public let presence: Presence
    /// The type the text is checked against when present.
    public let type: TwiMLValueType
    /// When this attribute is present, required text may be omitted
    /// (`<Enqueue workflowSid>` needs no queue name, `<Play digits>` no URL: Docs/Twilio.md#nesting, Docs/Twilio.md#verbs).
    public let optionalWithAttribute: String?

    /// No text allowed.
    public static let none = TwiMLTextRule(presence: .forbidden, type: .anyString, optionalWithAttribute: nil)

    /// Text that must be present.
    public static func required(_ type: TwiMLValueType, unlessAttribute attribute: String? = nil) -> TwiMLTextRule {
        TwiMLTextRule(presence: .required, type: type, optionalWithAttribute: attribute)
    }

    /// Text that may be present.
    public static func optional(_ type: TwiMLValueType) -> TwiMLTextRule {
        TwiMLTextRule(presence: .optional, type: type, optionalWithAttribute: nil)
    }
}

/// One kind of child element a parent accepts.
public struct TwiMLChildRule: Sendable, Hashable {
    /// The `TwiMLElementSpec.id` of the child; its XML name comes from that spec.
    public let specID: String
    /// How many of it the parent may hold; `nil` means no documented limit.
    public let maxCount: Int?

    public init(_ specID: String, max maxCount: Int? = nil) {
        self.specID = specID
        self.maxCount = maxCount
    }
}

/// A set of children that excludes the other sets of the same parent (Docs/Twilio.md#nesting: a `<Dial>` holds
/// endpoint nouns, or one `<Conference>`, or one `<Queue>`, never a mix).
public struct TwiMLChildGroup: Sendable, Hashable {
    /// A short name used in messages ("endpoint nouns").
    public let label: String
    /// The `specID`s in the group.
    public let members: [String]
    /// The largest number of children from the group together (ten parallel endpoints, Docs/Twilio.md#limits).
    public let maxTotal: Int
}

/// Everything the vocabulary knows about one element, in one place.
///
/// `id` distinguishes elements that share an XML name but differ by parent: the `<Sip>` of `<Refer>`
/// (`ReferSip`) and the one of `<Dial>`, the `<Stream>` of `<Connect>` (`ConnectStream`, inbound track
/// only) and the one of `<Start>`/`<Stop>` (Docs/Twilio.md#verbs Refer, Connect; Docs/Twilio.md#schema).
public struct TwiMLElementSpec: Sendable, Hashable {
    /// Unique key in the vocabulary; equal to `name` unless the name is shared.
    public let id: String
    /// The exact XML element name.
    public let name: String
    /// Attributes in the order the renderer writes them (fixed, independent of construction order).
    public let attributes: [TwiMLAttributeSpec]
    /// What text the element takes.
    public let text: TwiMLTextRule
    /// Allowed element children, in no particular order.
    public let children: [TwiMLChildRule]
    /// Mutually exclusive child sets; empty when children mix freely.
    public let exclusiveGroups: [TwiMLChildGroup]
    /// How many element children in total (`<Connect>` holds exactly one noun, `<Start>` at least one).
    public let childCount: ClosedRange<Int>
    /// Text and element children exclude each other (`<Dial>` text or nouns, Docs/Twilio.md#nesting).
    public let textExcludesChildren: Bool
    /// Either text or at least one child must be present (`<Dial>` needs a target, `<Client>` an identity).
    public let requiresTextOrChild: Bool
    /// Whether it may be generated.
    public let support: TwiMLSupport
    /// The Docs/Twilio.md anchor the facts come from.
    public let source: String

    init(
        _ name: String, id: String? = nil, source: String, text: TwiMLTextRule = .none,
        attributes: [TwiMLAttributeSpec] = [], children: [TwiMLChildRule] = [],
        exclusiveGroups: [TwiMLChildGroup] = [], childCount: ClosedRange<Int> = 0...Int.max,
        textExcludesChildren: Bool = false, requiresTextOrChild: Bool = false, support: TwiMLSupport = .documented
    ) {
        self.id = id ?? name
        self.name = name
        self.source = source
        self.text = text
        self.attributes = attributes
        self.children = children
        self.exclusiveGroups = exclusiveGroups
        self.childCount = childCount
        self.textExcludesChildren = textExcludesChildren
        self.requiresTextOrChild = requiresTextOrChild
        self.support = support
    }

    /// The attribute named `name`, if the element has one.
    public func attribute(named name: String) -> TwiMLAttributeSpec? {
        attributes.first { $0.name == name }
    }

    /// The position of `name` in the rendering order, if the element has such an attribute.
    public func attributeOrder(of name: String) -> Int? {
        attributes.firstIndex { $0.name == name }
    }
}
