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

    /// What to serve for a request of `route` with `parameters` (its query, and a POST's form fields):
    /// the case of the route's dispatch they select, else the route itself (Docs/Output.md#dispatch).
    /// Only a route of this table is ever served: a case naming anything else falls back to `route`.
    public func dispatched(_ route: RouteManifest.Route, parameters: [String: String]) -> Dispatched {
        guard let dispatch = route.dispatch, let index = dispatch.caseIndex(query: parameters),
            let chosen = byPath[dispatch.cases[index].path]
        else { return Dispatched(route: route, note: nil) }
        let branch = dispatch.cases[index]
        let parameter = branch.parameter ?? dispatch.parameter
        return Dispatched(route: chosen, note: "dispatch \(parameter)=\(parameters[parameter] ?? "") -> \(chosen.path)")
    }

    /// The route a request is answered with, and how a dispatch chose it, for the request log.
    public struct Dispatched: Sendable {
        public var route: RouteManifest.Route
        public var note: String?
    }

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
/// Nothing is opened by a path string that was checked first and opened later (issue #15, item 4: a
/// folder swapped for a link between the check and the open served a file from outside the tree). The
/// tree's folder is opened as a directory at every read, because `flowc build` replaces the folder as a
/// whole by an atomic swap (OutputWriter) and a descriptor kept open would keep showing the old tree.
/// The file is then opened relative to that descriptor:
///
/// - on Linux ≥ 5.6, in one `openat2` call with `RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS`: the kernel
///   resolves the whole path and refuses (`EXDEV`) any step, `..` or link, that would leave the folder,
///   while a link that stays inside it is followed;
/// - elsewhere, component by component with `openat(O_NOFOLLOW)`, each folder with `O_DIRECTORY`: a link
///   anywhere on the way is refused, inside the tree or not.
///
/// The descriptor finally opened must be a regular file (`fstat`, so what is checked is what is read); a
/// FIFO, a device or a folder is refused. `O_NONBLOCK` keeps a FIFO from blocking the open.
public enum TreeReader {
    public enum Failure: Error, Equatable, Sendable {
        /// The file does not exist (a stale manifest during a rebuild, or a file deleted by hand).
        case missing
        /// The file resolves outside the tree, through a link where links are refused, or is not a
        /// regular file.
        case refused(String)
        /// Reading failed (`errno`).
        case unreadable(Int32)
    }

    /// The bytes of `file` (relative, from `routes[].file`, checked by `RouteTable.isSafe`) under `root`.
    public static func read(file: String, root: String) throws(Failure) -> [UInt8] {
        let rootDescriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootDescriptor >= 0 else { throw errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(errno) }
        defer { close(rootDescriptor) }
        let descriptor = try openBeneath(rootDescriptor, file)
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

    /// Whether `openat2` with `RESOLVE_BENEATH` is used (Linux ≥ 5.6, not refused by a sandbox).
    public static var resolvesBeneath: Bool { openat2 != nil }

    private static func openBeneath(_ root: Int32, _ file: String) throws(Failure) -> Int32 {
        if let openat2 {
            // struct open_how { u64 flags; u64 mode; u64 resolve; }
            var how: (UInt64, UInt64, UInt64) = (
                UInt64(O_RDONLY | O_NONBLOCK | O_CLOEXEC), 0, resolveBeneath | resolveNoMagicLinks
            )
            let descriptor = file.withCString { path in
                withUnsafeMutablePointer(to: &how) { openat2(systemCallOpenat2, root, path, UnsafeRawPointer($0), 24) }
            }
            if descriptor >= 0 { return Int32(descriptor) }
            throw failure(errno, file)
        }
        var directory = dup(root)
        guard directory >= 0 else { throw .unreadable(errno) }
        let components = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (index, component) in components.enumerated() {
            let isLast = index == components.count - 1
            let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (isLast ? O_NONBLOCK : O_DIRECTORY)
            let next = openat(directory, component, flags)
            let code = errno
            close(directory)
            guard next >= 0 else { throw failure(code, file) }
            directory = next
        }
        return directory
    }

    private static func failure(_ code: Int32, _ file: String) -> Failure {
        switch code {
        case ENOENT: .missing
        case EXDEV: .refused("\(file) resolves outside the served folder")
        case ELOOP, ENOTDIR: .refused("\(file) goes through a link or a non-folder")
        default: .unreadable(code)
        }
    }

    private typealias SystemCall4 = @convention(c) (Int, Int32, UnsafePointer<CChar>, UnsafeRawPointer, Int) -> Int
    private static let systemCallOpenat2 = 437
    private static let resolveNoMagicLinks: UInt64 = 0x02
    private static let resolveBeneath: UInt64 = 0x08

    /// glibc has no `openat2` wrapper, and Swift cannot call the variadic `syscall(2)`; its symbol is
    /// called through a fixed-arity pointer (the system call takes only integer registers, which both
    /// Linux calling conventions pass alike for variadic and fixed calls). Probed once: a kernel without
    /// the call answers ENOSYS, a sandbox may answer EPERM, and then the component walk is used.
    private static let openat2: SystemCall4? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syscall") else { return nil }
        let call = unsafeBitCast(symbol, to: SystemCall4.self)
        var how: (UInt64, UInt64, UInt64) = (UInt64(O_RDONLY | O_DIRECTORY | O_CLOEXEC), 0, resolveBeneath)
        let probe = withUnsafeMutablePointer(to: &how) { call(systemCallOpenat2, AT_FDCWD, ".", UnsafeRawPointer($0), 24) }
        guard probe >= 0 else { return nil }
        close(Int32(probe))
        return call
        #else
        return nil
        #endif
    }()

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }
}
