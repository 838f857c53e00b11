import Testing

@testable import WardSimSecurity

@Suite("Tokens, digests and comparison")
struct SecureTokenTests {
    @Test func tokensAre256BitURLSafeAndUnique() {
        let tokens = (0..<200).map { _ in SecureToken.generate() }
        #expect(Set(tokens).count == tokens.count)
        for token in tokens {
            #expect(token.count == 43)
            #expect(SecureToken.isWellFormed(token))
        }
    }

    @Test func wellFormedRejectsJunk() {
        #expect(!SecureToken.isWellFormed(""))
        #expect(!SecureToken.isWellFormed(String(repeating: "a", count: 42)))
        #expect(!SecureToken.isWellFormed(String(repeating: "a", count: 42) + "="))
        #expect(!SecureToken.isWellFormed(String(repeating: "a", count: 42) + "/"))
    }

    @Test func digestsAreHexAndStable() {
        let digest = TokenDigest.hex("abc")
        #expect(digest.count == 64)
        #expect(digest == TokenDigest.hex("abc"))
        #expect(digest != TokenDigest.hex("abd"))
        // BLAKE2b-256 of "abc" (RFC 7693 test vector family; 32-byte output).
        #expect(digest == "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319")
    }

    @Test func derivedValuesDependOnSecretAndPurpose() {
        let secret = SecureToken.generate()
        let csrf = TokenDigest.derive(from: secret, purpose: "csrf")
        #expect(csrf == TokenDigest.derive(from: secret, purpose: "csrf"))
        #expect(csrf != TokenDigest.derive(from: secret, purpose: "other"))
        #expect(csrf != TokenDigest.derive(from: SecureToken.generate(), purpose: "csrf"))
        #expect(SecureToken.isWellFormed(csrf))
        #expect(!csrf.contains(secret))
    }

    @Test func constantTimeComparison() {
        #expect(constantTimeEquals("same-secret", "same-secret"))
        #expect(!constantTimeEquals("same-secret", "same-secreT"))
        #expect(!constantTimeEquals("short", "longer"))
        #expect(constantTimeEquals("", ""))
        #expect(!constantTimeEquals("", "x"))
    }
}
