import CSodium

/// Hashes and verifies passwords with argon2id (libsodium's `crypto_pwhash_str`).
///
/// The result is a self-describing string such as
/// `$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>`: it carries its own salt and cost
/// parameters, so verification needs nothing else and old hashes keep working after the
/// parameters change (`needsRehash` tells the caller to upgrade them at the next
/// successful sign-in).
///
/// ```swift
/// let hasher = PasswordHasher()
/// let stored = try hasher.hash("correct horse battery staple")
/// hasher.verify("correct horse battery staple", against: stored)   // true
/// ```
public struct PasswordHasher: Sendable {
    /// The argon2id cost parameters.
    public struct Limits: Sendable, Equatable {
        /// Passes over memory (argon2's t).
        public var operations: Int
        /// Bytes of memory per hash (argon2's m, in bytes).
        public var memoryBytes: Int

        public init(operations: Int, memoryBytes: Int) {
            self.operations = operations
            self.memoryBytes = memoryBytes
        }

        /// libsodium's INTERACTIVE limits: t=2, 64 MiB. Above OWASP's argon2id minimum
        /// (19 MiB, t=2) while keeping a sign-in well under a tenth of a second.
        public static var interactive: Limits {
            Sodium.ready()
            return Limits(
                operations: Int(crypto_pwhash_opslimit_interactive()),
                memoryBytes: Int(crypto_pwhash_memlimit_interactive()))
        }

        /// The smallest limits libsodium accepts. Only for tests that need a hash made
        /// with *other* parameters (to exercise rehashing); never for real accounts.
        public static var minimum: Limits {
            Sodium.ready()
            return Limits(
                operations: Int(crypto_pwhash_opslimit_min()), memoryBytes: Int(crypto_pwhash_memlimit_min()))
        }
    }

    /// Hashing failed: libsodium could not allocate the memory the limits ask for.
    public struct HashingError: Error, CustomStringConvertible {
        public let description = "password hashing failed (out of memory?)"
    }

    public let limits: Limits
    public let gate: HashingGate

    /// A hasher with `limits` whose work is bounded by `gate` (shared by default).
    public init(limits: Limits = .interactive, gate: HashingGate = .shared) {
        Sodium.ready()
        self.limits = limits
        self.gate = gate
    }

    /// A new salted argon2id hash of `password`, as a printable string.
    public func hash(_ password: String) throws -> String {
        var output = [CChar](repeating: 0, count: crypto_pwhash_strbytes())
        // `withCString` hands over the whole UTF-8 buffer (embedded NULs included); the
        // explicit length, not the terminator, tells libsodium where it ends.
        let length = UInt64(password.utf8.count)
        let code = gate.run {
            password.withCString { chars in
                crypto_pwhash_str(&output, chars, length, UInt64(limits.operations), limits.memoryBytes)
            }
        }
        guard code == 0 else { throw HashingError() }
        return String(nulTerminated: output)
    }

    /// Whether `password` matches `storedHash`. False for a malformed or unusable hash
    /// (such as the `!` of an account that has no password yet).
    public func verify(_ password: String, against storedHash: String) -> Bool {
        guard storedHash.hasPrefix("$"), storedHash.utf8.count < crypto_pwhash_strbytes() else { return false }
        let length = UInt64(password.utf8.count)
        return gate.run {
            password.withCString { chars in crypto_pwhash_str_verify(storedHash, chars, length) == 0 }
        }
    }

    /// Whether `storedHash` was made with other parameters (or another algorithm) than
    /// this hasher's, so that it should be replaced after the next successful sign-in.
    public func needsRehash(_ storedHash: String) -> Bool {
        guard storedHash.utf8.count < crypto_pwhash_strbytes() else { return true }
        return crypto_pwhash_str_needs_rehash(storedHash, UInt64(limits.operations), limits.memoryBytes) != 0
    }
}
