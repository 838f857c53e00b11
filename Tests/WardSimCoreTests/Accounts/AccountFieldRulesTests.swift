import Testing
import WardSimCore

@Suite("Account field rules")
struct AccountFieldRulesTests {
    @Test func usernames() {
        #expect(AccountFieldRules.usernameProblem("ana.lopez") == nil)
        #expect(AccountFieldRules.usernameProblem("a.lopez@hospital.example") == nil)
        #expect(AccountFieldRules.usernameProblem("ab") != nil)
        #expect(AccountFieldRules.usernameProblem("ana lopez") != nil)
        #expect(AccountFieldRules.usernameProblem("аna") != nil, "Cyrillic look-alike")
        #expect(AccountFieldRules.usernameProblem("<script>") != nil)
    }

    @Test func names() {
        #expect(AccountFieldRules.nameProblem("Zoë O'Brien <RN>", field: "displayName") == nil)
        #expect(AccountFieldRules.nameProblem("", field: "displayName") != nil)
        #expect(AccountFieldRules.nameProblem("two\nlines", field: "displayName") != nil)
        #expect(AccountFieldRules.nameProblem(String(repeating: "n", count: 101), field: "name") != nil)
        #expect(AccountFieldRules.tidy("  Ana  ") == "Ana")
    }
}
