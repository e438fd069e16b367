/// Comparison whose running time does not depend on where two byte strings differ, so that an attacker
/// who times the answers to forged `X-Twilio-Signature` headers learns nothing about the right one.
public enum ConstantTime {
    /// Whether `left` and `right` hold the same bytes.
    ///
    /// Every byte of the longer input is visited whatever the content; only the lengths (which are public:
    /// a signature is always 28 base64 characters) decide how many. There is no early exit.
    public static func isEqual(_ left: some Collection<UInt8>, _ right: some Collection<UInt8>) -> Bool {
        let a = Array(left)
        let b = Array(right)
        let count = max(a.count, b.count)
        var difference: UInt8 = a.count == b.count ? 0 : 1
        for index in 0..<count {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }

    /// The same comparison on the UTF-8 bytes of two strings.
    public static func isEqual(_ left: String, _ right: String) -> Bool {
        isEqual(Array(left.utf8), Array(right.utf8))
    }
}
