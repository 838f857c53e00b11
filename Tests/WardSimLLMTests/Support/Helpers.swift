import Foundation
import Testing

@testable import WardSimLLM

/// A short request; tests vary the model name only when the script looks at it.
func makeRequest(_ text: String = "What brings you in today?", model: String = "test") -> ChatRequest {
    ChatRequest(
        model: model, messages: [.system("You are a patient."), .user(text)], temperature: 0.2, topP: 0.95,
        maxTokens: 64, seed: 7)
}

/// Timeouts short enough for tests, long enough for a loaded 2-core machine.
let testTimeouts = LLMTimeouts(
    connect: .seconds(2), firstToken: .milliseconds(1500), stall: .milliseconds(1500), total: .seconds(10))

func client(
    _ baseURL: String, key: String? = nil, timeouts: LLMTimeouts = testTimeouts,
    metrics: (any LLMMetricsRecorder)? = nil
) throws -> ChatCompletionsClient {
    ChatCompletionsClient(
        endpoint: try UpstreamEndpoint(baseURL), apiKey: key.flatMap(APIKey.init), timeouts: timeouts, metrics: metrics)
}

/// Runs `body` and returns the `LLMError` it threw, recording an issue otherwise.
func llmError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> LLMError? {
    do {
        try await body()
        Issue.record("expected an LLMError, got success", sourceLocation: sourceLocation)
    } catch let error as LLMError {
        return error
    } catch {
        Issue.record("expected an LLMError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// Collects what a stream yielded before it ended, and how it ended.
func collect(_ stream: AsyncThrowingStream<ChatStreamEvent, any Error>) async -> ([ChatStreamEvent], LLMError?) {
    var events: [ChatStreamEvent] = []
    do {
        for try await event in stream { events.append(event) }
        return (events, nil)
    } catch {
        return (events, error as? LLMError)
    }
}

/// Waits until `condition` holds or `timeout` passes; returns whether it held.
func eventually(within timeout: Duration = .seconds(3), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// Records every call, for assertions on metrics.
final class RecordingMetrics: LLMMetricsRecorder, @unchecked Sendable {
    // `lock` protects `calls` and `coolDowns`.
    private let lock = NSLock()
    private var storedCalls: [LLMCallRecord] = []
    private var storedCoolDowns: [(String, Duration)] = []
    func recordCall(_ call: LLMCallRecord) { lock.withLock { storedCalls.append(call) } }
    func recordCoolDown(upstream: String, duration: Duration) {
        lock.withLock { storedCoolDowns.append((upstream, duration)) }
    }
    var calls: [LLMCallRecord] { lock.withLock { storedCalls } }
    var coolDowns: [(String, Duration)] { lock.withLock { storedCoolDowns } }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
