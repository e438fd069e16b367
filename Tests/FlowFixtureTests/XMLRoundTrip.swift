import FlowCompiler
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses rendered TwiML back with Foundation's `XMLParser`, checks that it is the IR it was rendered from,
/// and validates the parsed tree in the document's context: what Twilio reads is what was validated.
enum XMLRoundTrip {
    /// Every problem with `bytes` as the rendering of `document`; empty when it round-trips and validates.
    static func problems(bytes: [UInt8], document: TwiMLDocument) -> [String] {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            return ["does not parse: \(parser.parserError.map { "\($0)" } ?? "no root element")"]
        }
        var problems: [String] = []
        if !bytes.starts(with: Array(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8)) {
            problems.append("does not start with the XML declaration")
        }
        if normalized(root) != normalized(document.root) {
            problems.append(
                "parses to a different tree than the IR:\n\(normalized(root))\nvs\n\(normalized(document.root))")
        }
        let parsed = TwiMLDocument(root: normalized(root), context: document.context)
        problems += TwiMLValidator().validate(parsed).map { "parsed document: \($0)" }
        return problems
    }

    /// Attributes sorted by name, adjacent text merged, indentation between child elements dropped.
    private static func normalized(_ element: TwiMLElement) -> TwiMLElement {
        let hasChildren = !element.children.isEmpty
        var content: [TwiMLContent] = []
        for part in element.content {
            switch part {
            case .element(let child):
                content.append(.element(normalized(child)))
            case .text(let text):
                if hasChildren, text.allSatisfy(\.isWhitespace) { continue }
                if case .text(let previous)? = content.last {
                    content[content.count - 1] = .text(previous + text)
                } else if !text.isEmpty {
                    content.append(.text(text))
                }
            }
        }
        return TwiMLElement(
            element.name, attributes: element.attributes.sorted { $0.name < $1.name }, content: content)
    }

    /// Builds `TwiMLElement`s from parser events.
    private final class TreeBuilder: NSObject, XMLParserDelegate {
        private var stack: [TwiMLElement] = []
        private(set) var root: TwiMLElement?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            let attributes = attributeDict.keys.sorted().map { TwiMLAttribute($0, attributeDict[$0] ?? "") }
            stack.append(TwiMLElement(elementName, attributes: attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].content.append(.text(string))
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            guard let element = stack.popLast() else { return }
            if stack.isEmpty {
                root = element
            } else {
                stack[stack.count - 1].content.append(.element(element))
            }
        }
    }
}
