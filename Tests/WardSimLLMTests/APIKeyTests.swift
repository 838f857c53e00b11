import Testing

@testable import WardSimLLM

@Suite("APIKey")
struct APIKeyTests {
    @Test func neverShowsTheSecret() throws {
        let key = try #require(APIKey("sk-test-123456"))
        #expect("\(key)" == "APIKey(redacted)")
        #expect(String(reflecting: key) == "APIKey(redacted)")
        var dumped = ""
        dump(key, to: &dumped)
        #expect(!dumped.contains("sk-test"))
        struct Config { var key: APIKey? }
        #expect(!"\(Config(key: key))".contains("sk-test"))
    }

    @Test func readsTheEnvironment() {
        #expect(APIKey(environment: "K", in: ["K": " sk-1 \n"])?.authorizationValue == "Bearer sk-1")
        #expect(APIKey(environment: "K", in: ["K": "  "]) == nil)
        #expect(APIKey(environment: "K", in: [:]) == nil)
        #expect(APIKey("sk-1\r\nX-Injected: yes") == nil)
        #expect(APIKey("sk 1") == nil)
    }

    @Test func redactsEchoes() throws {
        let key = try #require(APIKey("sk-abc"))
        #expect(key.redact("auth was Bearer sk-abc, sk-abc") == "auth was Bearer [redacted], [redacted]")
    }
}
