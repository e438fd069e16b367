import Foundation

/// A JSON value parsed so that integers, booleans and null stay apart (`JSONSerialization` blurs them
/// into `NSNumber`), which JSON Schema's `type` needs.
indirect enum JSONNode: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([String: JSONNode])

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
        } else if let value = try? container.decode([JSONNode].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONNode].self))
        }
    }

    init(bytes: [UInt8]) throws {
        self = try JSONDecoder().decode(JSONNode.self, from: Data(bytes))
    }

    subscript(key: String) -> JSONNode? {
        if case .object(let members) = self { members[key] } else { nil }
    }
}

/// Checks a manifest against Docs/routes.schema.json with the JSON Schema 2020-12 keywords that schema
/// uses. An unknown keyword is itself a failure, so the schema cannot grow past what is checked.
/// (CI also validates the goldens with Python's `jsonschema`.)
struct RouteSchemaCheck {
    let schema: JSONNode

    private static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
    private static let assertions: Set<String> = [
        "type", "const", "enum", "required", "properties", "additionalProperties", "items", "$ref", "minItems",
        "minimum", "maximum", "minLength", "maxLength", "pattern",
    ]

    /// The committed schema, found from this file's path.
    static func load() throws -> RouteSchemaCheck {
        let url = SourceTree.repositoryRoot.appendingPathComponent("Docs/routes.schema.json")
        return RouteSchemaCheck(schema: try JSONNode(bytes: Array(try Data(contentsOf: url))))
    }

    /// Every violation as `path: problem`; empty when the document conforms.
    func violations(of document: [UInt8]) -> [String] {
        guard let value = try? JSONNode(bytes: document) else { return ["$: not JSON"] }
        return check(value, against: schema, at: "$")
    }

    private func check(_ value: JSONNode, against schema: JSONNode, at path: String) -> [String] {
        guard case .object(let keywords) = schema else { return ["\(path): schema is not an object"] }
        var problems: [String] = keywords.keys.sorted()
            .filter { !Self.annotations.contains($0) && !Self.assertions.contains($0) }
            .map { "\(path): the check does not know keyword '\($0)'" }
        if case .string(let reference)? = keywords["$ref"] {
            let name = String(reference.dropFirst("#/$defs/".count))
            if reference.hasPrefix("#/$defs/"), let target = self.schema["$defs"]?[name] {
                problems += check(value, against: target, at: path)
            } else {
                problems.append("\(path): unresolved \(reference)")
            }
        }
        if case .string(let type)? = keywords["type"], !Self.value(value, hasType: type) {
            problems.append("\(path): not of type \(type)")
        }
        if let constant = keywords["const"], constant != value { problems.append("\(path): not the constant") }
        if case .array(let options)? = keywords["enum"], !options.contains(value) {
            problems.append("\(path): not one of the enum values")
        }
        switch value {
        case .object(let members):
            problems += checkObject(members, keywords: keywords, at: path)
        case .array(let items):
            if case .integer(let minimum)? = keywords["minItems"], items.count < minimum {
                problems.append("\(path): fewer than \(minimum) items")
            }
            if let itemSchema = keywords["items"] {
                for (index, item) in items.enumerated() {
                    problems += check(item, against: itemSchema, at: "\(path)[\(index)]")
                }
            }
        case .integer(let number):
            if case .integer(let minimum)? = keywords["minimum"], number < minimum {
                problems.append("\(path): too small")
            }
            if case .integer(let maximum)? = keywords["maximum"], number > maximum {
                problems.append("\(path): too large")
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
                problems.append("\(path): '\(text)' does not match \(pattern)")
            }
        case .null, .bool, .number:
            break
        }
        return problems
    }

    private func checkObject(_ members: [String: JSONNode], keywords: [String: JSONNode], at path: String) -> [String] {
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
                problems += check(member, against: property, at: "\(path).\(key)")
            } else if let additional = keywords["additionalProperties"] {
                if additional == .bool(false) {
                    problems.append("\(path): unexpected key \(key)")
                } else if case .object = additional {
                    problems += check(member, against: additional, at: "\(path).\(key)")
                }
            }
        }
        return problems
    }

    private static func value(_ value: JSONNode, hasType type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("integer", .integer), ("number", .integer), ("number", .number):
            true
        default:
            false
        }
    }
}
