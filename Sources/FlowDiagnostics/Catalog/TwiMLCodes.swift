extension DiagnosticCatalog {
    /// FLOW4xx.
    static let twimlCodes: [DiagnosticCodeEntry] = []
}
