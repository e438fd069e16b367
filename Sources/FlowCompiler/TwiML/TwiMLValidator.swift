/// Checks a `TwiMLDocument` against `TwiMLVocabulary` and the rules of its `TwiMLContext`.
///
/// The validator never throws and never stops early: it returns every `TwiMLViolation` it finds, in
/// document order, so lowering can report them all at their `.flow` spans (Docs/Twilio.md#document-validity, Docs/Twilio.md#schema, Docs/Twilio.md#restricted-contexts
/// rules 19–24). Element-specific behaviour lives in the vocabulary table; the only rules written as
/// code are the cross-field ones the table cannot express (Say text by voice, Gather input by context,
/// document size, XML characters).
public struct TwiMLValidator: Sendable {
    /// The largest rendered document accepted, in bytes.
    ///
    /// Twilio rejects bodies "larger than 64 kB" (Docs/Twilio.md#limits, error 11750) without saying whether a kB is 1000
    /// or 1024 bytes; 64,000 satisfies both readings, so the compiler never emits a document that one
    /// of them would refuse.
    public static let maximumDocumentBytes = 64_000

    /// `<Say>` text limits in Unicode scalars, by voice family (Docs/Twilio.md#say, Docs/Twilio.md#limits; SSML tags excluded).
    public static func maximumSayLength(voice: String?) -> Int {
        guard let voice else { return 4096 }
        if voice.hasPrefix("Polly.") { return 3000 }
        if voice.hasPrefix("Google.") { return 5000 }
        return 4096
    }

    public init() {}

    /// Every violation in `document`, in document order; empty when the document is valid.
    public func validate(_ document: TwiMLDocument) -> [TwiMLViolation] {
        var violations: [TwiMLViolation] = []
        let root = document.root
        let rootSpec = TwiMLVocabulary.root
        guard root.name == rootSpec.name else {
            violations.append(
                TwiMLViolation(.invalidRoot, "root element must be 'Response', found '\(root.name)'", at: TwiMLPath()))
            return violations
        }
        check(root, spec: rootSpec, at: TwiMLPath(), context: document.context, into: &violations)
        let size = TwiMLRenderer().render(document).utf8.count
        if size > Self.maximumDocumentBytes {
            violations.append(
                TwiMLViolation(
                    .documentTooLarge,
                    "document is \(size) bytes long, at most \(Self.maximumDocumentBytes) are allowed",
                    at: TwiMLPath()))
        }
        return violations
    }

    // MARK: - Elements

    private func check(
        _ element: TwiMLElement, spec: TwiMLElementSpec, at path: TwiMLPath, context: TwiMLContext,
        into violations: inout [TwiMLViolation]
    ) {
        if !spec.support.isGeneratable {
            violations.append(
                TwiMLViolation(
                    .notGeneratable, "'\(spec.name)' is \(spec.support.rawValue) and must not be generated", at: path))
        }
        checkAttributes(of: element, spec: spec, at: path, into: &violations)
        checkText(of: element, spec: spec, at: path, into: &violations)
        checkChildren(of: element, spec: spec, at: path, context: context, into: &violations)
        if spec.name == "Say" { checkSpeech(element, at: path, into: &violations) }
        if spec.name == "Gather", path.indices.count == 1 {
            checkGatherInput(element, at: path, context: context, into: &violations)
        }
    }

    private func checkAttributes(
        of element: TwiMLElement, spec: TwiMLElementSpec, at path: TwiMLPath, into violations: inout [TwiMLViolation]
    ) {
        var seen: Set<String> = []
        for attribute in element.attributes {
            let attributePath = path.attribute(attribute.name)
            guard seen.insert(attribute.name).inserted else {
                violations.append(
                    TwiMLViolation(
                        .duplicateAttribute, "duplicate attribute '\(attribute.name)' on '\(element.name)'",
                        at: attributePath))
                continue
            }
            guard let attributeSpec = spec.attribute(named: attribute.name) else {
                violations.append(
                    TwiMLViolation(
                        .unknownAttribute, "unknown attribute '\(attribute.name)' on '\(element.name)'",
                        at: attributePath))
                continue
            }
            checkSupport(of: attributeSpec, on: element.name, at: attributePath, into: &violations)
            let subject = "attribute '\(attribute.name)' of '\(element.name)'"
            if !checkCharacters(attribute.value, subject: subject, at: attributePath, into: &violations) { continue }
            if let problem = attributeSpec.type.problem(with: attribute.value) {
                violations.append(valueViolation(problem, subject: subject, value: attribute.value, at: attributePath))
            }
        }
        for attributeSpec in spec.attributes where attributeSpec.isRequired && !seen.contains(attributeSpec.name) {
            violations.append(
                TwiMLViolation(
                    .missingAttribute, "'\(element.name)' needs attribute '\(attributeSpec.name)'", at: path))
        }
    }

