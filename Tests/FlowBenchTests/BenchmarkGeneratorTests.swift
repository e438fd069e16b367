import FlowCompiler
import FlowDiagnostics
import Testing

@testable import flowc_bench

/// The benchmark generator's flows must check clean, or the benchmarks would measure error paths
/// (BENCHMARKS.md). Not a timed test: nothing here measures anything.
@Suite struct BenchmarkGeneratorTests {
    /// Two flows of each shape, built together as `flowc build` builds a folder.
    @Test func generatedFlowSetChecksClean() {
        let sources = (0..<6).map { index in
            SourceFile(path: "\(FlowSetGenerator.flowName(index)).flow", text: FlowSetGenerator.flow(index))
        }
        let result = Compiler.build(sources: sources)
        #expect(result.diagnostics.map(\.message) == [])
        #expect(result.flowCount == 6)
        #expect(Set((0..<6).map(FlowSetGenerator.shape(ofFlow:))).count == 3)
        // Every flow has operations, so the checker's effects reach the manifest.
        #expect(result.manifest?.flows.allSatisfy { !$0.operations.isEmpty } == true)
    }

    /// The deep chain, long enough to pass every kind of step (and a dialed department) more than once.
    @Test func deepFlowChecksClean() {
        let result = Compiler.build(sources: [SourceFile(path: "deep.flow", text: FlowSetGenerator.deep(steps: 60))])
        #expect(result.diagnostics.map(\.message) == [])
        #expect(result.documents.filter { $0.step != nil }.count == 60 + 2)
    }

    @Test func namesArePaddedAndRotateShapes() {
        #expect(FlowSetGenerator.flowName(0) == "desk_00000")
        #expect(FlowSetGenerator.flowName(1) == "support_00001")
        #expect(FlowSetGenerator.flowName(12_345) == "desk_12345")
        #expect(FlowSetGenerator.phone(1, 1).count == 12)
    }
}
