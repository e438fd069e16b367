import FlowDiagnostics

extension FlowResolver {
    // MARK: - Operations (Grammar.md §9)

    /// Resolves every operation. Needs the resolved legs: a hold or reconnect target is checked
    /// against the verbs of its step (FLOW219).
    mutating func resolveOperations(legs: [Leg]) -> [FlowOperation] {
        var operations: [FlowOperation] = []
        var firstSpans: [String: SourceSpan] = [:]
        /// Reconnect targets and the queue each dials, checked once the hold queues are known.
        var reconnects: [(operation: OperationSyntax, step: Step, queue: Spanned<String>)] = []
        var holdQueues: Set<String> = []
        for case .operation(let syntax) in members {
            guard let kind = syntax.kind, !syntax.leg.isMissing else { continue }
            let legName = syntax.leg.name
            guard legDeclarations[legName] != nil else {
                reportUndefined("leg", syntax.leg, candidates: Array(legDeclarations.keys))
                continue
            }
            let key = FlowOperation.key(kind: kind, leg: legName)
            let keySpan = syntax.kindKeyword.span.union(syntax.leg.span)
            var isDuplicate = false
            if let first = firstSpans[key] {
                diagnostics.append(
                    .duplicateName(
                        "operation '\(kind.rawValue) \(legName)'", Identifier(name: key, span: keySpan), firstAt: first))
                isDuplicate = true
            } else {
                firstSpans[key] = keySpan
            }

            var strategy: FlowOperation.Strategy?
            switch syntax.target {
            case .missing:
                break
            case .room(let inKeyword, let room):
                strategy = resolveRoomTarget(syntax, kind: kind, inKeyword: inKeyword, room: room)
            case .step(let reference):
                guard let target = resolveStepReference(reference, leg: legName) else { break }
                strategy = .move(target)
                let step = legs.first { $0.name == target.value.leg }?.step(named: target.value.step)
                guard let step, step.isComplete else { break }
                switch kind {
                case .hold:
                    let queues = step.verbs.compactMap { verb -> String? in
                        if case .enqueue(let enqueue) = verb { return enqueue.queue.value }
                        return nil
                    }
                    if queues.isEmpty {
                        diagnostics.append(
                            .operationStepMismatch(
                                "expected step '\(target.value.step)' to enqueue '\(legName)' for 'hold', found no 'enqueue'",
                                at: reference.span,
                                help: "the queue strategy holds a leg by moving it to a step that enqueues it"))
                    }
                    holdQueues.formUnion(queues)
                case .reconnect:
                    let dialed = step.verbs.compactMap { verb -> Spanned<String>? in
                        if case .dialQueue(let dial) = verb { return dial.queue }
                        return nil
                    }
                    if let queue = dialed.first {
                        reconnects.append((syntax, step, queue))
                    } else {
                        diagnostics.append(
                            .operationStepMismatch(
                                "expected step '\(target.value.step)' to dial a queue for 'reconnect', found no 'dial queue'",
                                at: reference.span,
                                help: "'reconnect' bridges the legs again by dialing the queue where the held leg waits"))
                    }
                case .unhold, .move:
                    break
                }
            }
            var during: [Spanned<StepID>] = []
            var duringResolved = true
            for reference in syntax.during {
                if let step = resolveStepReference(reference, leg: legName) {
                    during.append(step)
                } else {
                    duringResolved = false
                }
            }
            guard let strategy, duringResolved, !isDuplicate else { continue }
            operations.append(
                FlowOperation(
                    kind: kind, leg: Spanned(legName, at: syntax.leg.span), strategy: strategy, during: during,
                    span: syntax.span))
        }
        for reconnect in reconnects where !holdQueues.isEmpty && !holdQueues.contains(reconnect.queue.value) {
            guard case .step(let reference) = reconnect.operation.target else { continue }
            let held = OptionTable.wordList(holdQueues.sorted(), conjunction: "or")
            diagnostics.append(
                .operationStepMismatch(
                    "expected step '\(reconnect.step.name)' to dial \(held), where held legs wait, "
                        + "found 'dial queue \(reconnect.queue.value)'",
                    at: reference.span,
                    help: "'reconnect' bridges the legs again by dialing the queue where the held leg waits"))
        }
        return operations
    }

    private mutating func resolveRoomTarget(
        _ syntax: OperationSyntax, kind: OperationKind, inKeyword: Identifier, room: Identifier
    ) -> FlowOperation.Strategy? {
        let legName = syntax.leg.name
        guard kind == .hold || kind == .unhold else {
            diagnostics.append(
                .operationRoomMismatch(
                    "expected '-> STEP' after '\(kind.rawValue) \(legName)', found 'in \(room.name)'",
                    at: inKeyword.span.union(room.span),
                    help: "'\(kind.rawValue)' moves the leg to a step; only 'hold' and 'unhold' act in a room"))
            return nil
        }
        guard !room.isMissing else { return nil }
        guard let declaration = roomDeclarations[room.name] else {
            reportUndefined("room", room, candidates: Array(roomDeclarations.keys))
            return nil
        }
        usedRooms.insert(room.name)
        var fits = true
        let hasHold = declaration.documents.contains { $0.node?.kind == .hold }
        let hasErrors = declaration.documents.contains { $0.node == nil }
        if !hasHold, !hasErrors {
            diagnostics.append(
                .operationRoomMismatch(
                    "expected a 'hold' document in room '\(room.name)' for '\(kind.rawValue) \(legName) in \(room.name)', found none",
                    at: room.span, notes: [Note("room '\(room.name)' declared here", at: declaration.name.span)],
                    help: "add a 'hold' document to the room: what the held leg hears"))
            fits = false
        }
        if joinedRooms[legName]?.contains(room.name) != true, legHasNoErrors(legName) {
            diagnostics.append(
                .operationRoomMismatch(
                    "expected leg '\(legName)' to join room '\(room.name)', found no 'join \(room.name)' in its steps",
                    at: syntax.leg.span,
                    help: "a participant hold acts on a leg in the room; join it first, or hold with '-> STEP'"))
            fits = false
        }
        return fits ? .conference(room: Spanned(room.name, at: room.span)) : nil
    }

