import Foundation
import Testing
import WardSimHTTP

@testable import WardSimLLM

/// The client against a real HTTP peer on loopback that speaks the wire format and
/// misbehaves on demand.
@Suite("ChatCompletionsClient")
struct ChatCompletionsClientTests {
    // MARK: - The happy path and the wire format

    @Test func streamsDeltasFinishAndUsage() async throws {
        let upstream = try ScriptedUpstream(steps: ScriptedUpstream.normalSteps)
        let (events, error) = await collect(try client(upstream.baseURL).stream(makeRequest()))
        #expect(error == nil)
        #expect(
            events == [
                .text("Hello"), .text(" there"), .finish(.stop),
                .usage(ChatUsage(promptTokens: 12, completionTokens: 2, totalTokens: 14)),
            ])
    }

    @Test func completeCollectsTextAndTimings() async throws {
        let upstream = try ScriptedUpstream(steps: [.pause(.milliseconds(150))] + ScriptedUpstream.normalSteps)
        let result = try await client(upstream.baseURL).complete(makeRequest())
        #expect(result.text == "Hello there")
        #expect(result.finishReason == .stop)
        #expect(result.usage?.completionTokens == 2)
        let firstToken = try #require(result.timeToFirstToken)
        #expect(firstToken >= .milliseconds(150))
        #expect(result.totalTime >= firstToken)
    }

    @Test func sendsExplicitSamplingAndAStableBody() async throws {
        let upstream = try ScriptedUpstream(steps: ScriptedUpstream.normalSteps)
        let chat = try client(upstream.baseURL + "/v1/", key: "sk-wardsim-test")
        _ = try await chat.complete(makeRequest())
        _ = try await chat.complete(makeRequest())
        let requests = upstream.received
        try #require(requests.count == 2)
        #expect(requests[0].path == "/v1/chat/completions")
        #expect(requests[0].body == requests[1].body, "identical input must give byte-identical bodies")
        #expect(requests[0].body == (try makeRequest().encoded()))
        let json = try #require(try JSONSerialization.jsonObject(with: requests[0].body) as? [String: Any])
        #expect(json["temperature"] as? Double == 0.2)
        #expect(json["top_p"] as? Double == 0.95)
        #expect(json["max_tokens"] as? Int == 64)
        #expect(json["seed"] as? Int == 7)
        #expect(json["stream"] as? Bool == true)
        #expect(requests[0].headers["Authorization"] == "Bearer sk-wardsim-test")
        #expect(requests[0].headers["Content-Type"] == "application/json")
        #expect(requests[0].headers["Expect"] == nil)
    }

    @Test func consecutiveCallsReuseTheConnection() async throws {
        let upstream = try ScriptedUpstream(steps: ScriptedUpstream.normalSteps)
        let chat = try client(upstream.baseURL)
        for _ in 0..<5 { _ = try await chat.complete(makeRequest()) }
        #expect(upstream.received.count == 5)
        #expect(upstream.openConnections == 1, "one kept-alive connection served all five calls")
    }

    @Test func theEndOfTheBodyAfterDoneIsDrainedSoTheConnectionIsKept() async throws {
        // The chunked terminator comes 200 ms after [DONE], as a separate packet.
        let upstream = try ScriptedUpstream(steps: ScriptedUpstream.normalSteps + [.pause(.milliseconds(200))])
        let chat = try client(upstream.baseURL)
        var durations: [Duration] = []
        for _ in 0..<3 {
            let start = ContinuousClock.now
            _ = try await chat.complete(makeRequest())
            durations.append(ContinuousClock.now - start)
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(upstream.openConnections == 1)
        // Had the caller waited for the drain, every call would take 200 ms or more.
        #expect(durations.min()! < .milliseconds(150), "\(durations)")
    }

    @Test func aBodyThatGoesOnAfterDoneIsAbandonedAfterTheGrace() async throws {
        let upstream = try ScriptedUpstream(steps: [.delta("Yes."), .done, .forever(interval: .milliseconds(20))])
        let start = ContinuousClock.now
        #expect(try await client(upstream.baseURL).complete(makeRequest()).text == "Yes.")
        #expect(ContinuousClock.now - start < .milliseconds(200))
        #expect(await eventually(within: .seconds(2)) { upstream.openedStreams.first?.isCancelled == true })
    }

    @Test func noAuthorizationHeaderWithoutAKey() async throws {
        let upstream = try ScriptedUpstream(steps: ScriptedUpstream.normalSteps)
        _ = try await client(upstream.baseURL).complete(makeRequest())
        #expect(upstream.received.first?.headers["Authorization"] == nil)
    }

    @Test func aPathPrefixIsKept() async throws {
        let upstream = try ScriptedUpstream(steps: ScriptedUpstream.normalSteps)
        _ = try await client(upstream.baseURL + "/other/v1").complete(makeRequest())
        #expect(upstream.received.first?.path == "/other/v1/chat/completions")
    }

    @Test func usageChunkWithEmptyChoices() async throws {
        let upstream = try ScriptedUpstream(steps: [
            .delta("Hi"), .finish("length"), .comment,
            .data(
                #"{"choices":[],"usage":{"prompt_tokens":30,"completion_tokens":1,"total_tokens":31,"prompt_tokens_details":{"cached_tokens":24}}}"#
            ),
            .done,
        ])
        let result = try await client(upstream.baseURL).complete(makeRequest())
        #expect(result.text == "Hi")
        #expect(result.finishReason == .length)
        #expect(
            result.usage == ChatUsage(promptTokens: 30, completionTokens: 1, totalTokens: 31, cachedPromptTokens: 24))
    }

    @Test func llamaServerTimingsGiveCachedTokens() async throws {
        let upstream = try ScriptedUpstream(steps: [
            .delta("Hi"),
            .data(
                #"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":40,"completion_tokens":1,"total_tokens":41},"timings":{"cache_n":33,"prompt_n":7}}"#
            ),
            .done,
        ])
        let result = try await client(upstream.baseURL).complete(makeRequest())
        #expect(result.usage?.cachedPromptTokens == 33)
    }

    @Test func reasoningContentIsIgnored() async throws {
        let upstream = try ScriptedUpstream(steps: [
            .reasoning("The patient should say..."), .reasoning(" thinking more"), .delta("My chest hurts."),
            .data(
                #"{"choices":[{"index":0,"delta":{"content":null,"reasoning_content":"done"},"finish_reason":null}]}"#),
            .finish("stop"), .done,
        ])
        let result = try await client(upstream.baseURL).complete(makeRequest())
        #expect(result.text == "My chest hurts.")
    }

    @Test func plainJSONReplyWhenTheServerIgnoresStreaming() async throws {
        let upstream = try ScriptedUpstream { _, _ in
            ScriptedUpstream.plain(
                200,
                #"{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Since Tuesday."},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}"#
            )
        }
        let result = try await client(upstream.baseURL).complete(makeRequest())
        #expect(result.text == "Since Tuesday.")
        #expect(result.finishReason == .stop)
        #expect(result.usage?.totalTokens == 12)
    }

    @Test func plainJSONWithAWrongContentTypeIsSniffed() async throws {
        let upstream = try ScriptedUpstream { _, _ in
            ScriptedUpstream.plain(
                200, #"  {"choices":[{"message":{"content":"Yes."},"finish_reason":"stop"}]}"#,
                contentType: "text/plain")
        }
        #expect(try await client(upstream.baseURL).complete(makeRequest()).text == "Yes.")
    }

    @Test func finishWithoutDoneIsAccepted() async throws {
        let upstream = try ScriptedUpstream(steps: [.delta("Fine."), .finish("stop")])
        #expect(try await client(upstream.baseURL).complete(makeRequest()).text == "Fine.")
    }

    // MARK: - Misbehaviour

    @Test func slowFirstTokenTimesOutWithinTheLimit() async throws {
        let upstream = try ScriptedUpstream(steps: [.pause(.seconds(5))] + ScriptedUpstream.normalSteps)
        var timeouts = testTimeouts
        timeouts.firstToken = .milliseconds(400)
        let chat = try client(upstream.baseURL, timeouts: timeouts)
        let start = ContinuousClock.now
        let error = await llmError { _ = try await chat.complete(makeRequest()) }
        let elapsed = ContinuousClock.now - start
        #expect(error?.kind == .timeout(.firstToken))
        #expect(elapsed >= .milliseconds(400))
        #expect(elapsed < .milliseconds(900), "took \(elapsed)")
    }

    @Test func aSilentServerIsHungUpOnAtTheFirstTokenDeadline() async throws {
        // Headers, then nothing: the server is "thinking". (WardSimHTTP only notices a
        // hang-up when it next writes, so a raw peer watches the socket instead.)
        let peer = try RawPeer([.write(RawPeer.eventStreamHead)])
        var timeouts = testTimeouts
        timeouts.firstToken = .milliseconds(300)
        let error = await llmError { _ = try await client(peer.baseURL, timeouts: timeouts).complete(makeRequest()) }
        #expect(error?.kind == .timeout(.firstToken))
        #expect(await eventually(within: .milliseconds(500)) { peer.clientHangUps == 1 })
    }

    @Test func aStallMidStreamTimesOut() async throws {
        let upstream = try ScriptedUpstream(steps: [.delta("I have"), .pause(.seconds(5)), .delta(" pain"), .done])
        var timeouts = testTimeouts
        timeouts.stall = .milliseconds(300)
        let start = ContinuousClock.now
        let (events, error) = await collect(try client(upstream.baseURL, timeouts: timeouts).stream(makeRequest()))
        #expect(events == [.text("I have")])
        #expect(error?.kind == .timeout(.stall))
        #expect(ContinuousClock.now - start < .milliseconds(1000))
    }

    @Test func anEndlessStreamIsEndedByTheTotalTimeout() async throws {
        let upstream = try ScriptedUpstream(steps: [.forever(interval: .milliseconds(20))])
        var timeouts = testTimeouts
        timeouts.total = .milliseconds(600)
        let start = ContinuousClock.now
        let (events, error) = await collect(try client(upstream.baseURL, timeouts: timeouts).stream(makeRequest()))
        let elapsed = ContinuousClock.now - start
        #expect(error?.kind == .timeout(.total))
        #expect(events.count > 5)
        #expect(elapsed >= .milliseconds(600) && elapsed < .milliseconds(1200), "took \(elapsed)")
        #expect(await eventually { upstream.openedStreams.first?.isCancelled == true }, "the connection was closed")
    }

    @Test func aStreamThatEndsEarlyIsIncomplete() async throws {
        let upstream = try ScriptedUpstream(steps: [.delta("I've had this for"), .pause(.milliseconds(50))])
        let (events, error) = await collect(try client(upstream.baseURL).stream(makeRequest()))
        #expect(events == [.text("I've had this for")])
        #expect(error?.kind == .malformedStream)
        #expect(error?.message.contains("incomplete") == true)
    }

    @Test func aConnectionCutMidChunkIsAConnectionError() async throws {
        let peer = try RawPeer([
            .write(RawPeer.eventStreamHead),
            .write(RawPeer.chunk("data: " + ScriptedUpstream.chunk(delta: ["content": "It started"]) + "\n\n")),
            .pause(.milliseconds(50)),
            .write(Array("40\r\ndata: {\"choi".utf8)),
            .close(reset: false),
        ])
        let (events, error) = await collect(try client(peer.baseURL).stream(makeRequest()))
        #expect(events == [.text("It started")])
        #expect(error?.kind == .connection)
        #expect(error?.message.isEmpty == false)
    }

    @Test func aResetConnectionIsAConnectionError() async throws {
        let peer = try RawPeer([.write(RawPeer.eventStreamHead), .pause(.milliseconds(30)), .close(reset: true)])
        let error = await llmError { _ = try await client(peer.baseURL).complete(makeRequest()) }
        #expect(error?.kind == .connection)
    }

    @Test func status500IsAnHTTPErrorWithAnExcerpt() async throws {
        let upstream = try ScriptedUpstream { _, _ in
            ScriptedUpstream.plain(500, #"{"error":{"message":"model crashed","type":"server_error","code":500}}"#)
        }
        let error = await llmError { _ = try await client(upstream.baseURL).complete(makeRequest()) }
        #expect(error?.kind == .http(status: 500))
        #expect(error?.bodyExcerpt == "model crashed")
        #expect(error?.upstream == "127.0.0.1:\(upstream.port)")
    }

    @Test func llamaServerContextOverflowIsARequestError() async throws {
        // llama-server's own answer to a prompt longer than a slot's context.
        let upstream = try ScriptedUpstream { _, _ in
            ScriptedUpstream.plain(
                400,
                #"{"error":{"code":400,"message":"request (3031 tokens) exceeds the available context size (1024 tokens), try increasing it","type":"exceed_context_size_error","n_prompt_tokens":3031,"n_ctx":1024}}"#
            )
        }
        let error = await llmError { _ = try await client(upstream.baseURL).complete(makeRequest()) }
        #expect(error?.kind == .http(status: 400))
        #expect(error?.bodyExcerpt?.hasPrefix("request (3031 tokens) exceeds") == true)
        #expect(error?.indictsUpstream == false, "the request's fault: the server need not rest")
    }

    @Test func status429CarriesRetryAfter() async throws {
        let upstream = try ScriptedUpstream { _, _ in
            ScriptedUpstream.plain(429, "slow down", contentType: "text/plain", headers: [("Retry-After", "7")])
        }
        let error = await llmError { _ = try await client(upstream.baseURL).complete(makeRequest()) }
        #expect(error?.kind == .http(status: 429))
        #expect(error?.retryAfter == .seconds(7))
        #expect(error?.bodyExcerpt == "slow down")
    }

    @Test func garbageEventStreamIsMalformed() async throws {
        let upstream = try ScriptedUpstream(steps: [.data("<html>not json</html>"), .done])
        let error = await llmError { _ = try await client(upstream.baseURL).complete(makeRequest()) }
        #expect(error?.kind == .malformedStream)
        #expect(error?.message.contains("not a chat chunk") == true)
    }

    @Test func endlessGarbageIsRefusedEarly() async throws {
        let line = String(repeating: "x", count: 1000) + "\n"
        let peer = try RawPeer(
            [.write(RawPeer.eventStreamHead)] + Array(repeating: .write(RawPeer.chunk(line)), count: 200))
        let start = ContinuousClock.now
        let error = await llmError { _ = try await client(peer.baseURL).complete(makeRequest()) }
        #expect(error?.kind == .malformedStream)
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test func aReplyThatIsNotHTTPIsMalformed() async throws {
        let peer = try RawPeer([.write(Array("garbage garbage garbage\r\n\r\n".utf8)), .close(reset: false)])
        let error = await llmError { _ = try await client(peer.baseURL).complete(makeRequest()) }
        #expect(error?.kind == .malformedStream)
        #expect(error?.message.isEmpty == false)
    }

    @Test func anEmptyBodyIsMalformed() async throws {
        let upstream = try ScriptedUpstream { _, _ in ScriptedUpstream.plain(200, "", contentType: "text/event-stream")
        }
        let error = await llmError { _ = try await client(upstream.baseURL).complete(makeRequest()) }
        #expect(error?.kind == .malformedStream)
    }

    @Test func errorObjectBeforeTheStream() async throws {
        let upstream = try ScriptedUpstream(steps: [
            .data(
                #"{"error":{"message":"the request exceeds the available context size","type":"exceed_context_size_error","code":400}}"#
            )
        ])
        let (events, error) = await collect(try client(upstream.baseURL).stream(makeRequest()))
        #expect(events.isEmpty)
        #expect(error?.kind == .upstream)
        #expect(error?.message == "the request exceeds the available context size")
        #expect(error?.upstreamType == "exceed_context_size_error")
        #expect(error?.upstreamCode == "400")
    }

    @Test func errorObjectMidStream() async throws {
        let upstream = try ScriptedUpstream(steps: [
            .delta("I feel"), .data(#"{"error":{"message":"slot unavailable","type":"server_error"}}"#),
            .delta(" never"),
        ])
        let (events, error) = await collect(try client(upstream.baseURL).stream(makeRequest()))
        #expect(events == [.text("I feel")])
        #expect(error?.kind == .upstream)
        #expect(error?.message == "slot unavailable")
    }

    @Test func namedErrorEventMidStream() async throws {
        let upstream = try ScriptedUpstream(steps: [
            .delta("Well"), .event("error", data: #"{"message":"overloaded","code":"busy"}"#),
        ])
        let (events, error) = await collect(try client(upstream.baseURL).stream(makeRequest()))
        #expect(events == [.text("Well")])
        #expect(error?.kind == .upstream)
        #expect(error?.upstreamCode == "busy")
    }

    @Test func llamaCppErrorLine() async throws {
        let peer = try RawPeer([
            .write(RawPeer.eventStreamHead),
            .write(
                RawPeer.chunk(#"error: {"code":500,"message":"llama_decode failed","type":"server_error"}"# + "\n\n")),
            .write(RawPeer.lastChunk),
        ])
        let error = await llmError { _ = try await client(peer.baseURL).complete(makeRequest()) }
        #expect(error?.kind == .upstream)
        #expect(error?.message == "llama_decode failed")
    }

    @Test func utf8SplitAcrossTCPWritesArrivesWhole() async throws {
        let event = Array(
            ("data: " + ScriptedUpstream.chunk(delta: ["content": "Mi duele la cabeza 🤕 — 头痛"]) + "\r\n\r\n").utf8)
        let emoji = event.firstIndex(of: 0xF0)!
        let done = Array("data: [DONE]\r\n\r\n".utf8)
        let peer = try RawPeer([
            .write(RawPeer.eventStreamHead),
            // Split inside the emoji, and the chunk framing separately from the payload.
            .write(RawPeer.chunk(Array(event[..<(emoji + 2)]))), .pause(.milliseconds(40)),
            .write(RawPeer.chunk(Array(event[(emoji + 2)...]) + Array(done.prefix(3)))), .pause(.milliseconds(40)),
            .write(RawPeer.chunk(Array(done.dropFirst(3)))), .write(RawPeer.lastChunk),
        ])
        let result = try await client(peer.baseURL).complete(makeRequest())
        #expect(result.text == "Mi duele la cabeza 🤕 — 头痛")
    }

    @Test func connectionRefusedFailsFast() async throws {
        let dead = try RefusingPort()
        let start = ContinuousClock.now
        let error = await llmError { _ = try await client(dead.baseURL).complete(makeRequest()) }
        #expect(error?.kind == .connection)
        #expect(error?.message.contains("onnect") == true, "curl's own words: \(error?.message ?? "")")
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    // MARK: - The API key stays secret

    @Test func theKeyNeverAppearsInErrors() async throws {
        let key = "sk-very-secret-0123456789"
        // A proxy that echoes request headers back, in a 502 body and in an error object.
        let echoing = try ScriptedUpstream { request, _ in
            let auth = request.headers["Authorization"] ?? ""
            return ScriptedUpstream.plain(502, #"{"error":{"message":"bad gateway for \#(auth)"}}"#)
        }
        let echoingMidStream = try ScriptedUpstream { request, upstream in
            let auth = request.headers["Authorization"] ?? ""
            return upstream.streaming([
                .data(#"{"error":{"message":"denied \#(auth)","type":"\#(auth)","code":"\#(auth)"}}"#)
            ])
        }
        for url in [echoing.baseURL, echoingMidStream.baseURL] {
            let error = await llmError { _ = try await client(url, key: key).complete(makeRequest()) }
            let error2 = try #require(error)
            #expect(echoing.received.isEmpty || echoing.received[0].headers["Authorization"] == "Bearer \(key)")
            for text in [
                "\(error2)", String(reflecting: error2), error2.message, error2.bodyExcerpt ?? "",
                error2.upstreamType ?? "",
                error2.upstreamCode ?? "",
            ] {
                #expect(!text.contains(key), "leaked in: \(text)")
            }
            #expect("\(error2)".contains("[redacted]"))
        }
    }

    // MARK: - Cancellation and concurrency

    @Test func cancellingTheCallerClosesTheUpstreamConnection() async throws {
        let upstream = try ScriptedUpstream(steps: [.delta("Well,"), .forever(interval: .milliseconds(50))])
        let chat = try client(upstream.baseURL)
        let task = Task { try await chat.complete(makeRequest()) }
        #expect(await eventually { !upstream.openedStreams.isEmpty })
        try await Task.sleep(for: .milliseconds(100))
        let cancelledAt = ContinuousClock.now
        task.cancel()
        let result = await task.result
        #expect(throws: LLMError.self) { try result.get() }
        if case .failure(let error as LLMError) = result { #expect(error.kind == .cancelled) }
        #expect(await eventually { upstream.openedStreams.first?.isCancelled == true })
        #expect(ContinuousClock.now - cancelledAt < .milliseconds(500))
    }

    @Test func droppingTheStreamAfterTheFirstTokenClosesTheConnection() async throws {
        let upstream = try ScriptedUpstream(steps: [.delta("Yes"), .forever(interval: .milliseconds(30))])
        for try await event in try client(upstream.baseURL).stream(makeRequest()) {
            #expect(event == .text("Yes"))
            break
        }
        #expect(await eventually { upstream.openedStreams.first?.isCancelled == true })
    }

    @Test func slowCallsDoNotBlockTheCooperativePool() async throws {
        let upstream = try ScriptedUpstream(
            threads: 4, steps: [.pause(.milliseconds(600))] + ScriptedUpstream.normalSteps)
        let chat = try client(upstream.baseURL)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<16 {
                group.addTask { _ = try await chat.complete(makeRequest()) }
            }
            // With 16 calls waiting on the network, plain async work must still run at once.
            try await Task.sleep(for: .milliseconds(100))
            let start = ContinuousClock.now
            let sum = await Task { (1...1000).reduce(0, +) }.value
            #expect(sum == 500_500)
            #expect(ContinuousClock.now - start < .milliseconds(100))
            try await group.waitForAll()
        }
        #expect(upstream.received.count == 16)
    }

    // MARK: - Metrics

    @Test func reportsEachCallToTheRecorder() async throws {
        let metrics = RecordingMetrics()
        let good = try ScriptedUpstream(steps: ScriptedUpstream.normalSteps)
        let bad = try ScriptedUpstream { _, _ in ScriptedUpstream.plain(503, "busy", contentType: "text/plain") }
        _ = try await client(good.baseURL, metrics: metrics).complete(makeRequest())
        _ = await llmError { _ = try await client(bad.baseURL, metrics: metrics).complete(makeRequest()) }
        let calls = metrics.calls
        try #require(calls.count == 2)
        #expect(calls[0].outcomeLabel == "ok")
        #expect(calls[0].upstream == "127.0.0.1:\(good.port)")
        #expect(calls[0].usage?.promptTokens == 12)
        #expect(calls[0].timeToFirstToken != nil)
        #expect(calls[1].outcomeLabel == "http_5xx")
        #expect(calls[1].durationSeconds > 0)
    }

    @Test func stoppingAfterTheFinishReasonCountsAsSuccess() async throws {
        let metrics = RecordingMetrics()
        let upstream = try ScriptedUpstream(steps: [
            .delta("Yes."), .finish("stop"), .pause(.milliseconds(300)), .usage(prompt: 1, completion: 1), .done,
        ])
        for try await event in try client(upstream.baseURL, metrics: metrics).stream(makeRequest()) {
            if case .finish = event { break }
        }
        #expect(await eventually { metrics.calls.count == 1 })
        #expect(metrics.calls.first?.outcomeLabel == "ok")
    }
}
