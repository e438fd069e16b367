/// The compiler's version, printed by `flowc --version` and recorded in every route manifest.
public enum FlowCompilerVersion {
    public static let current = "0.1.0"
}
