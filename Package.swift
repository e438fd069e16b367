// swift-tools-version: 6.1
import PackageDescription

// The compiler library and the tool the SwiftPM plugins run depend on
// swift-argument-parser and nothing else: every package that uses the plugin builds them.
// The development server (FlowServe, flowc-serve) lives in targets of its own, so its HTTP server
// (HummingbirdCore on SwiftNIO, Docs/Robustness.md says why) and HMAC (swift-crypto) never reach the
// compiler or the plugin's tool.
let package = Package(
    name: "flowc",
    products: [
        .executable(name: "flowc", targets: ["flowc"]),
        .library(name: "FlowCompiler", targets: ["FlowCompiler"]),
        .library(name: "FlowDiagnostics", targets: ["FlowDiagnostics"]),
        .executable(name: "flowc-serve", targets: ["flowc-serve"]),
        .plugin(name: "FlowBuildPlugin", targets: ["FlowBuildPlugin"]),
        .plugin(name: "FlowCommandPlugin", targets: ["FlowCommandPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // HummingbirdCore only (no router, no swift-configuration: traits off). SwiftNIO's HTTP/1 decoder
        // enforces the header limits the server sets; swift-nio, swift-nio-extras, swift-log and
        // swift-http-types are Hummingbird's own dependencies, named for the modules FlowServe imports.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // Property tests only (Tests/FlowPropertyTests); no product depends on it.
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .target(name: "FlowDiagnostics"),
        .target(name: "FlowCompiler", dependencies: ["FlowDiagnostics"]),
        // The language server of `flowc lsp` (README, "Editors"): the compiler and Foundation only, since
        // the flowc executable links it and the plugins build flowc.
        .target(name: "FlowLanguageServer", dependencies: ["FlowCompiler", "FlowDiagnostics"]),
        // What both executables share about the command line: the exit codes (ExitStatus), the mapping of
        // ArgumentParser's usage errors to 2, and unbuffered standard output and error.
        .target(
            name: "FlowCommandLine",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "flowc",
            dependencies: [
                "FlowCommandLine",
                "FlowCompiler",
                "FlowDiagnostics",
                "FlowLanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "FlowServe",
            dependencies: [
                "FlowCompiler",
                "FlowDiagnostics",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "flowc-serve",
            dependencies: [
                "FlowCommandLine",
                "FlowServe",
                "FlowCompiler",
                "FlowDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark program of issue #6 (BENCHMARKS.md, Benchmarks/run.sh): run on demand, never by `swift test`.
        .executableTarget(name: "flowc-bench", dependencies: ["FlowCompiler"]),
        // The SwiftPM plugins (README, "SwiftPM plugins"; Examples/HoldLine uses both). They run the flowc
        // executable and nothing else, so a package that applies them builds only flowc and ArgumentParser.
        .plugin(name: "FlowBuildPlugin", capability: .buildTool(), dependencies: ["flowc"]),
        .plugin(
            name: "FlowCommandPlugin",
            capability: .command(
                intent: .custom(
                    verb: "compile-flows",
                    description: "Build the package's .flow files into a static TwiML tree and routes.json"),
                permissions: [
                    .writeToPackageDirectory(
                        reason: "compile-flows writes the static TwiML tree and routes.json into the package")
                ]),
            dependencies: ["flowc"]
        ),
        // Test helpers shared by several test targets (a structural JSON Schema check, the syntax-tree dump).
        .target(name: "FlowTestSupport", dependencies: ["FlowCompiler"], path: "Tests/FlowTestSupport"),
        .testTarget(name: "FlowDiagnosticsTests", dependencies: ["FlowDiagnostics", "FlowTestSupport"]),
        .testTarget(name: "FlowCompilerTests", dependencies: ["FlowCompiler", "FlowDiagnostics", "FlowTestSupport"]),
        .testTarget(
            name: "FlowFixtureTests",
            dependencies: ["FlowCompiler", "FlowDiagnostics", "FlowTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "FlowBenchTests", dependencies: ["flowc-bench", "FlowCompiler", "FlowDiagnostics"]),
        .testTarget(name: "flowcTests", dependencies: ["flowc", "FlowCompiler", "FlowDiagnostics"]),
        .testTarget(
            name: "FlowLanguageServerTests", dependencies: ["FlowLanguageServer", "FlowCompiler", "FlowDiagnostics"]),
        .testTarget(
            name: "FlowPropertyTests",
            dependencies: [
                "FlowCompiler", "FlowDiagnostics", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "FlowServeTests",
            dependencies: [
                // flowc-serve: the descriptor and load tests run the server as a process of its own.
                "FlowServe", "flowc-serve", "FlowCompiler", "FlowDiagnostics",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
