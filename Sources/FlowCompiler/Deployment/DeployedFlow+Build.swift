extension DeployedFlow {
    /// Reads one flow back from what a build deploys: its documents and its entry of the route manifest.
    ///
    /// Everything the checker reasons about comes from these two: which documents exist and what they say,
    /// where each leg starts, which `<Dial>` creates which leg, and which URL each operation's REST request
    /// sends. The semantic model is consulted only for source spans, to place diagnostics.
    public init(entry: RouteManifest.FlowEntry, documents: [RoutedDocument], model: Flow) {
        let mine = documents.filter { $0.flow == entry.name }
        let flowRoot = "/" + entry.name
        let baseURL = entry.baseURL
        var stepRoutes: [String: String] = [:]
        for document in mine {
            if let leg = document.leg, let step = document.step { stepRoutes["\(leg).\(step)"] = document.route }
        }
        func route(ofURL url: String?) -> String? {
            url.flatMap { RouteReference.resolve($0, from: flowRoot + "/", flowRoot: flowRoot, baseURL: baseURL) }
        }

        let deployedDocuments = mine.map { document in
            DeployedDocument(
                route: document.route, context: document.context, document: document.document,
                leg: document.leg, step: document.step, title: document.title, span: document.span,
                verbSpans: document.verbSpans)
        }
        let legs = entry.legs.map { leg in
            DeployedLeg(
                name: leg.name, role: LegRole(rawValue: leg.role) ?? .dialed, start: leg.start, whisper: leg.whisper,
                dialedFrom: leg.dialedFrom.compactMap(Self.verbAddress),
                span: model.leg(named: leg.name)?.nameSpan ?? model.nameSpan)
        }
        let operations = entry.operations.compactMap { operation -> DeployedOperation? in
            guard let kind = OperationKind(rawValue: operation.kind), let request = operation.requests.first else {
                return nil
            }
            let action: DeployedOperation.Action
            switch request.resource {
            case "ConferenceParticipant":
                let room = entry.rooms.first { $0.name == request.room }
                action = .participantHold(
                    conference: room?.twilioName ?? request.room ?? "",
                    hold: request.parameters["Hold"] == "true",
                    holdRoute: route(ofURL: request.parameters["HoldUrl"]))
            default:
                guard let target = route(ofURL: request.parameters["Url"]) else { return nil }
                action = .redirect(route: target)
            }
            return DeployedOperation(
                key: operation.key, kind: kind, leg: operation.leg, action: action,
                during: operation.during.compactMap { stepRoutes[$0] },
                span: model.operation(key: operation.key)?.span ?? model.nameSpan)
        }
        self.init(
            name: entry.name, baseURL: baseURL, documents: deployedDocuments, legs: legs, operations: operations,
            sharedConferences: Set(entry.rooms.filter(\.shared).map(\.twilioName)), span: model.nameSpan)
    }

    /// `ROUTE#INDEX`, the manifest's address of a top-level verb.
    static func verbAddress(_ text: String) -> VerbAddress? {
        guard let hash = text.lastIndex(of: "#"), let index = Int(text[text.index(after: hash)...]) else { return nil }
        return VerbAddress(route: String(text[..<hash]), index: index)
    }
}
