import FlowDiagnostics
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What loading the command line's paths produced: the files to compile, in a deterministic order, and
/// the FLOW0xx diagnostics of reading them.
public struct LoadedSources: Sendable {
    /// Each file once, in the order of the paths given; the files found in a folder sorted by path.
    public var files: [SourceFile]
    /// The offset of the first invalid UTF-8 byte of each file that has one, by path. The loader reports it
    /// (FLOW002); the parser is told, so that it does not report that line again.
    public var firstInvalidBytes: [String: Int]
    /// Problems with the input itself (FLOW001, FLOW010–FLOW012) and invalid UTF-8 (FLOW002).
    public var diagnostics: [Diagnostic]
    /// Whether some path could not be read at all. The CLI maps this to exit code 2: it is a problem with
    /// the invocation or the file system, not with the text of a flow.
    public var hasInputFailure: Bool

    public init(
        files: [SourceFile], firstInvalidBytes: [String: Int] = [:], diagnostics: [Diagnostic] = [],
        hasInputFailure: Bool = false
    ) {
        self.files = files
        self.firstInvalidBytes = firstInvalidBytes
        self.diagnostics = diagnostics
        self.hasInputFailure = hasInputFailure
    }
}

/// Turns the paths of a command line into `SourceFile`s.
///
/// What must hold:
/// - A path is a file (read whatever its extension: the user named it) or a folder (every `*.flow` file
///   below it, recursively, sorted by path). No path means `./flows`, shown as `flows`.
/// - Display paths are built from the path as given, so relative stays relative and diagnostics point
///   where the user looked.
/// - Loading never hangs: a folder reached twice (a symbolic link loop) is walked once, and only regular
///   files are read, so a FIFO or a device never blocks a read. A file over `maximumFileSize` is refused
///   before it is read.
/// - Loading is linear in the size of the input; a 50 MB file loads.
/// - A file named twice (directly and through its folder, or through a link) is loaded once, so its flows
///   are not reported as duplicates of themselves.
public enum SourceLoader {
    /// The folder checked when no path is given.
    public static let defaultPath = "flows"

    /// The extension of flow files, searched for in folders.
    public static let fileExtension = "flow"

    /// Files larger than this are refused (FLOW011): no hand-written flow comes near it.
    public static let maximumFileSize = 64 * 1024 * 1024

    /// Loads every path, reporting each one that cannot be read and going on with the others.
    public static func load(paths: [String]) -> LoadedSources {
        var loader = Walk()
        for path in paths.isEmpty ? [defaultPath] : paths {
            loader.load(path)
        }
        return loader.result
    }

    /// Decodes the bytes of one file, reporting the first invalid UTF-8 byte (FLOW002) with its location.
    /// A byte-order mark is left in the text: the lexer skips it, and offsets stay those of the file.
    public static func decode(
        path: String, bytes: [UInt8]
    ) -> (file: SourceFile, firstInvalidByte: Int?, diagnostic: Diagnostic?) {
        let (file, firstInvalid) = SourceFile.decode(path: path, bytes: bytes)
        guard let offset = firstInvalid else { return (file, nil, nil) }
        // Up to the first invalid byte the decoded text has the file's own bytes; the byte itself became
        // U+FFFD, three bytes long in the decoded text.
        let replacementLength = 3
        let diagnostic = Diagnostic(
            .invalidUTF8, .error,
            "invalid UTF-8 byte 0x\(hex(bytes[offset])); the file must be UTF-8 text",
            at: file.span(from: offset, to: offset + replacementLength))
        return (file, offset, diagnostic)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}

// MARK: - Walking the file system

/// The identity of a file or folder on disk, which links and `..` cannot disguise.
private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}

/// What `stat` says about a path, following links.
private enum Entry {
    case file(FileIdentity, size: Int)
    case folder(FileIdentity)
    case other
    case missing
    case failed(errno: Int32)

    init(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            self = (errno == ENOENT || errno == ENOTDIR) ? .missing : .failed(errno: errno)
            return
        }
        let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .file(identity, size: Int(info.st_size))
        case S_IFDIR: self = .folder(identity)
        default: self = .other
        }
    }
}

/// The state of one `load(paths:)` call.
private struct Walk {
    var files: [SourceFile] = []
    var firstInvalidBytes: [String: Int] = [:]
    var diagnostics: [Diagnostic] = []
    var hasInputFailure = false
    var loadedFiles: Set<FileIdentity> = []

    var result: LoadedSources {
        LoadedSources(
            files: files, firstInvalidBytes: firstInvalidBytes, diagnostics: diagnostics,
            hasInputFailure: hasInputFailure)
    }

