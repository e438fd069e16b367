extension String {
    /// The string as a double-quoted literal with `\`, `"` and control characters escaped, so a
    /// replacement containing a newline or a quote stays on one line and reads back unambiguously.
    var quotedLiteral: String {
        let escaped = replacingScalars { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case _ where scalar.properties.generalCategory == .control:
                "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: nil
            }
        }
        return "\"" + escaped + "\""
    }

    /// The string with every scalar for which `replacement` returns text replaced by that text: the one
    /// loop behind each format's escaping rules.
    func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = ""
        for scalar in unicodeScalars {
            if let replaced = replacement(scalar) {
                result += replaced
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
