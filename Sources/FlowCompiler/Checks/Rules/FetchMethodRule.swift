import FlowDiagnostics

/// FLOW315: a URL a generated document makes Twilio fetch with POST (every method defaults to POST):
/// static hosts refuse POST and Twilio caches only GET (Docs/Twilio.md#limits, Docs/Twilio.md#urls-and-methods).
enum FetchMethodRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        var fetched: Set<CallGraph.Fetch> = []
        for fetch in context.graph.fetches where fetch.method != "GET" && fetched.insert(fetch).inserted {
            let document = context.graph.document(of: fetch.from)
            let verb = context.graph.verb(at: fetch.from)?.name ?? "verb"
            context.report(
                Diagnostic(
                    .documentFetchedWithPOST, nil, "<\(verb)> in \(document.title) makes Twilio fetch a document with \(fetch.method)",
                    at: context.span(of: fetch.from),
                    notes: [
                        Note(
                            "static hosts refuse POST and Twilio caches only GET; every URL of a generated document needs an explicit GET (Docs/Twilio.md#limits, Docs/Twilio.md#urls-and-methods)")
                    ]))
        }
    }
}
