import Foundation

/// A parsed JSON value that keeps integers, booleans and null apart (Foundation's `JSONSerialization`
/// blurs them into `NSNumber`), so the structural check below can test JSON Schema types exactly.
indirect enum AnyJSON: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([AnyJSON])
    case object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
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

    static func parse(_ text: String) throws -> AnyJSON {
        try JSONDecoder().decode(AnyJSON.self, from: Data(text.utf8))
    }

    subscript(key: String) -> AnyJSON? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    subscript(index: Int) -> AnyJSON? {
        if case .array(let items) = self, items.indices.contains(index) { items[index] } else { nil }
    }
}

/// The subset of JSON Schema (2020-12) that our schemas use: `type`, `const`, `enum`, `required`,
/// `properties`, `additionalProperties: false`, `items`, `anyOf`, `$ref` into `$defs`, `minimum`,
/// `minLength` and `pattern`. A keyword it does not know is reported, so a schema cannot silently
/// outgrow the check.
struct JSONSchemaCheck {
    let root: AnyJSON
    private static let known: Set<String> = [
        "$schema", "$id", "title", "description", "$defs", "type", "const", "enum", "required", "properties",
        "additionalProperties", "items", "anyOf", "$ref", "minimum", "minLength", "pattern",
    ]

    /// Every violation, as `path: problem`; empty when `value` conforms.
    func violations(of value: AnyJSON) -> [String] { violations(value, against: root, at: "$") }

    private func violations(_ value: AnyJSON, against schema: AnyJSON, at path: String) -> [String] {
        guard case .object(let keywords) = schema else { return ["\(path): schema is not an object"] }
        var problems = keywords.keys.filter { !Self.known.contains($0) }.map { "\(path): unsupported keyword \($0)" }
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
            if case .array(let required)? = keywords["required"] {
                for case .string(let key) in required where members[key] == nil {
                    problems.append("\(path): missing \(key)")
                }
            }
            let properties = keywords["properties"] ?? .object([:])
            for (key, member) in members {
                if let property = properties[key] {
                    problems += violations(member, against: property, at: "\(path).\(key)")
                } else if keywords["additionalProperties"] == .bool(false) {
                    problems.append("\(path): unexpected key \(key)")
                }
            }
        case .array(let items):
            if let itemSchema = keywords["items"] {
                for (index, item) in items.enumerated() {
                    problems += violations(item, against: itemSchema, at: "\(path)[\(index)]")
                }
            }
        case .integer(let number):
            if case .integer(let minimum)? = keywords["minimum"], number < minimum {
                problems.append("\(path): below minimum")
            }
        case .string(let text):
            if case .integer(let minimum)? = keywords["minLength"], text.count < minimum {
                problems.append("\(path): too short")
            }
            if case .string(let pattern)? = keywords["pattern"],
                text.range(of: pattern, options: .regularExpression) == nil
            {
                problems.append("\(path): does not match \(pattern)")
            }
        default:
            break
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
