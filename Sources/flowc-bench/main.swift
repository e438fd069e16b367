import FlowCompiler

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// flowc-bench: the benchmark program of issue #6 (run on demand; it is not a test).
///
/// ```
/// flowc-bench generate --flows N --out DIR       N flows (one file each), asserted to check clean
/// flowc-bench deep --steps N --out DIR           one flow of N steps (DIR/deep.flow), asserted clean
/// flowc-bench check-one FILE [--repeat R]        what `flowc check FILE` does, in process, R times
/// flowc-bench checker PATH [--repeat R]          the continuation checker alone on built documents
/// flowc-bench checker-series --work DIR [--steps 1000,2000,5000,10000] [--repeat R]
/// flowc-bench build PATH --out DIR [--repeat R]  every stage of `flowc build`, timed on its own
/// ```
///
/// Lines starting with `RESULT` are `RESULT key value` pairs that Benchmarks/run.sh reads.
struct Arguments {
    var command: String
    var positional: [String] = []
    var options: [String: String] = [:]

    init(_ raw: [String]) throws {
        guard let first = raw.first else { throw BenchError.usage("no command") }
        command = first
        var rest = raw.dropFirst()
        while let word = rest.popFirst() {
            if word.hasPrefix("--") {
                guard let value = rest.popFirst() else { throw BenchError.usage("\(word) needs a value") }
                options[String(word.dropFirst(2))] = value
            } else {
                positional.append(word)
            }
        }
    }

    func string(_ name: String) throws -> String {
        guard let value = options[name] else { throw BenchError.usage("--\(name) is required") }
        return value
    }

    func integer(_ name: String, default fallback: Int? = nil) throws -> Int {
        guard let text = options[name] else {
            if let fallback { return fallback }
            throw BenchError.usage("--\(name) is required")
        }
        guard let value = Int(text), value > 0 else { throw BenchError.usage("--\(name) must be a positive integer") }
        return value
    }

