/// A filesystem path kept as the exact bytes the kernel sees.
///
/// Foreign files in the output folder may have names that are not valid UTF-8, or that are canonically
/// equivalent to another name as Swift `String`s (NFC versus NFD) yet different on disk. Carrying paths
/// as bytes is what lets the writer hard-link every such file into the new tree unchanged.
struct RawPath: Hashable, Sendable, Comparable {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }
    init(_ string: String) { self.bytes = Array(string.utf8) }

    /// Joins with one `/`; an empty `self` yields `component` alone, which is how relative paths start.
    func appending(_ component: [UInt8]) -> RawPath {
        if bytes.isEmpty { return RawPath(component) }
        if bytes.last == UInt8(ascii: "/") { return RawPath(bytes + component) }
        return RawPath(bytes + [UInt8(ascii: "/")] + component)
    }

    func appending(_ relative: RawPath) -> RawPath { appending(relative.bytes) }

    /// The path up to its last `/`; empty for a single component.
    var parent: RawPath {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return RawPath([]) }
        return RawPath(Array(bytes[..<slash]))
    }

    /// Every proper prefix that names a directory: `a/b/c` gives `a` and `a/b`.
    var ancestors: [RawPath] {
        bytes.indices.filter { bytes[$0] == UInt8(ascii: "/") }.map { RawPath(Array(bytes[..<$0])) }
    }

    /// For messages; undecodable bytes show as U+FFFD.
    var display: String { String(decoding: bytes, as: UTF8.self) }

    /// Byte order: a directory sorts before everything inside it, which is the order they must be created in.
    static func < (lhs: RawPath, rhs: RawPath) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }

    func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }
}
