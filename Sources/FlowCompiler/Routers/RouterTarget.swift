import Foundation

/// The engines `flowc router` writes a router for (Docs/Output.md#routers). Each router is a pure function
/// of routes.json: it serves a manifest route's file, or for a junction the file of the case the
/// request's parameters select, exactly as `RouteDispatch.select(query:)` does, and nothing else.
public enum RouterTarget: String, Sendable, Hashable, CaseIterable {
    /// An nginx configuration snippet: `map`s on the raw query arguments and one `location` per route.
    case nginx
    /// A Cloudflare Worker (module syntax) in front of the tree uploaded as the Worker's static assets.
    case cloudflare

    /// The router's text for `manifest`.
    public func render(_ manifest: RouteManifest) -> String {
        switch self {
        case .nginx: NginxRouter.render(manifest)
        case .cloudflare: CloudflareWorkerRouter.render(manifest)
        }
    }
}

extension RouterTarget {
    /// Why a built tree's manifest could not be read.
    public struct InputProblem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The router for the manifest at `path`: a built tree (the folder holding routes.json) or the file.
    public func render(manifestAt path: String) -> Result<String, InputProblem> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return .failure(InputProblem(description: "\(path): no such file or folder (build the flows first: flowc build)"))
        }
        let file = isFolder.boolValue ? (path as NSString).appendingPathComponent(RouteLayout.manifestFile) : path
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(InputProblem(description: "\(file): cannot be read (is it a built tree? flowc build writes routes.json)"))
        }
        do {
            return .success(render(try JSONDecoder().decode(RouteManifest.self, from: data)))
        } catch {
            return .failure(InputProblem(description: "\(file): not a routes.json flowc wrote (\(Self.reason(error)))"))
        }
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "the key '\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty
                ? "not JSON" : "at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: "not JSON"
        }
    }
}
