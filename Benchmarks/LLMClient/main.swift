// wardsim-llm-bench: what the LLM client costs over raw libcurl on loopback.
//
//   swift run -c release wardsim-llm-bench [calls] [tokens]
//   swift run -c release wardsim-llm-bench http://127.0.0.1:8081 [calls] [model]
//
// With a URL it measures a real OpenAI-compatible server instead (RealUpstream.swift).
//
// A WardSimHTTP server on 127.0.0.1 answers every request with the same Server-Sent
// Events body (`tokens` content chunks, a finish chunk, a usage chunk, [DONE]).
// Three clients fetch it in alternating rounds, one call at a time:
//   raw      libcurl easy handle reused (keep-alive), curl_easy_perform, bytes counted
//   http     CurlHTTPClient.send (loop thread + AsyncThrowingStream, no parsing)
//   chat     ChatCompletionsClient.complete (the above + SSE + JSON decoding)
// It prints per-call latency (mean, p50, p99) and the overhead over raw; then, against a
// paced stream (first token after 30 ms, then one every 10 ms, like a small model), the
// time to first token and to the end for raw libcurl and the chat client; then the SSE
// parser's throughput on an in-memory body, and the chat client's throughput with 32
// calls in flight.
import CCurl
import Foundation
import WardSimHTTP
import WardSimLLM

let arguments = CommandLine.arguments
if arguments.count > 1, arguments[1].hasPrefix("http") {
    try await runAgainstRealUpstream(
        arguments[1], calls: arguments.count > 2 ? Int(arguments[2]) ?? 10 : 10,
        model: arguments.count > 3 ? arguments[3] : "default")
    exit(0)
}
let calls = arguments.count > 1 ? Int(arguments[1]) ?? 2000 : 2000
let tokens = arguments.count > 2 ? Int(arguments[2]) ?? 64 : 64

// MARK: - The upstream

func chunk(_ delta: String, finish: String? = nil) -> String {
    let reason = finish.map { "\"\($0)\"" } ?? "null"
    return
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"bench","choices":[{"index":0,"delta":{"content":"\#(delta)"},"finish_reason":\#(reason)}]}"#
}
var sse = ""
for index in 0..<tokens { sse += "data: \(chunk(index == 0 ? "I" : " word\(index)"))\n\n" }
sse += "data: \(chunk("", finish: "stop"))\n\n"
sse +=
    #"data: {"choices":[],"usage":{"prompt_tokens":120,"completion_tokens":\#(tokens),"total_tokens":\#(120 + tokens)}}"#
    + "\n\n"
sse += "data: [DONE]\n\n"
let body = Data(sse.utf8)

/// The paced stream: what a model generating at 100 tokens/s looks like on the wire.
let pacedTokens = 10
func paced() -> Response {
    let stream = EventStream()
    Task {
        try? await Task.sleep(for: .milliseconds(30))
        for index in 0..<pacedTokens {
            stream.send(data: chunk(index == 0 ? "I" : " word\(index)"))
            try? await Task.sleep(for: .milliseconds(10))
        }
        stream.send(data: chunk("", finish: "stop"))
        stream.send(data: "[DONE]")
        stream.finish()
    }
    return .eventStream(stream)
}

var router = Router()
router.add(.post, "/paced/v1/chat/completions", .async { _ in paced() })
router.add(
    .post, "/v1/chat/completions",
    .sync { _ in
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/event-stream")
        return Response(status: 200, headers: headers, body: .bytes(body))
    })
var configuration = ServerConfiguration()
configuration.port = 0
configuration.threads = 1
let server = HTTPServer(configuration: configuration, router: router, logger: NullLogger())
try server.start()
let url = "http://127.0.0.1:\(server.port)/v1/chat/completions"

let request = ChatRequest(
    model: "bench",
    messages: [.system(String(repeating: "You are a patient. ", count: 20)), .user("Why are you here?")],
    temperature: 0.2, topP: 0.95, maxTokens: 128, seed: 1)
let requestBody = try request.encoded()

// MARK: - Raw libcurl

/// The best plain libcurl can do: one easy handle reused for keep-alive.
final class RawCurl {
    let handle: UnsafeMutableRawPointer
    var headers: UnsafeMutablePointer<curl_slist>?
    var received = 0
    var firstByteAt: UInt64 = 0
    let body: Data

    init(url: String, body: Data) {
        self.body = body
        _ = ccurl_global_init_default()
        handle = curl_easy_init()
        headers = curl_slist_append(nil, "Content-Type: application/json")
        headers = curl_slist_append(headers, "Accept: text/event-stream, application/json")
        headers = curl_slist_append(headers, "Expect:")
        _ = ccurl_setopt_string(handle, CURLOPT_URL, url)
        _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
        _ = ccurl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION) { _, size, count, user in
            let raw = Unmanaged<RawCurl>.fromOpaque(user!).takeUnretainedValue()
            if raw.firstByteAt == 0 { raw.firstByteAt = DispatchTime.now().uptimeNanoseconds }
            raw.received += size * count
            return size * count
        }
        _ = ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(self).toOpaque())
    }

    func perform() {
        firstByteAt = 0
        received = 0
        _ = ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
        body.withUnsafeBytes {
            _ = ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress))
        }
        let code = curl_easy_perform(handle)
        precondition(code == CURLE_OK, String(cString: curl_easy_strerror(code)))
    }
}

// MARK: - Measuring

