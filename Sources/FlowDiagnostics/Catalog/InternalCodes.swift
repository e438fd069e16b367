extension DiagnosticCode {
    public static let internalError = DiagnosticCode("FLOW900", "internal-error", .error)
}

extension DiagnosticCatalog {
    /// FLOW9xx: the compiler's own faults. Never the user's; always reported with a request to file a bug.
    static let internalCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            .internalError,
            title: "internal compiler error",
            explanation: """
                flowc reached a state it believes impossible. The input is not at fault, and no output \
                was written. Please report it with the .flow file that triggers it.
                """,
            wrong: .none,
            right: .none,
            internal: true),
    ]
}
