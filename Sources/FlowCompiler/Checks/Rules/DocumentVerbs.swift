/// The top-level verbs of every document, reachable or not, wait documents included: the rules about a
/// document on its own walk these (their verbs exist in the graph only once per `<Enqueue>` that uses them).
extension ProofContext {
    func forEachVerb(_ body: (TwiMLVerb, Int, DeployedDocument) -> Void) {
        for document in flow.documents {
            for (index, element) in document.document.verbs.enumerated() {
                body(TwiMLVerb(element), index, document)
            }
        }
    }
}
