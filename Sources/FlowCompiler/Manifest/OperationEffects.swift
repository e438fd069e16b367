/// The operated leg's own effect, which follows from the operation's request itself; the effects on every
/// other leg (which step a bridged parent continues with, which leg is disconnected:
/// Docs/Twilio.md#dial-bridge, Docs/Twilio.md#conference-and-queue-legs) are the prover's (`Proof.effects`), and the manifest lists them after this one.
public enum OperationEffects {
    public static func ownEffect(of operation: DeployedOperation) -> RouteManifest.Effect {
        let leg = operation.leg
        switch operation.strategy {
        case .conference(let room):
            if operation.kind == .hold {
                return RouteManifest.Effect(
                    leg: leg, outcome: .hearsHold, step: nil,
                    explanation: "stays a participant of room '\(room)' and hears its hold document until "
                        + "unheld; its TwiML does not change (Docs/Twilio.md#hold-techniques, Docs/Twilio.md#participant-update)")
            }
            return RouteManifest.Effect(
                leg: leg, outcome: .unchanged, step: nil,
                explanation: "hears room '\(room)' again; it never left its '<Dial><Conference>', so its TwiML "
                    + "does not change (Docs/Twilio.md#hold-techniques, Docs/Twilio.md#participant-update)")
        case .move(let target):
            return RouteManifest.Effect(
                leg: leg, outcome: .moved, step: target.description,
                explanation: "leaves whatever it runs and starts step '\(target.step)' of leg "
                    + "'\(target.leg)' (a Call update, Docs/Twilio.md#call-update)")
        }
    }
}
