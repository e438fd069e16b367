import FlowCompiler
import Foundation

/// What `--watch` compares between two polls: every `.flow` file under the input paths with its
/// modification time and size. A file added, removed, touched or resized changes the snapshot.
///
/// Polling (every ~500 ms) needs no dependency and works the same on every file system, editors that
/// replace files by renaming included. Folders are walked as `SourceLoader` walks them: recursively, for
/// `*.flow` files, skipping hidden folders (`.build`, `.git`).
public struct InputSnapshot: Sendable, Equatable {
    public struct Stamp: Sendable, Equatable {
        public var modified: Double
        public var size: Int
    }

    public var files: [String: Stamp]

    /// Reads the stamps of every input now. A path that does not exist is recorded as absent, so its
    /// appearance is a change too.
    public static func take(paths: [String]) -> InputSnapshot {
        var files: [String: Stamp] = [:]
        let manager = FileManager.default
        for path in paths.isEmpty ? [SourceLoader.defaultPath] : paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue {
                files[path] = stamp(path)
                continue
            }
            guard
                let walker = manager.enumerator(
                    at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isDirectoryKey],
                    options: [.skipsHiddenFiles])
            else { continue }
            for case let url as URL in walker where url.pathExtension == SourceLoader.fileExtension {
                files[url.path] = stamp(url.path)
            }
        }
        return InputSnapshot(files: files)
    }

    private static func stamp(_ path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        return Stamp(modified: modified, size: size)
    }
}
