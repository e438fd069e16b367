import FlowCompiler
import FlowDiagnostics
import Testing

@Suite struct ContinuationCheckerTests {
    @Test(arguments: ["front_desk", "support_line", "sales_line"])
    func bundledFlowsAreProven(name: String) {
        let built = CheckerTestSupport.build(sources: [CheckerTestSupport.bundledFlow(name)])
        #expect(built.result.diagnostics.isEmpty, "\(built.result.diagnostics)")
        #expect(built.flows.count == 1)
        for flow in built.flows {
            let findings = ContinuationChecker.check(flow).diagnostics
            #expect(findings.isEmpty, "\(findings.map { "\($0.code) \($0.message)" })")
        }
    }
}
