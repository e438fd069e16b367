import FlowTestSupport
import Foundation

/// Checks a manifest against Docs/routes.schema.json with the shared `JSONSchemaCheck`.
/// (CI also validates the goldens with Python's `jsonschema`.)
struct RouteSchemaCheck {
    let check: JSONSchemaCheck

    /// The committed schema, found from this file's path.
    static func load() throws -> RouteSchemaCheck {
        let url = SourceTree.repositoryRoot.appendingPathComponent("Docs/routes.schema.json")
        return RouteSchemaCheck(check: JSONSchemaCheck(root: try AnyJSON.parse(Array(try Data(contentsOf: url)))))
    }

    /// Every violation as `path: problem`; empty when the document conforms.
    func violations(of document: [UInt8]) -> [String] {
        guard let value = try? AnyJSON.parse(document) else { return ["$: not JSON"] }
        return check.violations(of: value)
    }
}
