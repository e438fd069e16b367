/// Swift source spellings of arbitrary text, for the code `SwiftEmitter` generates.
///
/// Every string in the generated file comes from a user's `.flow` file (say texts, URLs, names) or from
/// documents built from it, so a literal must reproduce the exact scalars whatever they are: quotes, `"""`,
/// backslashes, `#`, emoji, control characters. What must hold: compiling `literal(text)` gives `text`,
/// scalar for scalar, with no warning.
enum SwiftLiteral {
    /// A string literal for `text`: a plain `"…"` literal for verbatim text without `"`, `\` or line breaks, a
    /// multi-line raw string for multi-line text that can be written verbatim (readable TwiML in the
    /// generated file), a single-line raw string for other verbatim text, and an escaped literal when the
    /// text holds a scalar that a source file should not carry raw.
    ///
    /// - Parameter indent: the indentation of the line the literal starts on; a multi-line literal's
    ///   lines and closing delimiter are indented by it, and Swift strips exactly that indentation.
    static func literal(_ text: String, indent: String = "") -> String {
        guard text.unicodeScalars.allSatisfy(isVerbatim) else { return escaped(text) }
        let hashes = String(repeating: "#", count: delimiterHashCount(text))
        if !text.contains("\n") {
            // Swift accepts a raw tab only in a multi-line literal.
            if text.contains("\t") { return escaped(text) }
            let needsRaw = text.unicodeScalars.contains { $0 == "\"" || $0 == "\\" }
            return needsRaw ? "\(hashes)\"\(text)\"\(hashes)" : "\"\(text)\""
        }
        // The line break before the closing delimiter is not part of the value, so a final empty line
        // stands for a text that ends with a line break.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.isEmpty ? "" : indent + line
        }
        lines.insert("\(hashes)\"\"\"", at: 0)
        lines.append("\(indent)\"\"\"\(hashes)")
        return lines.joined(separator: "\n")
    }

    /// Text for a `//` comment: a line break or other scalar that is not verbatim (a file name can hold
    /// one) is written as its `\u{…}` escape, so it cannot end the comment and start code.
    static func comment(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar != "\n", scalar != "\t", isVerbatim(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// A conventional `"…"` literal with escapes for `\`, `"` and every scalar that is not verbatim.
    static func escaped(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isVerbatim(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
            }
        }
        return result + "\""
    }

    /// The number of `#` a raw literal needs so that nothing in `text` ends it early or starts an escape:
    /// one more than the longest run of `#` that follows a `"` or a `\` in the text.
    static func delimiterHashCount(_ text: String) -> Int {
        var longest = 0
        var run: Int?
        for scalar in text.unicodeScalars {
            if scalar == "#", let current = run {
                run = current + 1
                longest = max(longest, current + 1)
            } else {
                run = scalar == "\"" || scalar == "\\" ? 0 : nil
            }
        }
        return longest + 1
    }

    /// Whether a scalar can stand as itself in a multi-line literal: tab, line feed, and everything printable.
    /// Other C0 and C1 controls, DEL, the Unicode line and paragraph separators (which editors and some
    /// tools treat as line breaks) and the bidirectional controls (which make source text read differently
    /// from what it compiles to) are escaped instead. A carriage return is escaped because Swift
    /// normalizes line breaks inside multi-line literals.
    static func isVerbatim(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return true
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0x2028, 0x2029: return false
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return false
        case 0xFEFF: return false
        default: return true
        }
    }
}

/// Swift identifiers for the names of a `.flow` file.
///
/// `.flow` identifiers are `[A-Za-z_][A-Za-z0-9_]*` and keywords are not reserved in the language, so a
/// leg may be called `default`, `self` or `string`. The generated names are camel-cased (`front_desk` →
/// `FrontDesk` for a type, `hold-caller` → `holdCaller` for a member); what must hold is that every name
/// in one scope is distinct, none shadows a type the generated code refers to, and every one compiles.
enum SwiftNames {
    /// Type names that the generated code itself uses unqualified, or that would shadow one: a flow or leg
    /// enum with one of these names gets a `_` suffix instead.
    static let reservedTypeNames: Set<String> = [
        "FlowRoutes", "Route", "EntryPoint", "Parameter", "Request", "Operation", "Legs", "Whispers", "Queues",
        "Rooms", "Operations", "String", "Int", "Bool", "Optional", "Array", "Dictionary", "Sendable", "Hashable",
        "Swift", "Self", "Type", "Protocol", "Any", "AnyObject", "Never", "Void", "Error", "self", "init",
    ]

    /// The members of `FlowRoutes` itself, which a flow's enum beside them must not be named like.
    static let flowRoutesMembers: Set<String> = [
        "manifestJSON", "routes", "route", "routesByPath", "DispatchCase", "dispatchByPath", "normalizedWords",
    ]

    /// Member names whose member-access spelling means something else (`X.self`, `X.init`, `X.Type`):
    /// backticks do not help there, so they get a `_` suffix.
    static let reservedMemberNames: Set<String> = ["self", "Self", "init", "Type", "Protocol", "deinit", "subscript"]

    /// Keywords that must be written in backticks when declared as an identifier.
    static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol",
        "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch",
        "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self", "super",
        "throws", "true", "try", "package", "some", "any", "_",
    ]

    /// Upper camel case: `front_desk` → `FrontDesk`.
    static func typeName(_ raw: String) -> String {
        camelCase(raw, upperFirst: true)
    }

    /// Lower camel case: `hold-caller` → `holdCaller`, `Start` → `start`.
    static func memberName(_ raw: String) -> String {
        camelCase(raw, upperFirst: false)
    }

    /// Splits on `_` and `-`; a result that would be empty or start with a digit keeps the raw name.
    static func camelCase(_ raw: String, upperFirst: Bool) -> String {
        let parts = raw.split(whereSeparator: { $0 == "_" || $0 == "-" }).map(String.init)
        guard let first = parts.first, let lead = first.first, !lead.isNumber else {
            return raw.replacingDashes()
        }
        let head = (upperFirst ? lead.uppercased() : lead.lowercased()) + first.dropFirst()
        return head + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Assigns a distinct Swift name to each raw name of one scope.
    ///
    /// Raw names are taken in sorted order (so the result depends only on the set of names); each gets its
    /// camel-cased form, or its raw spelling if that is taken, or either with `_` appended until free.
    ///
    /// - Parameters:
    ///   - raw: the names of one scope, distinct.
    ///   - isType: type names (upper camel case) or member names (lower camel case).
    /// - Returns: the Swift name of each raw name, unescaped (see `declared(_:)`).
    ///   - alsoReserved: names the scope already declares.
    static func assign(_ raw: [String], isType: Bool, alsoReserved: Set<String> = []) -> [String: String] {
        let reserved = (isType ? reservedTypeNames : reservedMemberNames).union(alsoReserved)
        var used = Set<String>()
        var names: [String: String] = [:]
        for name in raw.sorted() {
            let camel = isType ? typeName(name) : memberName(name)
            var candidates = [camel, name.replacingDashes()]
            var suffixed = camel
            for _ in 0...raw.count {
                suffixed += "_"
                candidates.append(suffixed)
            }
            let chosen = candidates.first { !reserved.contains($0) && !used.contains($0) } ?? suffixed
            used.insert(chosen)
            names[name] = chosen
        }
        return names
    }

    /// The identifier as written in a declaration or after a `.`: in backticks when it is a keyword.
    static func declared(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }
}

extension String {
    /// Operation keys use `-` (`hold-caller`); the other names cannot contain it.
    fileprivate func replacingDashes() -> String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
