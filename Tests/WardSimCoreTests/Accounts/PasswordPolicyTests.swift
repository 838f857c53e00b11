import Testing
import WardSimCore

@Suite("Password policy (NIST SP 800-63B)")
struct PasswordPolicyTests {
    @Test func lengthIsTheOnlyRule() {
        #expect(PasswordPolicy.problem(with: "elevenchars") != nil)
        #expect(PasswordPolicy.problem(with: "twelve chars") == nil)
        #expect(PasswordPolicy.problem(with: "aaaaaaaaaaaa") == nil, "no composition rules")
        #expect(PasswordPolicy.problem(with: String(repeating: "x", count: 128)) == nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "x", count: 129)) != nil)
    }

    @Test func reasonsNameTheLimit() {
        #expect(PasswordPolicy.problem(with: "short")?.reason.contains("at least 12") == true)
        #expect(
            PasswordPolicy.problem(with: String(repeating: "x", count: 200))?.reason.contains("at most 128") == true)
        #expect(PasswordPolicy.problem(with: "short")?.field == "password")
    }

    @Test func charactersAreCodePointsAfterNFKC() {
        // Twelve emoji are twelve characters, not 48 bytes.
        #expect(PasswordPolicy.problem(with: String(repeating: "🩺", count: 12)) == nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "🩺", count: 11)) != nil)
        // "é" composed and decomposed normalise to the same password.
        #expect(PasswordPolicy.normalize("caf\u{E9} au lait!") == PasswordPolicy.normalize("cafe\u{301} au lait!"))
    }
}
