#if canImport(CommonCrypto)
    import CommonCrypto
#elseif canImport(Glibc)
    import Glibc
#endif

/// SHA-256 of a file's bytes, for the route manifest, without hand-written cryptography and without a
/// package dependency (the compiler library may depend on nothing but swift-argument-parser).
///
/// On Darwin it calls CommonCrypto. On Linux it calls OpenSSL's `SHA256` from `libcrypto.so.3`, loaded at
/// run time: the Swift toolchain's own FoundationNetworking links that library (through libcurl), so it is
/// present wherever Foundation runs. If it cannot be loaded, `sha256` returns `nil` and the build reports an
/// internal error instead of writing a manifest with wrong hashes.
public enum ContentDigest {
    /// Lowercase hexadecimal SHA-256 of `bytes`, or `nil` when no system implementation is available.
    public static func sha256(_ bytes: [UInt8]) -> String? {
        var digest = [UInt8](repeating: 0, count: 32)
        #if canImport(CommonCrypto)
            bytes.withUnsafeBufferPointer { input in
                _ = CC_SHA256(input.baseAddress, CC_LONG(input.count), &digest)
            }
        #else
            guard let function = LibCrypto.sha256 else { return nil }
            bytes.withUnsafeBufferPointer { input in
                digest.withUnsafeMutableBufferPointer { output in
                    _ = function(input.baseAddress, input.count, output.baseAddress)
                }
            }
        #endif
        return hex(digest)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

#if !canImport(CommonCrypto)
    /// `unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md)` from OpenSSL, looked up once.
    private enum LibCrypto {
        typealias SHA256Function =
            @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?) -> UnsafeMutablePointer<UInt8>?

        static let sha256: SHA256Function? = {
            for name in ["libcrypto.so.3", "libcrypto.so"] {
                guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL), let symbol = dlsym(handle, "SHA256") else {
                    continue
                }
                return unsafeBitCast(symbol, to: SHA256Function.self)
            }
            return nil
        }()
    }
#endif
