extension DiagnosticCatalog {
    /// FLOW3xx.
    static let continuationCodes: [DiagnosticCodeEntry] = []
}
