import Foundation

/// A small Prometheus registry: labelled counters and histograms, rendered as text.
///
/// Shared by the server (requests, latency, connections) and the application (LLM calls),
/// so there is one `/metrics` page.
public final class Metrics: @unchecked Sendable {
    // `lock` protects `counters`, `histograms` and `gauges`.
    private let lock = NSLock()
    private var counters: [String: [String: Double]] = [:]
    private var histograms: [String: [String: Histogram]] = [:]
    private var gauges: [String: @Sendable () -> Double] = [:]
    private var help: [String: String] = [:]

    /// Latency buckets in seconds.
    public static let latencyBuckets: [Double] = [
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    struct Histogram {
        var buckets: [Double]
        var counts: [Int]
        var sum: Double = 0
        var count: Int = 0

        init(buckets: [Double]) {
            self.buckets = buckets
            self.counts = Array(repeating: 0, count: buckets.count)
        }

        mutating func observe(_ value: Double) {
            for (index, bound) in buckets.enumerated() where value <= bound { counts[index] += 1 }
            sum += value
            count += 1
        }
    }

    /// Request counts and latencies kept apart from the generic maps: they are updated
    /// on every request, so their keys must be cheap (no label strings built per call).
    private struct RequestKey: Hashable {
        let route: String
        let method: String
        let status: Int
    }
    private var requestCounts: [RequestKey: Int] = [:]
    private var requestLatency: [String: Histogram] = [:]

    public init() {}

    /// Counts one HTTP request and observes its latency.
    public func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        lock.withLock {
            requestCounts[RequestKey(route: route, method: method, status: status), default: 0] += 1
            requestLatency[route, default: Histogram(buckets: Self.latencyBuckets)].observe(seconds)
        }
    }

    /// Adds `amount` to the counter `name` with `labels`.
    public func increment(_ name: String, labels: [String: String] = [:], by amount: Double = 1, help: String? = nil) {
        let key = Self.labelText(labels)
        lock.withLock {
            if let help { self.help[name] = help }
            counters[name, default: [:]][key, default: 0] += amount
        }
    }

    /// Records one observation in the histogram `name`.
    public func observe(_ name: String, labels: [String: String] = [:], value: Double, help: String? = nil) {
        let key = Self.labelText(labels)
        lock.withLock {
            if let help { self.help[name] = help }
            histograms[name, default: [:]][key, default: Histogram(buckets: Self.latencyBuckets)].observe(value)
        }
    }

    /// Registers a gauge read when the page is rendered.
    public func gauge(_ name: String, help: String, read: @escaping @Sendable () -> Double) {
        lock.withLock {
            self.help[name] = help
            gauges[name] = read
        }
    }

    /// The current value of a counter (tests and health checks).
    public func value(_ name: String, labels: [String: String] = [:]) -> Double {
        lock.withLock { counters[name]?[Self.labelText(labels)] ?? 0 }
    }

    /// How many requests matched `route` with `status` (tests).
    public func requestCount(route: String, status: Int) -> Int {
        lock.withLock { requestCounts.filter { $0.key.route == route && $0.key.status == status }.values.reduce(0, +) }
    }

    /// The Prometheus text exposition format, version 0.0.4.
    public func render() -> String {
        var (counters, histograms, gauges, help) = lock.withLock {
            (self.counters, self.histograms, self.gauges, self.help)
        }
        let (requestCounts, requestLatency) = lock.withLock { (self.requestCounts, self.requestLatency) }
        if !requestCounts.isEmpty {
            help["wardsim_http_requests_total"] = "HTTP requests by route, method and status."
            help["wardsim_http_request_duration_seconds"] =
                "Time from the request being read to the response being queued."
            for (key, count) in requestCounts {
                let labels = Self.labelText(["route": key.route, "method": key.method, "status": String(key.status)])
                counters["wardsim_http_requests_total", default: [:]][labels, default: 0] += Double(count)
            }
            for (route, histogram) in requestLatency {
                histograms["wardsim_http_request_duration_seconds", default: [:]][Self.labelText(["route": route])] =
                    histogram
            }
        }
        var out = ""
        for name in counters.keys.sorted() {
            if let text = help[name] { out += "# HELP \(name) \(text)\n" }
            out += "# TYPE \(name) counter\n"
            for (labels, value) in counters[name]!.sorted(by: { $0.key < $1.key }) {
                out += "\(name)\(labels) \(Self.format(value))\n"
            }
        }
        for name in histograms.keys.sorted() {
            if let text = help[name] { out += "# HELP \(name) \(text)\n" }
            out += "# TYPE \(name) histogram\n"
            for (labels, histogram) in histograms[name]!.sorted(by: { $0.key < $1.key }) {
                let inner = labels.isEmpty ? "" : String(labels.dropFirst().dropLast()) + ","
                for (index, bound) in histogram.buckets.enumerated() {
                    out += "\(name)_bucket{\(inner)le=\"\(Self.format(bound))\"} \(histogram.counts[index])\n"
                }
                out += "\(name)_bucket{\(inner)le=\"+Inf\"} \(histogram.count)\n"
                out += "\(name)_sum\(labels) \(Self.format(histogram.sum))\n"
                out += "\(name)_count\(labels) \(histogram.count)\n"
            }
        }
        for name in gauges.keys.sorted() {
            if let text = help[name] { out += "# HELP \(name) \(text)\n" }
            out += "# TYPE \(name) gauge\n\(name) \(Self.format(gauges[name]!()))\n"
        }
        return out
    }

    static func labelText(_ labels: [String: String]) -> String {
        guard !labels.isEmpty else { return "" }
        let body = labels.sorted { $0.key < $1.key }.map { key, value in
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
            return "\(key)=\"\(escaped)\""
        }
        return "{" + body.joined(separator: ",") + "}"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
