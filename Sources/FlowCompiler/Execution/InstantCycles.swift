/// Loops that never wait: documents that hand the leg on to each other (`<Redirect>`, a background
/// `<Start>`/`<Stop>`, a wait document's end that requests it again) with no verb between that takes
/// time or plays anything. `go -> a` in step `b` and `go -> b` in step `a` is the simplest.
///
/// Twilio documents no outcome for such a loop on a voice call: the <Redirect> page says only that it
/// transfers control, and the one documented limit on documents per session (error 14106, 50
/// documents) is for Messaging reply sessions. So the model makes it a terminal of its own rather than a
/// wait: the checker reports it (FLOW317) and the simulator ends the leg there, never calling it a wait.
extension CallGraph {
    /// Whether a leg passes `node` at once, hearing nothing, and goes on to exactly one next point.
    /// Each such node has a single outgoing edge, which is what makes `instantCycles()` linear.
    func isInstant(_ node: Int) -> Bool {
        guard edges[node].count == 1, case .point = edges[node][0].target else { return false }
        guard let verb = verb(at: node) else {
            // The end of a document whose context requests it again (an Enqueue wait document).
            return edges[node][0].outcome == .documentEnd
        }
        switch verb {
        case .redirect, .background: return true
        case .say, .play, .pause, .gather, .record, .dial, .enqueue, .leave, .connect, .hangup, .reject, .refer,
            .pay, .ungenerated:
            // A verb that speaks, plays, waits or ends; an ungenerated element is not assumed instant.
            return false
        }
    }

    /// Every cycle made only of instant nodes, each in the order the leg runs it, starting at its
    /// lowest node; in the order of those nodes. One walk over the instant nodes: each has one
    /// successor, so following successors from each unvisited node finds every cycle once.
    func instantCycles() -> [[Int]] {
        enum Mark { case unseen, onChain, done }
        var mark = [Mark](repeating: .unseen, count: points.count)
        var cycles: [[Int]] = []
        for first in points.indices where mark[first] == .unseen && isInstant(first) {
            var chain: [Int] = []
            var node = first
            while mark[node] == .unseen && isInstant(node) {
                mark[node] = .onChain
                chain.append(node)
                guard case .point(let next) = edges[node][0].target else { break }
                node = next
            }
            if mark[node] == .onChain, let start = chain.firstIndex(of: node) {
                let cycle = Array(chain[start...])
                let lowest = cycle.indices.min { cycle[$0] < cycle[$1] } ?? 0
                cycles.append(Array(cycle[lowest...] + cycle[..<lowest]))
            }
            for member in chain { mark[member] = .done }
        }
        return cycles.sorted { $0[0] < $1[0] }
    }
}
