/// Linear-time questions about paths in a `CallGraph`: which points a leg can reach, from which points a
/// leg can fall off the end of a document, from which it is hung up before it ever waits, and the shortest
/// path that shows it.
///
/// Every analysis is one breadth-first walk over the graph (forward from roots, or backward from the
/// outcomes in question), so the checker's cost grows linearly with the size of the flow (issue #4).
struct CallPaths {
    let graph: CallGraph
    /// Predecessors of every node, for the backward walks.
    private let predecessors: [[Int]]
    /// Nodes from which some path reaches `.fallOff`.
    let canFallOff: [Bool]
    /// Nodes from which some path ends the leg (`.exit` or `.fallOff`) without passing a point where the
    /// leg waits (a dial, a queue, a gather, a pause): the leg is hung up at once.
    let endsWithoutWaiting: [Bool]
    /// Nodes from which some path ends the leg (`.exit` or `.fallOff`) before it reaches an unbounded wait
    /// (`CallGraph.isUnboundedWait`: a queue or a conference, where the leg stays until someone else acts).
    /// A bounded wait (a pause, a gather, a dial that times out) does not count: after a hold, a leg on such
    /// a path can be hung up while the held leg still waits to come back.
    let endsBeforeUnboundedWait: [Bool]

    init(graph: CallGraph) {
        self.graph = graph
        let count = graph.points.count
        var predecessors = [[Int]](repeating: [], count: count)
        var fallOffSeeds: [Int] = []
        var quickSeeds: [Int] = []
        var endSeeds: [Int] = []
        for node in 0..<count {
            for edge in graph.edges[node] {
                switch edge.target {
                case .point(let next): predecessors[next].append(node)
                case .fallOff:
                    fallOffSeeds.append(node)
                    endSeeds.append(node)
                    if !edge.waits { quickSeeds.append(node) }
                case .exit:
                    endSeeds.append(node)
                    if !edge.waits { quickSeeds.append(node) }
                default: break
                }
            }
        }
        self.predecessors = predecessors
        endsBeforeUnboundedWait = Self.backward(
            from: endSeeds.filter { !graph.isUnboundedWait($0) }, count: count, predecessors: predecessors
        ) { from, _ in !graph.isUnboundedWait(from) }
        canFallOff = Self.backward(from: fallOffSeeds, count: count, predecessors: predecessors) { _, _ in true }
        endsWithoutWaiting = Self.backward(from: quickSeeds, count: count, predecessors: predecessors) {
            from, to in
            graph.edges[from].contains { $0.target == .point(to) && !$0.waits }
        }
    }

    private static func backward(
        from seeds: [Int], count: Int, predecessors: [[Int]], follows: (Int, Int) -> Bool
    ) -> [Bool] {
        var marked = [Bool](repeating: false, count: count)
        var work: [Int] = []
        for seed in seeds where !marked[seed] {
            marked[seed] = true
            work.append(seed)
        }
        while let node = work.popLast() {
            for previous in predecessors[node] where !marked[previous] && follows(previous, node) {
                marked[previous] = true
                work.append(previous)
            }
        }
        return marked
    }

    /// The nodes reachable from `roots`, each with the edge it was first reached by (for counterexamples).
    func reach(from roots: [Int]) -> Reach {
        breadthFirst(from: roots, following: { _ in true }, expanding: { _ in true }, stoppingAt: { _ in false }).reach
    }

    /// The shortest path from `roots` to a node that has an edge satisfying `isGoal`, with that edge.
    /// Without `waitingAllowed`, the walk does not pass a point where the leg waits.
    /// With `stoppingAtUnboundedWaits`, the walk does not go on from a queue or a conference.
    func shortestPath(
        from roots: [Int], where isGoal: (CallGraph.Edge) -> Bool, waitingAllowed: Bool = true,
        stoppingAtUnboundedWaits: Bool = false
    ) -> (path: [Step], last: CallGraph.Edge)? {
        let walk = breadthFirst(
            from: roots, following: { waitingAllowed || !$0.waits },
            expanding: { !stoppingAtUnboundedWaits || !graph.isUnboundedWait($0) }, stoppingAt: isGoal)
        return walk.goal.map { (walk.reach.path(to: $0.node), $0.edge) }
    }

    /// One breadth-first walk: follows the edges `follows` accepts, and stops at the first edge `isGoal`
    /// accepts (checked before `follows`, so a goal edge counts even where the walk would not go on).
    private func breadthFirst(
        from roots: [Int], following follows: (CallGraph.Edge) -> Bool, expanding expands: (Int) -> Bool,
        stoppingAt isGoal: (CallGraph.Edge) -> Bool
    ) -> (reach: Reach, goal: (node: Int, edge: CallGraph.Edge)?) {
        var parent: [Int: (node: Int, label: String)?] = [:]
        var queue: [Int] = []
        for root in roots where parent[root] == nil {
            parent[root] = .some(nil)
            queue.append(root)
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            guard expands(node) else { continue }
            for edge in graph.edges[node] {
                if isGoal(edge) { return (Reach(order: queue, parent: parent), (node, edge)) }
                guard follows(edge), case .point(let next) = edge.target, parent[next] == nil else { continue }
                parent[next] = .some((node, edge.label))
                queue.append(next)
            }
        }
        return (Reach(order: queue, parent: parent), nil)
    }

    /// One step of a counterexample: a node, and how the path arrived there.
    struct Step {
        var node: Int
        var arrivedBy: String?
    }

    /// The result of a forward walk.
    struct Reach {
        /// Nodes in the order they were reached.
        var order: [Int]
        var parent: [Int: (node: Int, label: String)?]

        func contains(_ node: Int) -> Bool { parent[node] != nil }

        /// The path from a root to `node`.
        func path(to node: Int) -> [Step] {
            var steps: [Step] = []
            var current: Int? = node
            var guardCount = parent.count + 1
            while let at = current, guardCount > 0 {
                guardCount -= 1
                let link = parent[at] ?? nil
                steps.append(Step(node: at, arrivedBy: link?.label))
                current = link?.node
            }
            return steps.reversed()
        }
    }
}
