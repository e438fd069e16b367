/// The events `flowc simulate` chooses when no scenario is given: the call as it goes when everybody
/// cooperates, so a flow's main path can be read and kept as a golden transcript without writing a scenario.
///
/// The rules, applied one event at a time in leg declaration order, first rule first:
/// 1. nothing has started: start the entry leg (or, without one, the first outbound leg);
/// 2. a gather waits: press "1"; a recording waits: finish it; a dialed leg rings: it answers;
/// 3. an outbound leg is idle: start it (the application places its call);
/// 4. otherwise hang up the most recently declared live leg that is talking, in a conference or in a
///    loop, then any other live leg (the call winds down).
/// It stops when no rule applies or after 64 events.
enum HappyPath {
    static let eventBudget = 64

    static func run(_ simulator: inout Simulator) {
        for _ in 0..<eventBudget {
            guard let event = next(simulator) else { return }
            simulator.handle(event, automatic: true)
        }
        simulator.transcript.note("the happy path stops after \(eventBudget) events")
    }

    static func next(_ simulator: Simulator) -> ScenarioEvent? {
        let legs = simulator.flow.legs
        let states = legs.map { (leg: $0, state: simulator.legs[$0.name]?.state ?? .idle) }
        if states.allSatisfy({ $0.state == .idle }) {
            if let entry = legs.first(where: { $0.role == .entry }) ?? legs.first(where: { $0.role == .outbound }) {
                return .start(entry.name)
            }
            return nil
        }
        for (leg, state) in states {
            guard case .waiting(_, let wait) = state else { continue }
            switch wait {
            case .gather: return .press(leg.name, "1")
            case .record: return .finishRecording(leg.name)
            case .ringing(let child): return .answer(child)
            default: continue
            }
        }
        if let idle = states.first(where: { $0.leg.role == .outbound && $0.state == .idle }) {
            return .start(idle.leg.name)
        }
        for (leg, state) in states.reversed() {
            guard case .waiting(_, let wait) = state else { continue }
            switch wait {
            case .bridgedToChild, .child, .bridgedToMember, .bridgedToDequeuer, .conference, .looping:
                return .hangup(leg.name)
            default: continue
            }
        }
        if let live = states.reversed().first(where: { if case .waiting = $0.state { return true } else { return false } }) {
            return .hangup(live.leg.name)
        }
        return nil
    }
}