    private func checkSupport(
        of attribute: TwiMLAttributeSpec, on elementName: String, at path: TwiMLPath,
        into violations: inout [TwiMLViolation]
    ) {
        let name = "attribute '\(attribute.name)' of '\(elementName)'"
        switch attribute.support {
        case .documented:
            break
        case .libraryOnly:
            violations.append(
                TwiMLViolation(
                    .unconfirmedAttribute, "\(name) exists only in Twilio's helper libraries, not in its documentation",
                    at: path, severity: .warning))
        case .docsOnly:
            violations.append(
                TwiMLViolation(
                    .unconfirmedAttribute, "\(name) is documented but missing from Twilio's helper libraries", at: path,
                    severity: .warning))
        case .deprecated, .undocumented, .retired:
            violations.append(
                TwiMLViolation(
                    .notGeneratable, "\(name) is \(attribute.support.rawValue) and must not be generated", at: path))
        }
    }

    private func checkText(
        of element: TwiMLElement, spec: TwiMLElementSpec, at path: TwiMLPath, into violations: inout [TwiMLViolation]
    ) {
        let text = element.text
        let rule = spec.text
        if !checkCharacters(text, subject: "text of '\(element.name)'", at: path.text, into: &violations) { return }
        if rule.presence == .forbidden {
            if !text.isEmpty {
                violations.append(
                    TwiMLViolation(.textNotAllowed, "'\(element.name)' must not contain text", at: path.text))
            }
            return
        }
        if text.isEmpty {
            let excused = rule.optionalWithAttribute.map { element[attribute: $0] != nil } ?? false
            if rule.presence == .required, !excused {
                let alternative = rule.optionalWithAttribute.map { " or attribute '\($0)'" } ?? ""
                violations.append(TwiMLViolation(.textRequired, "'\(element.name)' needs text\(alternative)", at: path))
            }
            return
        }
        if let problem = rule.type.problem(with: text) {
            violations.append(valueViolation(problem, subject: "text of '\(element.name)'", value: text, at: path.text))
        }
    }

    private func checkChildren(
        of element: TwiMLElement, spec: TwiMLElementSpec, at path: TwiMLPath, context: TwiMLContext,
        into violations: inout [TwiMLViolation]
    ) {
        let children = element.children
        var counts: [String: Int] = [:]
        for (index, child) in children.enumerated() {
            let childPath = path.child(index)
            guard let childSpec = TwiMLVocabulary.childSpec(named: child.name, in: spec) else {
                let known = TwiMLVocabulary.isKnownElementName(child.name)
                violations.append(
                    known
                        ? TwiMLViolation(
                            .misplacedElement, "'\(child.name)' is not allowed inside '\(element.name)'", at: childPath)
                        : TwiMLViolation(.unknownElement, "unknown TwiML element '\(child.name)'", at: childPath))
                continue
            }
            if path.indices.isEmpty, childSpec.support.isGeneratable, !context.allowedVerbs.contains(child.name) {
                violations.append(
                    TwiMLViolation(
                        .verbNotAllowedInContext, "'\(child.name)' is not allowed in \(context.displayName)",
                        at: childPath))
            }
            counts[childSpec.id, default: 0] += 1
            if let max = TwiMLVocabulary.childRule(for: childSpec.id, in: spec)?.maxCount,
                counts[childSpec.id] == max + 1
            {
                violations.append(
                    TwiMLViolation(
                        .tooManyChildren,
                        "'\(element.name)' holds more than \(max) '\(child.name)' element\(max == 1 ? "" : "s")",
                        at: childPath))
            }
            check(child, spec: childSpec, at: childPath, context: context, into: &violations)
        }
        checkGroups(of: element, spec: spec, counts: counts, at: path, into: &violations)
        checkContentShape(of: element, spec: spec, at: path, into: &violations)
    }

    private func checkGroups(
        of element: TwiMLElement, spec: TwiMLElementSpec, counts: [String: Int], at path: TwiMLPath,
        into violations: inout [TwiMLViolation]
    ) {
        let used = spec.exclusiveGroups.filter { group in group.members.contains { counts[$0, default: 0] > 0 } }
        if used.count > 1 {
            let labels = TwiMLValueType.list(used.map(\.label), joiner: "and")
            violations.append(
                TwiMLViolation(
                    .mixedChildGroups, "'\(element.name)' mixes \(labels); use only one kind of target", at: path))
        }
        for group in used {
            let total = group.members.reduce(0) { $0 + counts[$1, default: 0] }
            if total > group.maxTotal {
                violations.append(
                    TwiMLViolation(
                        .tooManyChildren,
                        "'\(element.name)' holds \(total) \(group.label), at most \(group.maxTotal) are allowed",
                        at: path))
            }
        }
    }

