import Testing

@testable import WardSimLLM

@Suite("LLMError")
struct LLMErrorTests {
    @Test func labelsAreBounded() {
        #expect(LLMError(.timeout(.firstToken), "").label == "timeout_first_token")
        #expect(LLMError(.http(status: 503), "").label == "http_5xx")
        #expect(LLMError(.http(status: 502), "").label == "http_5xx")
        #expect(LLMError(.http(status: 429), "").label == "http_429")
        #expect(LLMError(.http(status: 404), "").label == "http_4xx")
        #expect(LLMError(.malformedStream, "").label == "malformed_stream")
        #expect(LLMError(.upstream, "").label == "upstream_error")
    }

    @Test func whichFailuresRestAnUpstream() {
        #expect(LLMError(.connection, "").indictsUpstream)
        #expect(LLMError(.timeout(.stall), "").indictsUpstream)
        #expect(LLMError(.http(status: 500), "").indictsUpstream)
        #expect(LLMError(.http(status: 429), "").indictsUpstream)
        #expect(!LLMError(.http(status: 400), "").indictsUpstream)
        #expect(!LLMError(.upstream, "").indictsUpstream)
        #expect(!LLMError(.cancelled, "").indictsUpstream)
    }

    @Test func descriptionNamesUpstreamAndMessage() {
        let error = LLMError(
            .http(status: 500), "the server answered HTTP 500", upstream: "gpu1:8080", bodyExcerpt: "model crashed")
        #expect(error.description == "LLM http_5xx from gpu1:8080: the server answered HTTP 500 — model crashed")
    }
}

@Suite("LLMTimeouts")
struct LLMTimeoutsTests {
    @Test func overallGivesEveryPhaseTheLimit() {
        let timeouts = LLMTimeouts.overall(.seconds(12))
        #expect(timeouts.firstToken == .seconds(12))
        #expect(timeouts.stall == .seconds(12))
        #expect(timeouts.total == .seconds(12))
        #expect(timeouts.connect == .seconds(5))
        #expect(LLMTimeouts.overall(.seconds(2)).connect == .seconds(2))
    }

    @Test func millisecondsRoundUpAndNeverReachZero() {
        #expect(Duration.microseconds(1).wholeMilliseconds == 1)
        #expect(Duration.zero.wholeMilliseconds == 1)
        #expect(Duration.milliseconds(1500).wholeMilliseconds == 1500)
        #expect(Duration.microseconds(1500).wholeMilliseconds == 2)
    }
}
