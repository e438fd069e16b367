import Foundation

/// A parsed JSON value that keeps integers, booleans and null apart (Foundation's `JSONSerialization`
/// blurs them into `NSNumber`), so the structural check below can test JSON Schema types exactly.
public indirect enum AnyJSON: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([AnyJSON])
    case object([String: AnyJSON])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([AnyJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: AnyJSON].self))
        }
    }

    public static func parse(_ text: String) throws -> AnyJSON {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws -> AnyJSON {
        try JSONDecoder().decode(AnyJSON.self, from: Data(bytes))
    }

    public subscript(key: String) -> AnyJSON? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    public subscript(index: Int) -> AnyJSON? {
        if case .array(let items) = self, items.indices.contains(index) { items[index] } else { nil }
    }
}

/// The subset of JSON Schema (2020-12) that the project's schemas use (Docs/diagnostics.schema.json,
/// Docs/routes.schema.json): `type` (one or a list), `const`, `enum`, `required`, `properties`,
/// `additionalProperties` (`false` or a schema), `items`, `minItems`, `anyOf`, `$ref` into `$defs`,
/// `minimum`, `maximum`, `minLength`, `maxLength` (in code points) and `pattern`. A keyword it does not know
/// is reported, so a schema cannot silently outgrow the check. CI also validates the manifests with
/// Python's `jsonschema`.
public struct JSONSchemaCheck: Sendable {
    public let root: AnyJSON
    private static let known: Set<String> = [
        "$schema", "$id", "title", "description", "$defs", "type", "const", "enum", "required", "properties",
        "additionalProperties", "items", "minItems", "anyOf", "$ref", "minimum", "maximum", "minLength",
        "maxLength", "pattern",
    ]

    public init(root: AnyJSON) {
        self.root = root
    }

    /// Every violation, as `path: problem`; empty when `value` conforms.
    public func violations(of value: AnyJSON) -> [String] { violations(value, against: root, at: "$") }

    private func violations(_ value: AnyJSON, against schema: AnyJSON, at path: String) -> [String] {
        guard case .object(let keywords) = schema else { return ["\(path): schema is not an object"] }
        var problems = keywords.keys.sorted().filter { !Self.known.contains($0) }
            .map { "\(path): unsupported keyword \($0)" }
        if case .string(let reference)? = keywords["$ref"] {
            let name = String(reference.dropFirst("#/$defs/".count))
            guard reference.hasPrefix("#/$defs/"), let target = root["$defs"]?[name] else {
                return problems + ["\(path): unresolved \(reference)"]
            }
            problems += violations(value, against: target, at: path)
        }
        if let type = keywords["type"] {
            let allowed: [AnyJSON] = if case .array(let list) = type { list } else { [type] }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) { problems.append("\(path): wrong type") }
        }
        if let constant = keywords["const"], constant != value { problems.append("\(path): not the constant") }
        if case .array(let options)? = keywords["enum"], !options.contains(value) {
            problems.append("\(path): not in enum")
        }
        if case .array(let alternatives)? = keywords["anyOf"],
            !alternatives.contains(where: { violations(value, against: $0, at: path).isEmpty })
        {
            problems.append("\(path): matches no anyOf alternative")
        }
        switch value {
        case .object(let members):
            problems += objectViolations(members, keywords: keywords, at: path)
        case .array(let items):
            if case .integer(let minimum)? = keywords["minItems"], items.count < minimum {
                problems.append("\(path): fewer than \(minimum) items")
            }
            if let itemSchema = keywords["items"] {
                for (index, item) in items.enumerated() {
                    problems += violations(item, against: itemSchema, at: "\(path)[\(index)]")
                }
            }
        case .integer(let number):
            if case .integer(let minimum)? = keywords["minimum"], number < minimum {
                problems.append("\(path): below minimum")
            }
            if case .integer(let maximum)? = keywords["maximum"], number > maximum {
                problems.append("\(path): above maximum")
            }
        case .string(let text):
            let length = text.unicodeScalars.count
            if case .integer(let minimum)? = keywords["minLength"], length < minimum {
                problems.append("\(path): too short")
            }
            if case .integer(let maximum)? = keywords["maxLength"], length > maximum {
                problems.append("\(path): too long")
            }
            if case .string(let pattern)? = keywords["pattern"],
                text.range(of: pattern, options: .regularExpression) == nil
            {
                problems.append("\(path): does not match \(pattern)")
            }
        case .null, .bool, .number:
            break
        }
        return problems
    }

    private func objectViolations(_ members: [String: AnyJSON], keywords: [String: AnyJSON], at path: String)
        -> [String]
    {
        var problems: [String] = []
        if case .array(let required)? = keywords["required"] {
            for case .string(let key) in required where members[key] == nil {
                problems.append("\(path): missing \(key)")
            }
        }
        let properties = keywords["properties"] ?? .object([:])
        for key in members.keys.sorted() {
            guard let member = members[key] else { continue }
            if let property = properties[key] {
                problems += violations(member, against: property, at: "\(path).\(key)")
            } else if let additional = keywords["additionalProperties"] {
                if additional == .bool(false) {
                    problems.append("\(path): unexpected key \(key)")
                } else if case .object = additional {
                    problems += violations(member, against: additional, at: "\(path).\(key)")
                }
            }
        }
        return problems
    }

    private static func matches(_ value: AnyJSON, type: AnyJSON) -> Bool {
        switch (type, value) {
        case (.string("null"), .null), (.string("boolean"), .bool), (.string("integer"), .integer),
            (.string("number"), .integer), (.string("number"), .number), (.string("string"), .string),
            (.string("array"), .array), (.string("object"), .object):
            true
        default:
            false
        }
    }
}
