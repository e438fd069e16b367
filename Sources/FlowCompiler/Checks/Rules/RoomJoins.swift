extension ProofContext {
    /// The reachable joins of each room, rooms in name order and joins in graph order.
    var joinsByRoom: [(room: String, joins: [Meeting])] {
        let grouped = Dictionary(grouping: meetings.allJoins, by: \.name)
        return grouped.keys.sorted().map { ($0, grouped[$0] ?? []) }
    }
}
