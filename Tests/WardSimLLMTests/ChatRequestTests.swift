import Foundation
import Testing

@testable import WardSimLLM

@Suite("ChatRequest")
struct ChatRequestTests {
    static let request = ChatRequest(
        model: "smollm2", messages: [.system("You are Mrs Patel, 54."), .user("What brings you in?")],
        temperature: 0.7, topP: 0.9, maxTokens: 120, seed: 42)

    private func object(_ request: ChatRequest) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: request.encoded()) as! [String: Any]
    }

    @Test func samplingParametersAreAlwaysExplicit() throws {
        let json = try object(Self.request)
        #expect(json["temperature"] as? Double == 0.7)
        #expect(json["top_p"] as? Double == 0.9)
        #expect(json["max_tokens"] as? Int == 120)
        #expect(json["seed"] as? Int == 42)
        #expect(json["stream"] as? Bool == true)
        #expect((json["stream_options"] as? [String: Bool]) == ["include_usage": true])
        #expect(json["stop"] == nil)
    }

    @Test func zeroValuesAreStillSent() throws {
        var request = Self.request
        request.temperature = 0
        request.topP = 1
        request.seed = 0
        let json = try object(request)
        #expect(json["temperature"] as? Double == 0)
        #expect(json["seed"] as? Int == 0)
    }

    @Test func streamOptionsOnlyWithStreaming() throws {
        var request = Self.request
        request.stream = false
        #expect(try object(request)["stream_options"] == nil)
        request.stream = true
        request.includeUsage = false
        #expect(try object(request)["stream_options"] == nil)
    }

    @Test func encodingIsByteStableAndSorted() throws {
        let first = try Self.request.encoded()
        let copy = ChatRequest(
            model: "smollm2", messages: [.system("You are Mrs Patel, 54."), .user("What brings you in?")],
            temperature: 0.7, topP: 0.9, maxTokens: 120, seed: 42)
        for _ in 0..<20 { #expect(try copy.encoded() == first) }
        let text = String(decoding: first, as: UTF8.self)
        #expect(
            text
                == #"{"max_tokens":120,"messages":[{"content":"You are Mrs Patel, 54.","role":"system"},{"content":"What brings you in?","role":"user"}],"model":"smollm2","seed":42,"stream":true,"stream_options":{"include_usage":true},"temperature":0.7,"top_p":0.9}"#
        )
    }

    @Test func roundTrips() throws {
        var request = Self.request
        request.stop = ["Doctor:"]
        let decoded = try JSONDecoder().decode(ChatRequest.self, from: request.encoded())
        #expect(decoded == request)
    }
}
