extension Diagnostic {
    /// This diagnostic as `--strict` sees it: a warning becomes an error; errors and notes are unchanged.
    /// Promotion happens at the edge, after suppression and before counting and rendering, so the exit
    /// status, the summary and every format agree on the severity.
    public func promotingWarning() -> Diagnostic {
        guard severity == .warning else { return self }
        var promoted = self
        promoted.severity = .error
        return promoted
    }
}

extension Sequence<Diagnostic> {
    /// Every diagnostic with `promotingWarning()` applied, in the same order.
    public func promotingWarnings() -> [Diagnostic] { map { $0.promotingWarning() } }
}
