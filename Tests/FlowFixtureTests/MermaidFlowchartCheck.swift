import Foundation

/// A strict checker of the Mermaid flowchart subset `MermaidRenderer` writes.
///
/// Mermaid itself cannot run here (it needs Node.js and a browser), so this is what establishes that
/// `flowc graph --format mermaid` is valid: every line must be one of the statement forms below, in
/// Mermaid's documented syntax, with the renderer's layout. It is deliberately narrower than Mermaid:
/// it accepts only what the renderer is meant to write, so a change that drifts outside the subset (a
/// new shape, an unquoted label, a raw character Mermaid reads as markup) fails here first.
///
/// The subset, line by line:
/// - `flowchart TD`, first and once.
/// - `subgraph ID ["TITLE"]` … `end`, balanced, one nesting level deeper per subgraph.
/// - `ID SHAPE`, a node declared once: `["…"]`, `("…")`, `(["…"])`, `[/"…"/]` or `((("…")))`.
/// - `ID ARROW ID` or `ID ARROW|"LABEL"| ID`, ARROW one of `-->`, `--o`, `==>`, `-.->`, between declared
///   nodes.
/// - `classDef NAME prop:value,…` and `class ID,… NAME` for a class defined before, of declared nodes.
/// Ids are `[A-Za-z][A-Za-z0-9_]*`, never a Mermaid keyword, never starting with the `o` or `x` Mermaid
/// reads as an arrow head. Labels are double-quoted, with no raw `"`, `` ` ``, `|`, `&`, `<` or `>` other
/// than the `<br>` line break, `#` only as an entity (`#quot;`, `#35;`), and no control character.
/// Indentation is two spaces, plus two per open subgraph.
enum MermaidFlowchartCheck {
    static let arrows = ["-.->", "-->", "--o", "==>"]
    static let shapes: [(open: String, close: String)] = [
        ("(((", ")))"), ("([", "])"), ("[/", "/]"), ("(", ")"), ("[", "]"),
    ]
    static let keywords: Set<String> = [
        "end", "subgraph", "graph", "flowchart", "class", "classdef", "style", "linkstyle", "click", "call",
        "href", "direction", "default",
    ]

