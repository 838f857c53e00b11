import Foundation
import WardSimCore
import WardSimHTTP
import WardSimLLM

extension WardSimApplication {
    /// The LLM voice when `--llm-url` names upstreams, else nil (the scripted voice only).
    ///
    /// Every call is counted on `/metrics` by upstream and outcome, with its latency and
    /// time to first token, so failures that fell back to the script are visible.
    static func makeVoice(_ configuration: AppConfiguration, metrics: Metrics) throws -> (any PatientVoice)? {
        guard !configuration.llmURLs.isEmpty else { return nil }
        let recorder = LLMMetricsHandler(
            onCall: { call in
                metrics.increment(
                    "wardsim_llm_calls_total", labels: ["upstream": call.upstream, "outcome": call.outcomeLabel],
                    help: "Chat-completion calls by upstream and outcome (ok, timeout_*, http_5xx, …).")
                metrics.observe(
                    "wardsim_llm_call_duration_seconds", labels: ["upstream": call.upstream],
                    value: call.durationSeconds, help: "Duration of chat-completion calls.")
                if let first = call.timeToFirstTokenSeconds {
                    metrics.observe(
                        "wardsim_llm_time_to_first_token_seconds", labels: ["upstream": call.upstream], value: first,
                        help: "Time from request to the first streamed token.")
                }
            },
            onCoolDown: { upstream, _ in
                metrics.increment(
                    "wardsim_llm_cooldowns_total", labels: ["upstream": upstream],
                    help: "Times an upstream was skipped for a while after failing.")
            })
        let key = configuration.llmAPIKey.flatMap { APIKey($0) }
        let timeouts = LLMTimeouts.overall(.milliseconds(Int(configuration.llmTimeoutSeconds * 1000)))
        let clients = try configuration.llmURLs.map { url in
            do {
                return ChatCompletionsClient(
                    endpoint: try UpstreamEndpoint(url), apiKey: key, timeouts: timeouts, metrics: recorder)
            } catch {
                throw CommandFailure("--llm-url '\(url)' is not a usable URL: \(error)")
            }
        }
        return LLMPatientVoice(
            upstreams: UpstreamPool(clients: clients, metrics: recorder), model: configuration.llmModel)
    }
}
