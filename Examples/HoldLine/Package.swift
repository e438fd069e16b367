// swift-tools-version: 6.1
import PackageDescription

// An application that uses flowc's SwiftPM plugins: FlowBuildPlugin compiles Sources/HoldLine/*.flow on
// every build into FlowRoutes.swift, and `swift package --allow-writing-to-package-directory compile-flows`
// writes the static tree and routes.json into twiml/. A real app depends on flowc by URL and version instead
// of by path.
let package = Package(
    name: "HoldLine",
    dependencies: [
        .package(name: "flowc", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "HoldLine",
            plugins: [.plugin(name: "FlowBuildPlugin", package: "flowc")]
        )
    ],
    swiftLanguageModes: [.v6]
)
