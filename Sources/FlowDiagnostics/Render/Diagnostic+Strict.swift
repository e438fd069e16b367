extension Diagnostic {
    /// This diagnostic as `--strict` sees it: a warning becomes an error, marked `promotedBy` `--strict` so
    /// every format can say so; errors and notes are unchanged.
    /// Promotion happens at the edge, after suppression and before counting and rendering, so the exit
    /// status, the summary and every format agree on the severity.
    public func promotingWarning(by reason: String = "--strict") -> Diagnostic {
        guard severity == .warning else { return self }
        var promoted = self
        promoted.severity = .error
        promoted.promotedBy = reason
        return promoted
    }

    /// `(a warning, promoted by --strict)`: what the human formats add after the code of a promoted warning.
    public var promotionLabel: String? {
        promotedBy.map { "warning, promoted by \($0)" }
    }
}

extension Sequence<Diagnostic> {
    /// Every diagnostic with `promotingWarning()` applied, in the same order.
    public func promotingWarnings() -> [Diagnostic] { map { $0.promotingWarning() } }
}
