/// Why one output path was refused. Problems are data, not exceptions: `OutputWriter.problems(in:)`
/// returns all of them at once, and the caller turns each into a diagnostic.
public struct OutputPathProblem: Sendable, Hashable, CustomStringConvertible {
    /// The rule broken. The first five keep a path inside the output folder on every host and tool:
    /// a path that is absolute, contains `..` or a backslash, or has empty or `.` segments is read differently by
    /// different programs, and a control character (NUL above all) truncates or splits it.
    public enum Kind: Sendable, Hashable {
        case empty
        case absolute
        /// Windows tools and some S3 clients treat a backslash as a separator, which would bypass the segment checks.
        case backslash
        /// Unicode general category Cc, NUL and newline included.
        case controlCharacter
        /// `a//b`, or a trailing `/`.
        case emptySegment
        case currentDirectorySegment
        case parentDirectorySegment
        /// A segment longer than 255 bytes, the limit of every common filesystem.
        case segmentTooLong
        /// The name the writer keeps its own inventory under.
        case reserved
        /// The same path twice.
        case duplicate
        /// Equal to `other` when letter case and Unicode normalization are ignored, as macOS, Windows and
        /// most S3 tooling do: both files would land on the same name there.
        case caseClash(other: String)
        /// The path is a file, yet `other` needs it (up to case) to be a directory.
        case fileAndDirectory(other: String)
    }

    /// The path exactly as the build produced it.
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// One line, lowercase start, no final period, like every diagnostic message.
    public var message: String {
        switch kind {
        case .empty: "output path is empty"
        case .absolute: "output path '\(path)' is absolute; it must be relative to the output folder"
        case .backslash: "output path '\(path)' contains a backslash; separate segments with '/'"
        case .controlCharacter:
            "output path '\(path.debugDescription.dropFirst().dropLast())' contains a control character"
        case .emptySegment: "output path '\(path)' has an empty segment"
        case .currentDirectorySegment: "output path '\(path)' has a '.' segment"
        case .parentDirectorySegment: "output path '\(path)' has a '..' segment and could leave the output folder"
        case .segmentTooLong: "output path '\(path)' has a segment longer than 255 bytes"
        case .reserved: "output path '\(path)' is reserved for flowc's record of the files it wrote"
        case .duplicate: "output path '\(path)' is produced twice"
        case .caseClash(let other):
            "output paths '\(other)' and '\(path)' differ only by letter case and would overwrite each other on macOS"
        case .fileAndDirectory(let other):
            "output path '\(path)' is a file, but '\(other)' needs it to be a directory"
        }
    }

    public var description: String { message }
}

extension OutputPathProblem {
    /// Checks every path and returns every problem, sorted by path, so the caller sees them all in one run.
    static func check(_ paths: [String]) -> [OutputPathProblem] {
        var problems: [OutputPathProblem] = []
        var wellFormed: [String] = []
        for path in paths {
            if let kind = shapeProblem(path) {
                problems.append(OutputPathProblem(path: path, kind: kind))
            } else {
                wellFormed.append(path)
            }
        }
        wellFormed.sort { RawPath($0) < RawPath($1) }

        // Swift compares strings by canonical equivalence, so a dictionary keyed by the lowercased path
        // also catches NFC/NFD spellings of one name.
        var firstByKey: [String: String] = [:]
        var directoryOwner: [String: String] = [:]
        for path in wellFormed {
            let key = path.lowercased()
            if let other = firstByKey[key] {
                let kind: Kind = Array(other.utf8) == Array(path.utf8) ? .duplicate : .caseClash(other: other)
                problems.append(OutputPathProblem(path: path, kind: kind))
                continue
            }
            firstByKey[key] = path
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            for end in segments.indices.dropLast() {
                let directory = segments[...end].joined(separator: "/").lowercased()
                if directoryOwner[directory] == nil { directoryOwner[directory] = path }
            }
        }
        for path in firstByKey.values {
            if let other = directoryOwner[path.lowercased()] {
                problems.append(OutputPathProblem(path: path, kind: .fileAndDirectory(other: other)))
            }
        }
        return problems.sorted {
            RawPath($0.path) < RawPath($1.path) || ($0.path == $1.path && $0.message < $1.message)
        }
    }

    /// The first rule a single path breaks on its own, or `nil` when it is a safe relative path.
    private static func shapeProblem(_ path: String) -> Kind? {
        if path.isEmpty { return .empty }
        if path.hasPrefix("/") { return .absolute }
        if path.contains("\\") { return .backslash }
        if path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .controlCharacter
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            if segment.isEmpty { return .emptySegment }
            if segment == "." { return .currentDirectorySegment }
            if segment == ".." { return .parentDirectorySegment }
            if segment.utf8.count > 255 { return .segmentTooLong }
        }
        if segments[0].lowercased() == OutputInventory.fileName.lowercased() { return .reserved }
        return nil
    }
}
