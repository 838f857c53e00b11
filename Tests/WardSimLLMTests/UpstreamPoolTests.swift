import Foundation
import Testing
import WardSimHTTP

@testable import WardSimLLM

@Suite("UpstreamPool")
struct UpstreamPoolTests {
    /// An upstream that answers with its own name, so a test can see who served a call.
    private func named(_ name: String) throws -> ScriptedUpstream {
        try ScriptedUpstream(steps: [.delta(name), .finish("stop"), .done])
    }

    @Test func roundRobinOverHealthyUpstreams() async throws {
        let upstreams = try ["a", "b", "c"].map(named)
        let pool = try UpstreamPool(baseURLs: upstreams.map(\.baseURL), timeouts: testTimeouts)
        var served: [String] = []
        for _ in 0..<9 { served.append(try await pool.complete(makeRequest()).text) }
        #expect(served == ["a", "b", "c", "a", "b", "c", "a", "b", "c"])
        #expect(upstreams.map(\.received.count) == [3, 3, 3])
    }

    @Test func concurrentCallsAreSpreadEvenly() async throws {
        let upstreams = try ["a", "b"].map(named)
        let pool = try UpstreamPool(baseURLs: upstreams.map(\.baseURL), timeouts: testTimeouts)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 { group.addTask { _ = try await pool.complete(makeRequest()) } }
            try await group.waitForAll()
        }
        #expect(upstreams.map(\.received.count) == [10, 10])
    }

    @Test func aFailedUpstreamIsSkippedDuringItsCoolDownAndTriedAfter() async throws {
        let metrics = RecordingMetrics()
        let healthy = try named("healthy")
        let flaky = try ScriptedUpstream { _, _ in ScriptedUpstream.plain(500, "oops", contentType: "text/plain") }
        let pool = try UpstreamPool(
            baseURLs: [flaky.baseURL, healthy.baseURL], timeouts: testTimeouts, coolDown: .milliseconds(400),
            maxAttempts: 1, metrics: metrics)

        // First call goes to the flaky one and fails; no failover with maxAttempts 1.
        let error = await llmError { _ = try await pool.complete(makeRequest()) }
        #expect(error?.kind == .http(status: 500))
        #expect(metrics.coolDowns.map(\.0) == ["127.0.0.1:\(flaky.port)"])
        #expect(pool.status[0].restingFor != nil)

        // While it rests, everything goes to the healthy one.
        for _ in 0..<4 { #expect(try await pool.complete(makeRequest()).text == "healthy") }
        #expect(flaky.received.count == 1)

        // After the cool-down it is tried again.
        try await Task.sleep(for: .milliseconds(450))
        #expect(pool.status[0].restingFor == nil)
        _ = await llmError { _ = try await pool.complete(makeRequest()) }
        #expect(flaky.received.count == 2)
        #expect(pool.status[0].consecutiveFailures == 2)
        // The second failure in a row rests it twice as long.
        #expect(metrics.coolDowns.last?.1 == .milliseconds(800))
    }

    @Test func quickFailuresFailOverToTheNextUpstream() async throws {
        let healthy = try named("healthy")
        let dead = try RefusingPort()
        let pool = try UpstreamPool(baseURLs: [dead.baseURL, healthy.baseURL], timeouts: testTimeouts)
        let result = try await pool.complete(makeRequest())
        #expect(result.text == "healthy")
        #expect(pool.status[0].restingFor != nil)
        #expect(pool.status[1].restingFor == nil)
    }

    @Test func status429FailsOverAndHonoursRetryAfter() async throws {
        let busy = try ScriptedUpstream { _, _ in
            ScriptedUpstream.plain(429, "busy", contentType: "text/plain", headers: [("Retry-After", "30")])
        }
        let healthy = try named("healthy")
        let pool = try UpstreamPool(
            baseURLs: [busy.baseURL, healthy.baseURL], timeouts: testTimeouts, coolDown: .seconds(1))
        #expect(try await pool.complete(makeRequest()).text == "healthy")
        let resting = try #require(pool.status[0].restingFor)
        #expect(resting > .seconds(25))
    }

    @Test func noFailoverOnceTextWasDelivered() async throws {
        let cut = try ScriptedUpstream(steps: [.delta("I have a"), .pause(.milliseconds(20))])
        let healthy = try named("healthy")
        let pool = try UpstreamPool(baseURLs: [cut.baseURL, healthy.baseURL], timeouts: testTimeouts)
        let (events, error) = await collect(pool.stream(makeRequest()))
        #expect(events == [.text("I have a")])
        #expect(error?.kind == .malformedStream)
        #expect(healthy.received.isEmpty, "a half-delivered reply must not be followed by another")
    }

    @Test func noFailoverAfterATimeout() async throws {
        let silent = try ScriptedUpstream(steps: [.pause(.seconds(3))])
        let healthy = try named("healthy")
        var timeouts = testTimeouts
        timeouts.firstToken = .milliseconds(200)
        let pool = try UpstreamPool(baseURLs: [silent.baseURL, healthy.baseURL], timeouts: timeouts)
        let error = await llmError { _ = try await pool.complete(makeRequest()) }
        #expect(error?.kind == .timeout(.firstToken))
        #expect(healthy.received.isEmpty)
    }

    @Test func everyUpstreamRestingFailsAtOnce() async throws {
        let metrics = RecordingMetrics()
        let dead = [try RefusingPort(), try RefusingPort()]
        let pool = try UpstreamPool(
            baseURLs: dead.map(\.baseURL), timeouts: testTimeouts, coolDown: .seconds(30), metrics: metrics)
        let first = await llmError { _ = try await pool.complete(makeRequest()) }
        #expect(first?.kind == .connection)
        let start = ContinuousClock.now
        let second = await llmError { _ = try await pool.complete(makeRequest()) }
        #expect(second?.kind == .unavailable)
        #expect(second?.message.contains("resting") == true)
        #expect(ContinuousClock.now - start < .milliseconds(50))
        #expect(metrics.calls.map(\.outcomeLabel) == ["connection", "connection", "unavailable"])
    }

    @Test func requestErrorsDoNotRestAnUpstream() async throws {
        let upstream = try ScriptedUpstream(steps: [.data(#"{"error":{"message":"context too long","code":400}}"#)])
        let pool = try UpstreamPool(baseURLs: [upstream.baseURL], timeouts: testTimeouts)
        let error = await llmError { _ = try await pool.complete(makeRequest()) }
        #expect(error?.kind == .upstream)
        #expect(pool.status[0].restingFor == nil)
    }

    @Test func aSuccessResetsTheFailureCount() async throws {
        let failNext = FailSwitch()
        let upstream = try ScriptedUpstream { _, upstream in
            failNext.take()
                ? ScriptedUpstream.plain(503, "restarting", contentType: "text/plain")
                : upstream.streaming([.delta("ok"), .done])
        }
        failNext.set()
        let pool = try UpstreamPool(baseURLs: [upstream.baseURL], timeouts: testTimeouts, coolDown: .milliseconds(100))
        _ = await llmError { _ = try await pool.complete(makeRequest()) }
        #expect(pool.status[0].consecutiveFailures == 1)
        try await Task.sleep(for: .milliseconds(150))
        #expect(try await pool.complete(makeRequest()).text == "ok")
        #expect(pool.status[0].consecutiveFailures == 0)
    }

    @Test func refusesAnEmptyOrInvalidList() {
        #expect(throws: UpstreamEndpoint.Invalid.self) { try UpstreamPool(baseURLs: []) }
        #expect(throws: UpstreamEndpoint.Invalid.self) { try UpstreamPool(baseURLs: ["http://ok:1", "nope"]) }
    }
}

/// A one-shot flag shared with a server script.
final class FailSwitch: @unchecked Sendable {
    // `lock` protects `armed`.
    private let lock = NSLock()
    private var armed = false
    func set() { lock.withLock { armed = true } }
    func take() -> Bool {
        lock.withLock {
            defer { armed = false }
            return armed
        }
    }
}