    func path() throws -> String {
        guard positional.count == 1 else { throw BenchError.usage("\(command) takes one path") }
        return positional[0]
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case failed(String)

    var description: String {
        switch self {
        case .usage(let message): "usage: \(message)\n\(usageText)"
        case .failed(let message): message
        }
    }
}

let usageText = """
    flowc-bench generate --flows N --out DIR
    flowc-bench deep --steps N --out DIR
    flowc-bench check-one FILE [--repeat R]
    flowc-bench checker PATH [--repeat R]
    flowc-bench checker-series --work DIR [--steps 1000,2000,5000,10000] [--repeat R]
    flowc-bench build PATH --out DIR [--repeat R]
    """

func report(_ key: String, _ value: String) {
    print("RESULT \(key) \(value)")
}

/// Builds `paths` and fails unless the build has no diagnostic at all.
@discardableResult
func requireClean(_ paths: [String]) throws -> BuildResult {
    let result = Compiler.build(paths: paths)
    guard result.diagnostics.isEmpty, !result.hasInputFailure, !result.files.isEmpty else {
        let shown = result.diagnostics.prefix(20).map { diagnostic in
            let place = diagnostic.span.map { "\($0.path):\($0.start.line):\($0.start.column)" } ?? "-"
            return "\(place): \(diagnostic.severity): \(diagnostic.message) [\(diagnostic.code)]"
        }
        throw BenchError.failed(
            "generated flows do not check clean (\(result.diagnostics.count) diagnostics):\n"
                + shown.joined(separator: "\n"))
    }
    return result
}

func generate(_ arguments: Arguments) throws {
    let count = try arguments.integer("flows")
    let out = try arguments.string("out")
    try Files.makeEmptyDirectory(out)
    for index in 0..<count {
        try Files.write(FlowSetGenerator.flow(index), to: "\(out)/\(FlowSetGenerator.flowName(index)).flow")
    }
    let result = try requireClean([out])
    print("generated \(count) flows in \(out): \(result.files.count) output files, no diagnostics")
}

func deep(_ arguments: Arguments) throws {
    let steps = try arguments.integer("steps")
    let out = try arguments.string("out")
    try Files.makeEmptyDirectory(out)
    try Files.write(FlowSetGenerator.deep(steps: steps), to: "\(out)/deep.flow")
    let result = try requireClean([out])
    print("generated one flow of \(steps) steps in \(out)/deep.flow: \(result.files.count) output files, no diagnostics")
}

func checkOne(_ arguments: Arguments) throws {
    let file = try arguments.path()
    let repeats = try arguments.integer("repeat", default: 50)
    var diagnostics = 0
    let samples = Measure.samples(repeats) {
        diagnostics = Compiler.build(paths: [file]).diagnostics.count
    }
    print("check-one \(file): \(Measure.summary(samples)), \(diagnostics) diagnostics")
    report("check_one_median_ms", Measure.fixed(Measure.median(samples) * 1000, 3))
}

/// The checker alone: the documents and the manifest are built once, then only `ContinuationChecker.check`
/// is timed.
func checker(_ arguments: Arguments) throws {
    let path = try arguments.path()
    let repeats = try arguments.integer("repeat", default: 5)
    let (samples, points) = try timeChecker(path, repeats: repeats)
    print("checker \(path): \(Measure.summary(samples)) over \(points) documents")
    report("checker_median_ms", Measure.fixed(Measure.median(samples) * 1000, 3))
}

func timeChecker(_ path: String, repeats: Int) throws -> (samples: [Double], documents: Int) {
    let built = try requireClean([path])
    guard let plan = built.compilation.deployment else { throw BenchError.failed("no deployment for \(path)") }
    var findings = 0
    let samples = Measure.samples(repeats) { findings = Pipeline.prove(plan).diagnostics.count }
    guard findings == 0 else { throw BenchError.failed("the checker reported \(findings) findings on \(path)") }
    return (samples, built.documents.count)
}

func checkerSeries(_ arguments: Arguments) throws {
    let work = try arguments.string("work")
    let repeats = try arguments.integer("repeat", default: 5)
    let sizes = (arguments.options["steps"] ?? "1000,2000,5000,10000").split(separator: ",").compactMap { Int($0) }
    var previous: (steps: Int, seconds: Double)?
    print("steps    checker median   per step     growth vs previous (linear = size ratio)")
    for steps in sizes {
        let folder = "\(work)/deep-\(steps)"
        try Files.makeEmptyDirectory(folder)
        try Files.write(FlowSetGenerator.deep(steps: steps), to: "\(folder)/deep.flow")
        let (samples, _) = try timeChecker(folder, repeats: repeats)
        let median = Measure.median(samples)
        var growth = "-"
        if let previous {
            growth = "\(Measure.fixed(median / previous.seconds, 2))x for \(Measure.fixed(Double(steps) / Double(previous.steps), 2))x steps"
        }
        print("\(steps)\t \(Measure.milliseconds(median))\t  \(Measure.fixed(median / Double(steps) * 1e6, 2)) µs\t  \(growth)")
        report("checker_deep_\(steps)_median_ms", Measure.fixed(median * 1000, 3))
        previous = (steps, median)
    }
}

/// Every stage of `flowc build`, each timed on its own, then a clean write and a no-op write.
func build(_ arguments: Arguments) throws {
    let path = try arguments.path()
    let out = try arguments.string("out")
    let repeats = try arguments.integer("repeat", default: 3)
    var loaded = SourceLoader.load(paths: [path])
    let load = Measure.samples(repeats) { loaded = SourceLoader.load(paths: [path]) }
    let front = Measure.samples(repeats) { _ = Pipeline.resolve(Pipeline.parse(loaded).map(\.syntax)) }
    let analysis = Measure.samples(repeats) { _ = Compiler.check(loaded) }
    var result = Compiler.build(loaded)
    let whole = Measure.samples(repeats) { result = Compiler.build(loaded) }
    guard result.diagnostics.isEmpty, let plan = result.compilation.deployment else {
        throw BenchError.failed("\(path) does not build clean")
    }
    let proof = Measure.samples(repeats) { _ = Pipeline.prove(plan) }
    var clean: [Double] = []
    var noop: [Double] = []
    for _ in 0..<max(1, repeats) {
        try Files.removeTree(out)
        clean.append(try Measure.time { try OutputWriter.write(files: result.files, to: out) }.seconds)
        noop.append(try Measure.time { try OutputWriter.write(files: result.files, to: out) }.seconds)
    }
    let files = result.files.count
    print("build \(path): \(result.flowCount) flows, \(files) files")
    print("  load sources               \(Measure.summary(load))")
    print("  parse + resolve            \(Measure.summary(front))")
    print("  Compiler.check (through the proof) \(Measure.summary(analysis))")
    print("  Compiler.build (all but writing) \(Measure.summary(whole))")
    print("    of which the checker     \(Measure.summary(proof))")
    print("  write, clean folder        \(Measure.summary(clean))")
    print("  write, nothing changed     \(Measure.summary(noop))")
    print("  peak resident memory       \(Measure.fixed(Measure.peakResidentMiB(), 1)) MiB")
    report("inprocess_load_ms", Measure.fixed(Measure.median(load) * 1000, 3))
    report("inprocess_frontend_ms", Measure.fixed(Measure.median(front) * 1000, 3))
    report("inprocess_check_ms", Measure.fixed(Measure.median(analysis) * 1000, 3))
    report("inprocess_compile_ms", Measure.fixed(Measure.median(whole) * 1000, 3))
    report("inprocess_checker_ms", Measure.fixed(Measure.median(proof) * 1000, 3))
    report("inprocess_write_clean_ms", Measure.fixed(Measure.median(clean) * 1000, 3))
    report("inprocess_write_noop_ms", Measure.fixed(Measure.median(noop) * 1000, 3))
}

do {
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    switch arguments.command {
    case "generate": try generate(arguments)
    case "deep": try deep(arguments)
    case "check-one": try checkOne(arguments)
    case "checker": try checker(arguments)
    case "checker-series": try checkerSeries(arguments)
    case "build": try build(arguments)
    case "help", "--help", "-h": print(usageText)
    default: throw BenchError.usage("unknown command '\(arguments.command)'")
    }
} catch {
    let message = Array("flowc-bench: \(error)\n".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit("\(error)".hasPrefix("usage") ? 2 : 1)
}
