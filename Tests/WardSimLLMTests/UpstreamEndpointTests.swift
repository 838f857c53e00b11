import Testing

@testable import WardSimLLM

@Suite("UpstreamEndpoint")
struct UpstreamEndpointTests {
    @Test(arguments: [
        "http://gpu1:8080", "http://gpu1:8080/", "http://gpu1:8080/v1", "http://gpu1:8080/v1/",
        " http://gpu1:8080/v1// ",
        "http://gpu1:8080/v1/chat/completions",
    ])
    func baseURLsWithAndWithoutV1(_ url: String) throws {
        let endpoint = try UpstreamEndpoint(url)
        #expect(endpoint.chatCompletionsURL == "http://gpu1:8080/v1/chat/completions")
        #expect(endpoint.label == "gpu1:8080")
    }

    @Test func keepsAPathPrefix() throws {
        let endpoint = try UpstreamEndpoint("HTTPS://api.example.com/openai/v1")
        #expect(endpoint.chatCompletionsURL == "https://api.example.com/openai/v1/chat/completions")
        #expect(endpoint.label == "api.example.com:443")
        #expect(try UpstreamEndpoint("http://host/proxy").chatCompletionsURL == "http://host/proxy/v1/chat/completions")
    }

    @Test(arguments: ["", "gpu1:8080", "ftp://gpu1/v1", "file:///etc/passwd", "http://", "http://host/v1?x=1"])
    func refusesWhatIsNotAnHTTPBaseURL(_ url: String) {
        #expect(throws: UpstreamEndpoint.Invalid.self) { try UpstreamEndpoint(url) }
    }

    @Test func refusesCredentialsInTheURL() {
        #expect {
            try UpstreamEndpoint("http://user:sk-secret@gpu1:8080")
        } throws: { error in
            !String(describing: error).contains("sk-secret")
        }
    }
}
