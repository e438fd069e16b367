extension DiagnosticCatalog {
    /// FLOW1xx.
    static let syntaxCodes: [DiagnosticCodeEntry] = []
}
