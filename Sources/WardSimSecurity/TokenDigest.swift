import CSodium

/// One-way digests of secrets, so that the database holds no usable token.
///
/// Session and set-up tokens are 256 random bits, so a fast unkeyed hash is enough: there
/// is nothing to brute-force, and a stolen database yields only digests that no cookie
/// accepts. BLAKE2b-256 (`crypto_generichash`), written as 64 lowercase hex digits.
public enum TokenDigest {
    /// The hex digest of `secret`'s UTF-8 bytes.
    public static func hex(_ secret: String) -> String {
        hex(of: digest(Array(secret.utf8), key: []))
    }

    /// A value derived from `secret` for a given `purpose`, as URL-safe base64: keyed
    /// BLAKE2b with the secret as the key. Whoever holds the secret can recompute it;
    /// nobody else can predict it. Used to derive a session's CSRF token from its
    /// session token, so the CSRF token never needs to be stored.
    public static func derive(from secret: String, purpose: String) -> String {
        var key = Array(secret.utf8)
        if key.count > Int(crypto_generichash_keybytes_max()) { key = digest(key, key: []) }
        return SecureToken.base64URL(digest(Array(purpose.utf8), key: key))
    }

    static func digest(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        Sodium.ready()
        var output = [UInt8](repeating: 0, count: 32)
        _ = crypto_generichash(
            &output, output.count, message, UInt64(message.count), key.isEmpty ? nil : key, key.count)
        return output
    }

    static func hex(of bytes: [UInt8]) -> String {
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 1)
        _ = sodium_bin2hex(&output, output.count, bytes, bytes.count)
        return String(nulTerminated: output)
    }
}
