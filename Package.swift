// swift-tools-version: 6.1
import PackageDescription

// The compiler library and the tool the SwiftPM plugins run depend on
// swift-argument-parser and nothing else: every package that uses the plugin builds them.
let package = Package(
    name: "flowc",
    products: [
        .executable(name: "flowc", targets: ["flowc"]),
        .library(name: "FlowCompiler", targets: ["FlowCompiler"]),
        .library(name: "FlowDiagnostics", targets: ["FlowDiagnostics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "FlowDiagnostics"),
        .target(name: "FlowCompiler", dependencies: ["FlowDiagnostics"]),
        .executableTarget(
            name: "flowc",
            dependencies: [
                "FlowCompiler",
                "FlowDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FlowDiagnosticsTests", dependencies: ["FlowDiagnostics"]),
        .testTarget(name: "FlowCompilerTests", dependencies: ["FlowCompiler", "FlowDiagnostics"]),
        .testTarget(
            name: "FlowFixtureTests",
            dependencies: ["FlowCompiler", "FlowDiagnostics"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "flowcTests", dependencies: ["flowc", "FlowCompiler", "FlowDiagnostics"]),
    ],
    swiftLanguageModes: [.v6]
)
