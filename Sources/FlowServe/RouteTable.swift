import FlowCompiler

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The routes of one built tree, looked up by the raw request path.
///
/// Only the paths `routes.json` lists are ever served. The lookup compares the request target's path
/// byte for byte, before any percent-decoding or dot-segment removal, with the manifest's paths, which
/// are `/[A-Za-z0-9_./-]+.xml` without `..` (Docs/Output.md). So `/a/../b.xml`, `/%2e%2e/x.xml`,
/// `/a%2fb.xml`, `%252e` and absolute or scheme-qualified targets never match: nothing decodes them into
/// a manifest path. A client that percent-encodes an unreserved character of a real route (`%5F` for
/// `_`) gets 404 too; Twilio requests URLs exactly as they were configured.
public struct RouteTable: Sendable {
    /// The manifest the table was made from.
    public let manifest: RouteManifest
    private let byPath: [String: RouteManifest.Route]

    public init(manifest: RouteManifest) {
        self.manifest = manifest
        var byPath: [String: RouteManifest.Route] = [:]
        for route in manifest.routes where Self.isSafe(route) {
            byPath[route.path] = route
        }
        self.byPath = byPath
    }

    /// The route whose URL path is exactly `rawPath`, if any.
    public func route(forRawPath rawPath: String) -> RouteManifest.Route? {
        byPath[rawPath]
    }

    public var count: Int { byPath.count }

    /// A manifest route the server accepts: a path and a file made of safe segments (no empty, `.` or `..`
    /// segment, only `[A-Za-z0-9_.-]`), with the path being `/` + the file. The build guarantees all of
    /// this; checking it again means a hand-edited or corrupted manifest cannot widen what is served.
    static func isSafe(_ route: RouteManifest.Route) -> Bool {
        guard route.path == "/" + route.file else { return false }
        let segments = route.file.split(separator: "/", omittingEmptySubsequences: false)
        return segments.allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".."
                && segment.utf8.allSatisfy { byte in
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."),
                        UInt8(ascii: "-"):
                        true
                    default: false
                    }
                }
        }
    }
}

/// Reads a route's file from the built tree without ever leaving it.
///
/// The tree's folder is resolved (`realpath`) at every read, because `flowc build` replaces the folder as a
/// whole by an atomic swap (OutputWriter): a descriptor kept open would keep showing the old tree. The
/// file's path is resolved too, following every symbolic link, and must lie strictly inside the resolved
/// folder; it is then opened with `O_NOFOLLOW` and must be a regular file (`fstat` on the open descriptor,
/// so what is checked is what is read). A link inside the tree that points outside it, a FIFO, a device
/// or a folder is refused.
public enum TreeReader {
    public enum Failure: Error, Equatable, Sendable {
        /// The file does not exist (a stale manifest during a rebuild, or a file deleted by hand).
        case missing
        /// The file resolves outside the tree, or is not a regular file.
        case refused(String)
        /// Reading failed (`errno`).
        case unreadable(Int32)
    }

    /// The bytes of `file` (relative, from `routes[].file`) under `root`.
    public static func read(file: String, root: String) throws(Failure) -> [UInt8] {
        guard let resolvedRoot = realPath(root) else { throw .missing }
        guard let resolved = realPath(root + "/" + file) else {
            throw errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(errno)
        }
        let prefix = resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/"
        guard resolved.hasPrefix(prefix), resolved.count > prefix.count else {
            throw .refused("\(file) resolves outside the served folder")
        }
        let descriptor = open(resolved, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw errno == ENOENT ? .missing : .unreadable(errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .refused("\(file) is not a regular file") }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
