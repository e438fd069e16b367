extension DiagnosticCatalog {
    /// FLOW5xx.
    static let styleCodes: [DiagnosticCodeEntry] = []
}
