/// The parts of chat-completions response JSON that WardSim reads; everything else
/// (ids, `reasoning_content`, logprobs, timings) is left undecoded and so ignored.
///
/// One shape serves streaming chunks (`choices[].delta`) and plain replies
/// (`choices[].message`), because a server may answer either way.
struct CompletionPayload: Decodable {
    var choices: [Choice]?
    var usage: ChatUsage?
    var error: UpstreamErrorPayload?
    /// llama-server's own counters; `cache_n` is its count of prompt tokens reused.
    var timings: Timings?

    struct Choice: Decodable {
        var index: Int?
        var delta: Message?
        var message: Message?
        var finishReason: String?
        enum CodingKeys: String, CodingKey {
            case index, delta, message
            case finishReason = "finish_reason"
        }
    }

    struct Message: Decodable {
        var content: String?
    }

    struct Timings: Decodable {
        var cacheN: Int?
        enum CodingKeys: String, CodingKey { case cacheN = "cache_n" }
    }

    /// The choice with index 0 (or the first one, when servers omit indexes).
    var firstChoice: Choice? {
        choices?.first { ($0.index ?? 0) == 0 } ?? choices?.first
    }
}

/// An error object: `{"message": "…", "type": "…", "code": 400 | "…"}`, or just a string
/// (some servers send `{"error": "…"}`).
struct UpstreamErrorPayload: Decodable {
    var message: String
    var type: String?
    var code: String?

    enum CodingKeys: String, CodingKey { case message, type, code }

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            message = text
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        message = (try? container.decodeIfPresent(String.self, forKey: .message)) ?? "unspecified error"
        type = try? container.decodeIfPresent(String.self, forKey: .type)
        if let number = try? container.decodeIfPresent(Int.self, forKey: .code) {
            code = String(number)
        } else {
            code = try? container.decodeIfPresent(String.self, forKey: .code)
        }
    }
}