    mutating func load(_ path: String) {
        switch Entry(path: path) {
        case .file(let identity, let size):
            readFile(path, identity: identity, size: size)
        case .folder(let identity):
            var visited: Set<FileIdentity> = [identity]
            var found: [(path: String, identity: FileIdentity, size: Int)] = []
            collect(in: path, visited: &visited, into: &found)
            if found.isEmpty {
                fail(.noFlowFiles, "no '.\(SourceLoader.fileExtension)' file in folder '\(path)'")
            }
            for file in found.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
                readFile(file.path, identity: file.identity, size: file.size)
            }
        case .missing:
            fail(.inputNotFound, "no such file or folder '\(path)'")
        case .other:
            fail(.inputUnreadable, "cannot read '\(path)': not a regular file or folder")
        case .failed(let code):
            fail(.inputUnreadable, "cannot read '\(path)': \(describe(code))")
        }
    }

    /// Gathers the flow files below `folder`. Links are followed, but each folder is entered once, so a
    /// link loop ends the walk of that branch instead of recursing forever. Hidden entries (`.git`,
    /// `.build`) are skipped.
    private mutating func collect(
        in folder: String, visited: inout Set<FileIdentity>,
        into found: inout [(path: String, identity: FileIdentity, size: Int)]
    ) {
        guard let names = listFolder(folder) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = join(folder, name)
            let isFlowFile = name.hasSuffix("." + SourceLoader.fileExtension)
            switch Entry(path: path) {
            case .file(let identity, let size) where isFlowFile:
                found.append((path, identity, size))
            case .folder(let identity):
                if visited.insert(identity).inserted {
                    collect(in: path, visited: &visited, into: &found)
                }
            case .failed(let code) where isFlowFile:
                fail(.inputUnreadable, "cannot read '\(path)': \(describe(code))")
            default:
                continue
            }
        }
    }

    /// The names in a folder, or `nil` after reporting why it cannot be listed.
    private mutating func listFolder(_ folder: String) -> [String]? {
        guard let handle = opendir(folder) else {
            fail(.inputUnreadable, "cannot read folder '\(folder)': \(describe(errno))")
            return nil
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let bytes = withUnsafeBytes(of: &entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            let name = String(decoding: bytes, as: UTF8.self)
            guard Array(name.utf8) == bytes else {
                // A name that is not UTF-8 has no faithful display path; a flow file is never named so.
                if bytes.starts(with: Array(".".utf8)) { continue }
                fail(.inputUnreadable, "cannot read an entry of folder '\(folder)': its name is not UTF-8")
                continue
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private mutating func readFile(_ path: String, identity: FileIdentity, size: Int) {
        guard loadedFiles.insert(identity).inserted else { return }
        guard size <= SourceLoader.maximumFileSize else {
            fail(.fileTooLarge, "file '\(path)' is \(size) bytes; the limit is \(SourceLoader.maximumFileSize)")
            return
        }
        switch readBytes(path, expectedSize: size) {
        case .success(let bytes):
            let (file, firstInvalidByte, diagnostic) = SourceLoader.decode(path: path, bytes: bytes)
            files.append(file)
            firstInvalidBytes[path] = firstInvalidByte
            if let diagnostic { diagnostics.append(diagnostic) }
        case .failure(let problem):
            fail(problem.code, problem.message)
        }
    }

    private struct ReadProblem: Error {
        var code: DiagnosticCode
        var message: String
    }

    /// Reads a whole regular file with plain system calls. `O_NONBLOCK` and the `fstat` check make sure a
    /// path swapped for a FIFO after `stat` is refused rather than waited on.
    private func readBytes(_ path: String, expectedSize: Int) -> Result<[UInt8], ReadProblem> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(ReadProblem(code: .inputUnreadable, message: "cannot read '\(path)': \(describe(errno))"))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .failure(ReadProblem(code: .inputUnreadable, message: "cannot read '\(path)': not a regular file"))
        }
        let limit = SourceLoader.maximumFileSize
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(expectedSize, limit) + 1)
        // Sized to the file (one byte more, to see the end in the same read): a fixed 1 MiB buffer zeroed
        // for every small file was a tenth of a build's instructions (BENCHMARKS.md).
        let chunkSize = min(1 << 20, max(expectedSize, 0) + 1)
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadProblem(code: .inputUnreadable, message: "cannot read '\(path)': \(describe(errno))"))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                return .failure(ReadProblem(
                    code: .fileTooLarge, message: "file '\(path)' is over the limit of \(limit) bytes"))
            }
        }
        return .success(bytes)
    }

    private mutating func fail(_ code: DiagnosticCode, _ message: String) {
        hasInputFailure = true
        diagnostics.append(Diagnostic(code, .error, message, at: nil))
    }

    /// `flows` + `a.flow` is `flows/a.flow`; a path given with a final slash does not double it.
    private func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
