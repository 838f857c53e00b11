import CCurl
public import Foundation

/// A blocking HTTP POST over libcurl for callers that are not the chat client: the
/// xAPI statement push to an LRS.
///
/// Kept deliberately small (one request, whole body in, whole reply out) so it can give
/// way to the chat client's transport once that offers a generic POST. Each call owns
/// its easy handle; `CURLOPT_NOSIGNAL` is set and connect, total and low-speed limits are
/// explicit (libcurl's connect default is 300 s). Only http and https are allowed and
/// redirects are not followed, so credentials never travel to a host nobody named.
/// Header values never appear in errors: one of them is usually `Authorization`.
///
/// ```swift
/// let reply = try HTTPPost.send(
///     url: "https://lrs.example.org/xapi/statements",
///     headers: [("Content-Type", "application/json")], body: Data("[]".utf8))
/// reply.status   // 200
/// ```
public enum HTTPPost {
    /// The status, the `Retry-After` header (seconds, when given as a number) and body.
    public struct Reply: Sendable, Equatable {
        public var status: Int
        public var retryAfterSeconds: Double?
        public var body: Data

        public init(status: Int, retryAfterSeconds: Double? = nil, body: Data = Data()) {
            self.status = status
            self.retryAfterSeconds = retryAfterSeconds
            self.body = body
        }
    }

    /// The request never got an HTTP answer (connection refused, timeout, TLS …).
    public struct TransportError: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The largest reply body kept; an LRS answers with a short list of ids.
    static let replyLimit = 1 << 20

    /// Sends `body` to `url` and waits for the reply.
    public static func send(
        url: String, headers: [(name: String, value: String)], body: Data, timeoutSeconds: Double = 30,
        connectTimeoutSeconds: Double = 10
    ) throws -> Reply {
        guard globalInit else { throw TransportError(description: "libcurl could not be initialised") }
        for header in headers where (header.name + header.value).contains(where: { $0 == "\r" || $0 == "\n" }) {
            throw TransportError(description: "header \(header.name) contains a line break")
        }
        guard let handle = curl_easy_init() else { throw TransportError(description: "curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers { list = curl_slist_append(list, "\(header.name): \(header.value)") }
        list = curl_slist_append(list, "Expect:")  // no 100-continue round trip
        defer { curl_slist_free_all(list) }

        let sink = ReplySink()
        let sinkPointer = Unmanaged.passRetained(sink)
        defer { sinkPointer.release() }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        let code: CURLcode = body.withUnsafeBytes { bytes in
            errorBuffer.withUnsafeMutableBufferPointer { errors in
                _ = ccurl_setopt_string(handle, CURLOPT_URL, url)
                _ = ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
                _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
                _ = ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
                _ = ccurl_setopt_long(handle, CURLOPT_POST, 1)
                _ = ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, bytes.count)
                _ = ccurl_setopt_pointer(
                    handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                _ = ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
                _ = ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(connectTimeoutSeconds * 1000))
                _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(timeoutSeconds * 1000))
                _ = ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
                _ = ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, Int(max(1, timeoutSeconds)))
                _ = ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errors.baseAddress)
                _ = ccurl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, bodyCallback)
                _ = ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer.toOpaque())
                _ = ccurl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, headerCallback)
                _ = ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, sinkPointer.toOpaque())
                return curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let summary = String(cString: curl_easy_strerror(code))
            throw TransportError(description: detail.isEmpty ? summary : "\(summary): \(detail)")
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return Reply(status: status, retryAfterSeconds: sink.retryAfter, body: sink.body)
    }

    /// `curl_global_init` once, before the first handle (Swift runs this lazily and once).
    private static let globalInit: Bool = curl_global_init(3 /* CURL_GLOBAL_ALL */) == CURLE_OK
}

/// Collects a reply for the libcurl callbacks, reached through `Unmanaged`.
private final class ReplySink {
    var body = Data()
    var retryAfter: Double?
}

private let bodyCallback: ccurl_write_callback = { pointer, size, count, context in
    guard let pointer, let context else { return 0 }
    let sink = Unmanaged<ReplySink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    if sink.body.count + length > HTTPPost.replyLimit { return 0 }  // abort: far larger than any LRS reply
    sink.body.append(UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
    return length
}

private let headerCallback: ccurl_write_callback = { pointer, size, count, context in
    guard let pointer, let context else { return 0 }
    let sink = Unmanaged<ReplySink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    let line = String(
        decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    if line.hasPrefix("HTTP/") { sink.retryAfter = nil }  // a new response (after 100 Continue)
    let parts = line.split(separator: ":", maxSplits: 1)
    if parts.count == 2, parts[0].lowercased() == "retry-after" {
        sink.retryAfter = Double(parts[1].trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return length
}
