/// Picks the one flow a picture is drawn of.
///
/// A file may hold several flows (Grammar.md §2) and a picture shows one, so when there is a choice the
/// user must name it; guessing (the first, the entry) would draw a flow the user did not mean without
/// saying so.
public enum FlowSelection {
    /// Why no flow was picked; the description is the message for the user.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case noFlow
        case severalFlows([String])
        case unknownFlow(String, available: [String])

        public var description: String {
            switch self {
            case .noFlow:
                "the input declares no flow"
            case .severalFlows(let names):
                "the input declares \(names.count) flows; choose one with --flow: \(names.joined(separator: ", "))"
            case .unknownFlow(let name, let names):
                "no flow named '\(name)'; the input declares: \(names.joined(separator: ", "))"
            }
        }
    }

    /// The flow named `name`, or with no name the only flow of `program`.
    public static func flow(named name: String?, in program: FlowProgram) -> Result<Flow, Problem> {
        let names = program.flows.map(\.name)
        if let name {
            guard let flow = program.flow(named: name) else {
                return .failure(names.isEmpty ? .noFlow : .unknownFlow(name, available: names))
            }
            return .success(flow)
        }
        switch program.flows.count {
        case 0: return .failure(.noFlow)
        case 1: return .success(program.flows[0])
        default: return .failure(.severalFlows(names))
        }
    }
}
