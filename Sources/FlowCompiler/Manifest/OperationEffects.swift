/// What an operation does to the legs of its flow, as the route manifest states it.
///
/// This is the seam for the continuation checker (issue #4): today it states only the operated leg's own
/// effect, which follows from the request itself; the effects on every other leg (which step a bridged
/// parent continues with, which leg is disconnected: twiml-semantics.md §1.6, §1.7) come from the
/// checker's analysis of the deployed documents and are added here.
public enum OperationEffects {
    /// The effects of `operation`, one per leg it changes, the operated leg first.
    public static func effects(of operation: FlowOperation, in flow: Flow) -> [RouteManifest.Effect] {
        [ownEffect(of: operation)]
    }

    /// The operated leg's own effect.
    static func ownEffect(of operation: FlowOperation) -> RouteManifest.Effect {
        let leg = operation.leg.value
        switch operation.strategy {
        case .conference(let room):
            if operation.kind == .hold {
                return RouteManifest.Effect(
                    leg: leg, outcome: "hears-hold", step: nil,
                    explanation: "stays a participant of room '\(room.value)' and hears its hold document until "
                        + "unheld; its TwiML does not change (twiml-semantics.md §1.8, §4.2)")
            }
            return RouteManifest.Effect(
                leg: leg, outcome: "unchanged", step: nil,
                explanation: "hears room '\(room.value)' again; it never left its '<Dial><Conference>', so its TwiML "
                    + "does not change (twiml-semantics.md §1.8, §4.2)")
        case .move(let target):
            return RouteManifest.Effect(
                leg: leg, outcome: "moved", step: target.value.description,
                explanation: "leaves whatever it runs and starts step '\(target.value.step)' of leg "
                    + "'\(target.value.leg)' (a Call update, twiml-semantics.md §1.5, §4.1)")
        }
    }
}
