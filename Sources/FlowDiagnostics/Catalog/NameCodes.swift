extension DiagnosticCatalog {
    /// FLOW2xx.
    static let nameCodes: [DiagnosticCodeEntry] = []
}