    private func checkContentShape(
        of element: TwiMLElement, spec: TwiMLElementSpec, at path: TwiMLPath, into violations: inout [TwiMLViolation]
    ) {
        let childCount = element.children.count
        let hasText = !element.text.isEmpty
        if spec.textExcludesChildren, hasText, childCount > 0 {
            violations.append(
                TwiMLViolation(
                    .textWithChildren, "'\(element.name)' must have either text or child elements, not both", at: path))
        }
        if spec.requiresTextOrChild, !hasText, childCount == 0 {
            violations.append(
                TwiMLViolation(.missingContent, "'\(element.name)' needs text or a child element", at: path))
        }
        if !spec.childCount.contains(childCount) {
            let range = spec.childCount
            let expected =
                range.lowerBound == range.upperBound
                ? "exactly \(range.lowerBound)"
                : range.upperBound == Int.max
                    ? "at least \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            let noun = range.upperBound == 1 ? "child element" : "child elements"
            violations.append(
                TwiMLViolation(
                    .wrongChildCount, "'\(element.name)' must hold \(expected) \(noun), found \(childCount)", at: path))
        }
    }

    // MARK: - Cross-field rules

    /// Docs/Twilio.md#say: something to speak, within the voice's limit (SSML markup excluded).
    private func checkSpeech(_ say: TwiMLElement, at path: TwiMLPath, into violations: inout [TwiMLViolation]) {
        let speech = say.allText
        if speech.allSatisfy(\.isWhitespace) {
            violations.append(TwiMLViolation(.emptySay, "'Say' has no text to speak", at: path))
            return
        }
        let length = speech.unicodeScalars.count
        let voice = say[attribute: "voice"]
        let limit = Self.maximumSayLength(voice: voice)
        if length > limit {
            let voiceText = voice.map { " for voice '\($0)'" } ?? ""
            violations.append(
                TwiMLViolation(
                    .sayTextTooLong,
                    "'Say' text is \(length) characters long, at most \(limit) are allowed\(voiceText)",
                    at: path.text))
        }
    }

    /// Docs/Twilio.md#restricted-contexts: a top-level `<Gather>` in an Enqueue wait document listens for DTMF or speech, not both.
    private func checkGatherInput(
        _ gather: TwiMLElement, at path: TwiMLPath, context: TwiMLContext, into violations: inout [TwiMLViolation]
    ) {
        guard let allowed = context.allowedGatherInputs, let input = gather[attribute: "input"],
            !allowed.contains(input)
        else { return }
        let values = TwiMLValueType.quotedList(allowed, joiner: "or")
        violations.append(
            TwiMLViolation(
                .gatherInputNotAllowedInContext,
                "attribute 'input' of 'Gather' must be \(values) in \(context.displayName)"
                    + ", found \(Self.quoted(input))",
                at: path.attribute("input")))
    }

    /// Docs/Twilio.md#document-validity: XML 1.0 `Char` excludes C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF
    /// (surrogates cannot occur in a Swift `String`). Returns whether `value` is clean.
    private func checkCharacters(
        _ value: String, subject: String, at path: TwiMLPath, into violations: inout [TwiMLViolation]
    ) -> Bool {
        guard let bad = value.unicodeScalars.first(where: { !XMLWriter.isAllowed($0) }) else { return true }
        let code =
            "U+" + String(repeating: "0", count: max(0, 4 - String(bad.value, radix: 16).count))
            + String(bad.value, radix: 16, uppercase: true)
        violations.append(
            TwiMLViolation(.invalidXMLCharacter, "\(subject) contains \(code), which XML 1.0 does not allow", at: path))
        return false
    }

    private func valueViolation(_ problem: TwiMLValueProblem, subject: String, value: String, at path: TwiMLPath)
        -> TwiMLViolation
    {
        let found = problem.kind == .valueTooLong || value.isEmpty ? "" : ", found \(Self.quoted(value))"
        return TwiMLViolation(problem.kind, "\(subject) must \(problem.expectation)\(found)", at: path)
    }

    /// A value as shown in a one-line message: quoted, line breaks escaped, long values shortened.
    static func quoted(_ value: String) -> String {
        let oneLine = value.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        let shown = oneLine.count > 60 ? oneLine.prefix(57) + "..." : Substring(oneLine)
        return "'\(shown)'"
    }
}
