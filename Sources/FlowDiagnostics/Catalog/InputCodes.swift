extension DiagnosticCatalog {
    /// FLOW0xx.
    static let inputCodes: [DiagnosticCodeEntry] = []
}
