import Foundation
import WardSimLLM

/// Against a real server (e.g. llama-server with SmolLM2): the same request `calls`
/// times through raw libcurl and through `ChatCompletionsClient`, alternately. Prints
/// the reply, the time to first token and to the end for both, and the prompt tokens
/// the server took from its cache (resending the same bytes should hit it every time).
func runAgainstRealUpstream(_ baseURL: String, calls: Int, model: String) async throws {
    let endpoint = try UpstreamEndpoint(baseURL)
    let request = ChatRequest(
        model: model,
        messages: [
            .system(
                "You are Mrs Ellen Patel, 54, a retired teacher, talking to a doctor. Answer in one or two short "
                    + "sentences, in plain words, only from these facts. Facts: you have been very thirsty for three "
                    + "weeks; you pass water many times a day and twice at night."),
            .user("What brings you in today?"),
        ],
        temperature: 0, topP: 1, maxTokens: 48, seed: 42)
    let body = try request.encoded()
    let chat = ChatCompletionsClient(
        endpoint: endpoint, apiKey: APIKey(environment: "WARDSIM_LLM_API_KEY"),
        timeouts: LLMTimeouts(firstToken: .seconds(60), total: .seconds(120)))
    let raw = RawCurl(url: endpoint.chatCompletionsURL, body: body)

    var rawFirst = Samples()
    var rawWhole = Samples()
    var chatFirst = Samples()
    var chatWhole = Samples()
    var texts: Set<String> = []
    var cached: [Int] = []
    let warm = try await chat.complete(request)
    print("reply: \(warm.text.debugDescription)")
    print("finish: \(warm.finishReason?.rawValue ?? "none"), usage: \(String(describing: warm.usage))")
    for _ in 0..<calls {
        var start = now()
        raw.perform()
        rawWhole.add(now() - start)
        rawFirst.add(raw.firstByteAt - start)
        start = now()
        let result = try await chat.complete(request)
        chatWhole.add(now() - start)
        let ttft = result.timeToFirstToken ?? .zero
        chatFirst.add(
            UInt64(ttft.components.seconds) * 1_000_000_000 + UInt64(ttft.components.attoseconds / 1_000_000_000))
        texts.insert(result.text)
        cached.append(result.usage?.cachedPromptTokens ?? -1)
    }
    print("\(calls) calls each through raw libcurl and ChatCompletionsClient, alternating (medians):")
    print(
        String(
            format: "  first token: raw %.1f ms, chat %.1f ms;  whole reply: raw %.1f ms, chat %.1f ms (%+.2f%%)",
            rawFirst.percentile(0.5) / 1000, chatFirst.percentile(0.5) / 1000, rawWhole.percentile(0.5) / 1000,
            chatWhole.percentile(0.5) / 1000, (chatWhole.percentile(0.5) / rawWhole.percentile(0.5) - 1) * 100))
    print("  distinct replies: \(texts.count); cached prompt tokens per call: \(cached)")
}
