#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The little file access the generator needs, on POSIX calls (the compiler avoids Foundation too).
enum Files {
    /// Creates `path` and its missing parents; fails if `path` exists and is not an empty directory, so a
    /// generated set is never mixed with an older one.
    static func makeEmptyDirectory(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw BenchError.failed("cannot create \(prefix): \(String(cString: strerror(errno)))")
            }
        }
        guard let directory = opendir(path) else {
            throw BenchError.failed("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." {
                throw BenchError.failed("\(path) is not empty; remove it or choose another folder")
            }
        }
    }

    static func write(_ text: String, to path: String) throws {
        guard let file = fopen(path, "wb") else {
            throw BenchError.failed("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        let bytes = Array(text.utf8)
        guard fwrite(bytes, 1, bytes.count, file) == bytes.count else {
            throw BenchError.failed("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// `rm -rf path` (for the output folder the build measurement writes again and again).
    static func removeTree(_ path: String) throws {
        guard access(path, F_OK) == 0 else { return }
        var pid: pid_t = 0
        let arguments = ["rm", "-rf", path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        guard posix_spawn(&pid, "/bin/rm", nil, nil, &argv, environ) == 0 else {
            throw BenchError.failed("cannot run rm -rf \(path)")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        guard status == 0 else { throw BenchError.failed("rm -rf \(path) failed") }
    }
}