    /// Every problem of `text`, each as `line N: …`; empty when the text is in the subset.
    static func problems(in text: String) -> [String] {
        var checker = State()
        guard text.hasSuffix("\n") else { return ["the text does not end with a newline"] }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            if let problem = checker.read(line, first: index == 0) {
                checker.problems.append("line \(index + 1): \(problem): \(line)")
            }
        }
        if lines.isEmpty { checker.problems.append("no header") }
        if !checker.open.isEmpty { checker.problems.append("\(checker.open.count) subgraph(s) never closed") }
        return checker.problems
    }

    private struct State {
        var problems: [String] = []
        var open: [String] = []
        var nodes: Set<String> = []
        var subgraphs: Set<String> = []
        var classes: Set<String> = []

        mutating func read(_ line: String, first: Bool) -> String? {
            if first { return line == "flowchart TD" ? nil : "the first line must be 'flowchart TD'" }
            let depth = open.count + 1
            let indent = String(repeating: "  ", count: depth)
            let isEnd = line == String(repeating: "  ", count: depth - 1) + "end" && !open.isEmpty
            if isEnd {
                open.removeLast()
                return nil
            }
            guard line.hasPrefix(indent), line.dropFirst(indent.count).first != " " else {
                return "expected an indentation of \(indent.count) spaces"
            }
            let statement = String(line.dropFirst(indent.count))
            if statement.hasPrefix("subgraph ") { return subgraph(String(statement.dropFirst("subgraph ".count))) }
            if statement.hasPrefix("classDef ") { return classDef(String(statement.dropFirst("classDef ".count))) }
            if statement.hasPrefix("class ") { return classUse(String(statement.dropFirst("class ".count))) }
            var rest = Substring(statement)
            guard let id = MermaidFlowchartCheck.identifier(&rest) else { return "expected an id" }
            if rest.hasPrefix(" ") { return edge(from: id, rest.dropFirst()) }
            return node(id, rest)
        }

        mutating func subgraph(_ text: String) -> String? {
            var rest = Substring(text)
            guard let id = MermaidFlowchartCheck.identifier(&rest) else { return "expected a subgraph id" }
            guard !nodes.contains(id), subgraphs.insert(id).inserted else { return "'\(id)' is declared twice" }
            guard rest.hasPrefix(" ["), rest.hasSuffix("]") else { return "expected a title in [\"…\"]" }
            var title = rest.dropFirst(2).dropLast()
            if let problem = MermaidFlowchartCheck.label(&title) { return problem }
            guard title.isEmpty else { return "unexpected text after the title" }
            open.append(id)
            return nil
        }

        mutating func node(_ id: String, _ shape: Substring) -> String? {
            guard !subgraphs.contains(id), nodes.insert(id).inserted else { return "'\(id)' is declared twice" }
            for (opener, closer) in MermaidFlowchartCheck.shapes where shape.hasPrefix(opener) {
                guard shape.hasSuffix(closer), shape.count >= opener.count + closer.count else {
                    return "shape \(opener) is not closed by \(closer)"
                }
                var body = shape.dropFirst(opener.count).dropLast(closer.count)
                if let problem = MermaidFlowchartCheck.label(&body) { return problem }
                return body.isEmpty ? nil : "unexpected text after the label"
            }
            return "expected a node shape"
        }

        mutating func edge(from source: String, _ text: Substring) -> String? {
            guard nodes.contains(source) else { return "'\(source)' is not a declared node" }
            guard let arrow = MermaidFlowchartCheck.arrows.first(where: { text.hasPrefix($0) }) else {
                return "expected one of \(MermaidFlowchartCheck.arrows.joined(separator: " "))"
            }
            var rest = text.dropFirst(arrow.count)
            if rest.hasPrefix("|") {
                rest = rest.dropFirst()
                if let problem = MermaidFlowchartCheck.label(&rest) { return problem }
                guard rest.hasPrefix("|") else { return "the edge label is not closed by |" }
                rest = rest.dropFirst()
            }
            guard rest.hasPrefix(" ") else { return "expected a space before the target" }
            rest = rest.dropFirst()
            guard let target = MermaidFlowchartCheck.identifier(&rest), rest.isEmpty else {
                return "expected a target id and nothing after it"
            }
            return nodes.contains(target) ? nil : "'\(target)' is not a declared node"
        }

        mutating func classDef(_ text: String) -> String? {
            let parts = text.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2, var name = Optional(parts[0]), let id = MermaidFlowchartCheck.identifier(&name),
                name.isEmpty
            else { return "expected 'classDef NAME STYLE'" }
            let declarations = parts[1].split(separator: ",", omittingEmptySubsequences: false)
            let valid = declarations.allSatisfy { declaration in
                let pair = declaration.split(separator: ":", omittingEmptySubsequences: false)
                return pair.count == 2 && pair[0].allSatisfy { $0.isLowercase || $0 == "-" } && !pair[0].isEmpty
                    && pair[1].allSatisfy { $0.isLetter || $0.isNumber || $0 == "#" } && !pair[1].isEmpty
            }
            guard valid else { return "expected style declarations 'property:value,…'" }
            classes.insert(id)
            return nil
        }

        func classUse(_ text: String) -> String? {
            let parts = text.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return "expected 'class ID,… NAME'" }
            guard classes.contains(String(parts[1])) else { return "class '\(parts[1])' is not defined" }
            for member in parts[0].split(separator: ",", omittingEmptySubsequences: false) {
                guard nodes.contains(String(member)) else { return "'\(member)' is not a declared node" }
            }
            return nil
        }
    }

    /// Reads an id from the start of `text`; `nil` when there is none or it is one Mermaid misreads.
    static func identifier(_ text: inout Substring) -> String? {
        let id = String(text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        guard let first = id.first, first.isLetter, !keywords.contains(id.lowercased()), first != "o", first != "x"
        else { return nil }
        text = text.dropFirst(id.count)
        return id
    }

    /// Reads a quoted label from the start of `text`; the problem, or `nil` when it is valid.
    static func label(_ text: inout Substring) -> String? {
        guard text.hasPrefix("\"") else { return "expected a quoted label" }
        let body = text.dropFirst().prefix { $0 != "\"" }
        guard text.dropFirst(body.count + 1).hasPrefix("\"") else { return "the label is not closed" }
        text = text.dropFirst(body.count + 2)
        var rest = body.replacingOccurrences(of: "<br>", with: "")[...]
        while let character = rest.first {
            if character == "#" {
                let entity = rest.dropFirst().prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
                let isNumeric = entity.allSatisfy(\.isNumber)
                let isNamed = entity.allSatisfy(\.isLowercase)
                guard !entity.isEmpty, isNumeric || isNamed, rest.dropFirst(entity.count + 1).hasPrefix(";") else {
                    return "'#' outside an entity in a label"
                }
                rest = rest.dropFirst(entity.count + 2)
                continue
            }
            if "`|&<>".contains(character) { return "raw '\(character)' in a label" }
            if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return "a control character in a label"
            }
            rest = rest.dropFirst()
        }
        return nil
    }
}
