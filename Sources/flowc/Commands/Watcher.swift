import ArgumentParser
import FlowCompiler
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--watch` of `check` and `build`.
struct WatchOptions: ParsableArguments {
    @Flag(help: "Run again whenever a .flow file under the paths changes, is added or is removed (Ctrl-C stops, exit 0).")
    var watch = false
}

/// Runs a command, then again on every change of the inputs, until Ctrl-C or SIGTERM.
///
/// Polling, twice a second, of each `.flow` file's size and modification time under the inputs (folders
/// searched as the loader searches them, hidden folders skipped): it needs no platform API, sees files
/// added to a folder, and a run costs milliseconds for a project's flows (BENCHMARKS.md). A run's exit
/// status is printed, not returned: the watch goes on after a failure. Ctrl-C is how a watch ends, so it
/// exits 0.
enum Watcher {
    static let interval: useconds_t = 500_000

    static func run(paths: [String], _ body: () throws -> ExitStatus) throws {
        // A parent may have started flowc with these signals blocked (Foundation's Process passes its
        // thread's mask on); a watch that cannot be stopped would hang its caller, so they are unblocked.
        var stop = sigset_t()
        sigemptyset(&stop)
        sigaddset(&stop, SIGINT)
        sigaddset(&stop, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &stop, nil)
        signal(SIGINT) { _ in _exit(0) }
        signal(SIGTERM) { _ in _exit(0) }
        var previous = snapshot(paths)
        while true {
            let status = try body()
            StandardStream.error.write(
                "flowc: watching \(previous.count) .flow file\(previous.count == 1 ? "" : "s") "
                    + "(last run: exit \(status.rawValue)); Ctrl-C stops\n")
            while true {
                usleep(interval)
                let current = snapshot(paths)
                if current != previous {
                    previous = current
                    // Editors write a file in several steps; one more interval lets the save finish.
                    usleep(interval / 5)
                    previous = snapshot(paths)
                    StandardStream.error.write("flowc: a .flow file changed; running again\n")
                    break
                }
            }
        }
    }

    struct Stamp: Equatable {
        var size: UInt64
        var modified: Double
    }

    /// Every `.flow` file under `paths` (no path: `flows`), with its size and modification time.
    static func snapshot(_ paths: [String]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let manager = FileManager.default
        func stamp(_ path: String) {
            guard let attributes = try? manager.attributesOfItem(atPath: path) else { return }
            stamps[path] = Stamp(
                size: (attributes[.size] as? NSNumber)?.uint64Value ?? 0,
                modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        }
        for path in paths.isEmpty ? [SourceLoader.defaultPath] : paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                stamp(path)
                continue
            }
            let url = URL(fileURLWithPath: path)
            guard
                let walker = manager.enumerator(
                    at: url, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
            else { continue }
            for case let file as URL in walker where file.pathExtension == SourceLoader.fileExtension {
                stamp(file.path)
            }
        }
        return stamps
    }
}