    /// Whether every line of the leg was read, so that a missing `join` is not a parse error's consequence.
    private func legHasNoErrors(_ leg: String) -> Bool {
        guard let syntax = legDeclarations[leg] else { return false }
        for item in syntax.members {
            guard case .node(let member) = item else { return false }
            if case .step(let step) = member, step.verbs.contains(where: { $0.node == nil }) { return false }
        }
        return true
    }

    /// `step` (a step of `leg`) or `other.step`.
    private mutating func resolveStepReference(_ reference: StepReference, leg: String) -> Spanned<StepID>? {
        var legName = leg
        if let explicit = reference.leg {
            guard !explicit.isMissing else { return nil }
            guard legDeclarations[explicit.name] != nil else {
                reportUndefined("leg", explicit, candidates: Array(legDeclarations.keys))
                return nil
            }
            legName = explicit.name
        }
        guard !reference.step.isMissing else { return nil }
        let steps = legStepNames[legName] ?? StepNames()
        guard steps.contains(reference.step.name) else {
            diagnostics.append(.undefined("step", reference.step, in: "in leg '\(legName)'", candidates: steps.ordered))
            return nil
        }
        return Spanned(StepID(leg: legName, step: reference.step.name), at: reference.span)
    }

    // MARK: - Whole-flow checks

    /// Reports an undefined name (FLOW203) and remembers the name it suggests, whose "never used"
    /// warning would only repeat the same typo.
    mutating func reportUndefined(_ what: String, _ name: Identifier, in scope: String? = nil, candidates: [String]) {
        diagnostics.append(.undefined(what, name, in: scope, candidates: candidates))
        if let suggestion = NameSuggestion.closest(to: name.name, among: candidates) {
            suggestedNames.insert("\(what) \(suggestion)")
        }
    }

    func isSuggested(_ what: String, _ name: Identifier) -> Bool {
        suggestedNames.contains("\(what) \(name.name)")
    }

    /// The checks that need the whole flow: entry legs (FLOW216), dial sites (FLOW215), `serve at`
    /// (FLOW221), rooms not shared (FLOW223), unused declarations (FLOW224).
    mutating func checkFlow(_ flow: Flow, hasServeSetting: Bool) {
        var firstEntry: LegSyntax?
        var firstOutbound: LegSyntax?
        for case .leg(let leg) in members where legDeclarations[leg.name.name]?.span == leg.span {
            switch leg.role {
            case .entry:
                if let firstEntry {
                    diagnostics.append(.extraEntryLeg(leg.roleKeyword, leg: leg.name.name, firstAt: firstEntry.name.span))
                } else {
                    firstEntry = leg
                }
            case .outbound:
                if firstOutbound == nil { firstOutbound = leg }
            case .dialed:
                let sites = dialSites[leg.name.name] ?? []
                if let first = sites.first {
                    for site in sites.dropFirst() { diagnostics.append(.legDialedTwice(site, firstAt: first.span)) }
                } else if !isSuggested("leg", leg.name) {
                    diagnostics.append(.unused("dialed leg", leg.name, "is never dialed"))
                }
            case nil:
                break
            }
        }

        let hasOperations = members.contains { if case .operation = $0 { true } else { false } }
        if !hasServeSetting, !syntax.name.isMissing, hasOperations || firstOutbound != nil {
            let reason =
                hasOperations
                ? "has operations" : "has outbound leg '\(firstOutbound?.name.name ?? "")'"
            diagnostics.append(.missingBaseURL(syntax.name, reason: reason))
        }

        for case .resource(let resource) in members where !resource.name.isMissing {
            switch resource.kind {
            case .queue:
                guard queueDeclarations[resource.name.name]?.span == resource.span else { continue }
                if !usedQueues.contains(resource.name.name), !isSuggested("queue", resource.name) { diagnostics.append(.unused("queue", resource.name)) }
            case .room:
                guard roomDeclarations[resource.name.name]?.span == resource.span else { continue }
                if flow.room(named: resource.name.name)?.isShared == false { diagnostics.append(.roomNotShared(resource.name)) }
                if !usedRooms.contains(resource.name.name), !isSuggested("room", resource.name) { diagnostics.append(.unused("room", resource.name)) }
            }
        }
        for case .audio(let audio) in members where assetDeclarations[audio.name.name]?.span == audio.span {
            if !usedAssets.contains(audio.name.name), !isSuggested("audio", audio.name) { diagnostics.append(.unused("audio", audio.name)) }
        }
    }
}
