import FlowDiagnostics

/// Validates generated documents and reports each `TwiMLViolation` as a FLOW4xx diagnostic at the `.flow`
/// span behind it, so a Twilio limit reads as an error in the flow, not in XML the user never wrote.
///
/// Each violation family has one code (Catalog/TwiMLCodes.swift); the violation's own message, which names
/// the TwiML element and attribute, becomes the diagnostic's message, and a note says which document.
public enum TwiMLDiagnostics {
    /// Every violation of every document, in presentation order.
    public static func validate(_ documents: [RoutedDocument]) -> [Diagnostic] {
        let validator = TwiMLValidator()
        var diagnostics: [Diagnostic] = []
        var seen: Set<Diagnostic> = []
        for document in documents {
            for violation in validator.validate(document.document) {
                let diagnostic = diagnostic(for: violation, in: document)
                if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
            }
        }
        return diagnostics.sorted(by: Diagnostic.presentationOrder)
    }

    /// The diagnostic for one violation of `document`.
    public static func diagnostic(for violation: TwiMLViolation, in document: RoutedDocument) -> Diagnostic {
        Diagnostic(
            code(for: violation.kind), violation.severity, violation.message, at: document.span(for: violation.path),
            notes: [Note("in \(document.title), served at '\(document.route)'")])
    }

    /// The FLOW4xx code of a violation family.
    public static func code(for kind: TwiMLViolation.Kind) -> DiagnosticCode {
        switch kind {
        case .valueOutOfRange, .invalidInteger: .twimlValueOutOfRange
        case .invalidPhoneNumber: .invalidPhoneNumber
        case .invalidSIPURI: .invalidSIPURI
        case .invalidURL: .invalidTwiMLURL
        case .sayTextTooLong, .valueTooLong: .twimlTextTooLong
        case .invalidXMLCharacter: .forbiddenCharacter
        case .documentTooLarge: .documentTooLarge
        case .verbNotAllowedInContext, .gatherInputNotAllowedInContext, .misplacedElement: .verbNotAllowedInContext
        case .invalidEnumValue, .invalidBoolean, .invalidMethod, .invalidKeys, .invalidString, .emptySay: .invalidTwiMLValue
        case .tooManyChildren, .wrongChildCount, .mixedChildGroups: .tooManyDialTargets
        case .unconfirmedAttribute: .unconfirmedTwiML
        case .invalidRoot, .unknownElement, .notGeneratable, .textWithChildren, .missingContent, .textNotAllowed,
            .textRequired, .unknownAttribute, .duplicateAttribute, .missingAttribute:
            .invalidTwiMLStructure
        }
    }
}
