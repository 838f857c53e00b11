import CSodium

/// Compares two secrets without leaking, through timing, how much of them matched.
///
/// An ordinary `==` stops at the first differing byte, so an attacker who can time many
/// guesses learns a CSRF token byte by byte. `sodium_memcmp` always reads every byte.
/// The lengths are compared first: the secrets compared here have a fixed, public
/// length, so a length mismatch reveals nothing.
public func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
    Sodium.ready()
    let left = Array(lhs.utf8)
    let right = Array(rhs.utf8)
    guard left.count == right.count else { return false }
    guard !left.isEmpty else { return true }
    return sodium_memcmp(left, right, left.count) == 0
}