struct Samples {
    init() {}
    var nanos: [UInt64] = []
    mutating func add(_ value: UInt64) { nanos.append(value) }
    var sorted: [UInt64] { nanos.sorted() }
    var mean: Double { Double(nanos.reduce(0, +)) / Double(max(1, nanos.count)) / 1000 }
    func percentile(_ p: Double) -> Double {
        let values = sorted
        return Double(values[min(values.count - 1, Int(Double(values.count) * p))]) / 1000
    }
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

let raw = RawCurl(url: url, body: requestBody)
let httpRequest = HTTPRequest(
    url: url,
    headers: [
        HTTPField(name: "Content-Type", value: "application/json"),
        HTTPField(name: "Accept", value: "text/event-stream, application/json"),
    ], body: requestBody)
let chat = ChatCompletionsClient(endpoint: try UpstreamEndpoint("http://127.0.0.1:\(server.port)"))

// Warm up all three (connections, caches, lazy initialisation).
for _ in 0..<50 {
    raw.perform()
    _ = try await CurlHTTPClient.shared.send(httpRequest)
    _ = try await chat.complete(request)
}

var rawSamples = Samples()
var httpSamples = Samples()
var chatSamples = Samples()
let rounds = 10
for _ in 0..<rounds {
    for _ in 0..<(calls / rounds) {
        let start = now()
        raw.perform()
        rawSamples.add(now() - start)
    }
    for _ in 0..<(calls / rounds) {
        let start = now()
        let (_, data) = try await CurlHTTPClient.shared.send(httpRequest)
        precondition(data.count == body.count)
        httpSamples.add(now() - start)
    }
    for _ in 0..<(calls / rounds) {
        let start = now()
        let result = try await chat.complete(request)
        precondition(result.finishReason == .stop)
        chatSamples.add(now() - start)
    }
}

func line(_ name: String, _ samples: Samples, raw rawSamples: Samples) -> String {
    let overhead = samples.mean - rawSamples.mean
    return String(
        format: "%-6@ mean %8.1f µs   p50 %8.1f µs   p99 %8.1f µs   over raw %+7.1f µs (%+.0f%%)", name as NSString,
        samples.mean, samples.percentile(0.5), samples.percentile(0.99), overhead, overhead / rawSamples.mean * 100)
}
print("loopback, \(calls) sequential calls each, reply of \(tokens) tokens = \(body.count) bytes of SSE")
print(line("raw", rawSamples, raw: rawSamples))
print(line("http", httpSamples, raw: rawSamples))
print(line("chat", chatSamples, raw: rawSamples))

// MARK: - Paced stream: time to first token

let pacedRaw = RawCurl(url: "http://127.0.0.1:\(server.port)/paced/v1/chat/completions", body: requestBody)
let pacedChat = ChatCompletionsClient(endpoint: try UpstreamEndpoint("http://127.0.0.1:\(server.port)/paced"))
var rawFirst = Samples()
var rawWhole = Samples()
var chatFirst = Samples()
var chatWhole = Samples()
let pacedCalls = max(20, calls / 20)
for _ in 0..<5 {
    pacedRaw.perform()
    _ = try await pacedChat.complete(request)
}
for _ in 0..<pacedCalls {
    var start = now()
    pacedRaw.perform()
    rawWhole.add(now() - start)
    rawFirst.add(pacedRaw.firstByteAt - start)
    start = now()
    let result = try await pacedChat.complete(request)
    chatWhole.add(now() - start)
    chatFirst.add(
        UInt64(result.timeToFirstToken!.components.attoseconds / 1_000_000_000) + UInt64(
            result.timeToFirstToken!.components.seconds) * 1_000_000_000)
}
print("paced stream (30 ms to the first token, then 10 ms each), \(pacedCalls) calls each:")
print(
    String(
        format:
            "  first token: raw %.2f ms, chat %.2f ms (%+.2f ms);  whole reply: raw %.2f ms, chat %.2f ms (%+.2f%%)",
        rawFirst.percentile(0.5) / 1000, chatFirst.percentile(0.5) / 1000,
        (chatFirst.percentile(0.5) - rawFirst.percentile(0.5)) / 1000, rawWhole.percentile(0.5) / 1000,
        chatWhole.percentile(0.5) / 1000, (chatWhole.percentile(0.5) / rawWhole.percentile(0.5) - 1) * 100))

// MARK: - Parser throughput

var bigBody = [UInt8]()
while bigBody.count < 16 << 20 { bigBody += Array(sse.utf8) }
var parser = ServerSentEventParser()
var events = 0
let parseStart = now()
var offset = 0
while offset < bigBody.count {
    let end = min(offset + 1500, bigBody.count)  // packet-sized chunks
    events += parser.push(bigBody[offset..<end]).count
    offset = end
}
let parseSeconds = Double(now() - parseStart) / 1e9
print(
    String(
        format: "SSE parser: %.0f MB/s, %.2f M events/s (1500-byte chunks)", Double(bigBody.count) / parseSeconds / 1e6,
        Double(events) / parseSeconds / 1e6))

// MARK: - Concurrency

let concurrent = 32
let total = calls
let concurrencyStart = now()
try await withThrowingTaskGroup(of: Void.self) { group in
    var started = 0
    while started < concurrent {
        group.addTask { _ = try await chat.complete(request) }
        started += 1
    }
    while try await group.next() != nil {
        if started < total {
            group.addTask { _ = try await chat.complete(request) }
            started += 1
        }
    }
}
let concurrencySeconds = Double(now() - concurrencyStart) / 1e9
print(String(format: "chat client, %d in flight: %.0f calls/s", concurrent, Double(total) / concurrencySeconds))
let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
let rss =
    status.split(separator: "\n").first { $0.hasPrefix("VmRSS") }.map {
        $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ")
    } ?? "?"
print("resident memory at the end: \(rss)")
server.stop()
