import Testing

@testable import FlowCompiler

@Suite struct RouteDispatchTests {
    let dispatch = RouteDispatch(
        parameter: "Digits",
        cases: [
            .init(values: ["1"], file: "m/legs/c/sales.xml", path: "/m/legs/c/sales.xml"),
            .init(parameter: "SpeechResult", match: .words, values: ["sales please", "sales"],
                file: "m/legs/c/sales.xml", path: "/m/legs/c/sales.xml"),
            .init(values: ["2", "*"], file: "m/legs/c/support.xml", path: "/m/legs/c/support.xml"),
        ],
        default: .init(file: "m/legs/c/start.on0.xml", path: "/m/legs/c/start.on0.xml"))

    @Test func queryDecodingTreatsPlusAsSpaceAndPercentEscapes() {
        let query = RouteDispatch.decodeQuery("Digits=%2A&SpeechResult=Sales%2C+please%21&Digits=1&bad=%zz")
        #expect(query["Digits"] == "*")
        #expect(query["SpeechResult"] == "Sales, please!")
        #expect(query["bad"] == "%zz")
    }

    @Test func casesAreTriedInOrderAndUnknownValuesFallToDefault() {
        #expect(dispatch.caseIndex(query: ["Digits": "1"]) == 0)
        #expect(dispatch.caseIndex(query: ["Digits": "*"]) == 2)
        #expect(dispatch.caseIndex(query: ["SpeechResult": "Sales, please!"]) == 1)
        #expect(dispatch.caseIndex(query: ["SpeechResult": "I would like SALES."]) == 1)
        #expect(dispatch.caseIndex(query: ["SpeechResult": "wholesales"]) == nil)
        #expect(dispatch.caseIndex(query: ["SpeechResult": "please"]) == nil)
        #expect(dispatch.caseIndex(query: ["Digits": "12"]) == nil)
        #expect(dispatch.caseIndex(query: [:]) == nil)
        #expect(dispatch.select(query: ["Digits": "9"]) == dispatch.default)
    }

    @Test func exactMatchIsCaseSensitive() {
        let status = RouteDispatch(
            parameter: "DialCallStatus", cases: [.init(values: ["busy"], file: "a.xml", path: "/a.xml")],
            default: .init(file: "b.xml", path: "/b.xml"))
        #expect(status.select(query: ["DialCallStatus": "busy"]).file == "a.xml")
        #expect(status.select(query: ["DialCallStatus": "Busy"]).file == "b.xml")
    }

    @Test func wordsNormalFormLowercasesAndCollapsesPunctuation() {
        #expect(RouteDispatch.normalizedWords("  Sales,   please! ") == "sales please")
        #expect(RouteDispatch.normalizedWords("Café 24/7") == "café 24 7")
        #expect(RouteDispatch.normalizedWords("...") == "")
    }
}
