import CSodium

/// Random secrets for cookies and one-time links.
///
/// 256 bits from libsodium's CSPRNG (`randombytes_buf`, backed by the kernel's
/// `getrandom`), encoded as URL-safe base64 without padding, so a token fits a cookie
/// or a query string without escaping: 43 characters of `A–Z a–z 0–9 - _`.
public enum SecureToken {
    /// The number of random bytes in a token.
    public static let byteCount = 32

    /// A new random token.
    public static func generate() -> String {
        Sodium.ready()
        var bytes = [UInt8](repeating: 0, count: byteCount)
        randombytes_buf(&bytes, bytes.count)
        defer { sodium_memzero(&bytes, bytes.count) }
        return base64URL(bytes)
    }

    /// Whether `text` has the shape of a token (length and alphabet). Lets callers refuse
    /// junk before touching the database.
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 43
            && text.utf8.allSatisfy { byte in
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == 0x2D || byte == 0x5F
            }
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        let variant = Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING)
        var output = [CChar](repeating: 0, count: sodium_base64_encoded_len(bytes.count, variant))
        _ = sodium_bin2base64(&output, output.count, bytes, bytes.count, variant)
        return String(nulTerminated: output)
    }
}
