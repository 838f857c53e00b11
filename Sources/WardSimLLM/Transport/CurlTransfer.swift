import CCurl
import Foundation

/// One request in flight: its libcurl easy handle and everything the callbacks need.
///
/// Created on the caller's thread but configured, driven and freed only on the event
/// loop's thread, so the easy handle is never touched by two threads. The callbacks
/// find this object through the `void *` user-data pointer (`Unmanaged`, unretained:
/// the loop's `active` table keeps it alive while the handle is in the multi handle).
final class CurlTransfer: @unchecked Sendable {
    // Thread confinement, not a lock: after `init`, every stored var is read and written
    // only on the CurlEventLoop thread, except `drainDeadline`, which `drainLock`
    // protects because the consumer sets it from its own thread. `id`, `request`,
    // `label` and `continuation` are immutable, and `Continuation` is itself thread-safe.
    let id: UInt64
    let request: HTTPRequest
    /// `host:port` for error messages; never credentials, paths or query strings.
    let label: String
    let continuation: AsyncThrowingStream<HTTPStreamEvent, any Error>.Continuation
    /// Text scrubbed from any message built here (the API key, when there is one).
    let redact: @Sendable (String) -> String

    private(set) var easy: UnsafeMutableRawPointer?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headers: [HTTPField] = []
    private var headDelivered = false
    private var finished = false
    /// Set when `yield` reports that nobody is listening any more.
    private(set) var consumerGone = false

    private let drainLock = NSLock()
    private var drainDeadline: UInt64?

    let startedAt: UInt64
    private(set) var firstBodyAt: UInt64?
    private(set) var lastBodyAt: UInt64?

    init(
        id: UInt64, request: HTTPRequest, continuation: AsyncThrowingStream<HTTPStreamEvent, any Error>.Continuation,
        redact: @escaping @Sendable (String) -> String
    ) {
        self.id = id
        self.request = request
        self.label = CurlTransfer.hostLabel(request.url)
        self.continuation = continuation
        self.redact = redact
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        self.startedAt = DispatchTime.now().uptimeNanoseconds
    }

    deinit {
        releaseHandle()
        errorBuffer.deallocate()
    }

    // MARK: - Set-up

    /// Creates and configures the easy handle. Throws (with curl's message) when an
    /// option is refused, e.g. a URL libcurl cannot parse.
    func makeHandle() throws(LLMError) -> UnsafeMutableRawPointer {
        guard let handle = curl_easy_init() else {
            throw LLMError(.connection, "curl_easy_init failed (out of memory?)", upstream: label)
        }
        easy = handle
        let user = Unmanaged.passUnretained(self).toOpaque()
        let timeouts = request.timeouts
        try check(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(ccurl_setopt_string(handle, CURLOPT_URL, request.url))
        try check(ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        // Signals are process-wide and unsafe with threads; timeouts must not use them.
        try check(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, timeouts.connect.wholeMilliseconds))
        try check(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeouts.total.wholeMilliseconds))
        // The event loop enforces `firstToken` and `stall` to the millisecond; libcurl's
        // low-speed check is the backstop that would end a silent transfer even if the
        // loop's bookkeeping were wrong. It counts whole seconds, waiting included.
        let silence = max(timeouts.firstToken, timeouts.stall).wholeMilliseconds / 1000 + 2
        try check(ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1))
        try check(ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, silence))
        try check(ccurl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1))
        try check(ccurl_setopt_string(handle, CURLOPT_USERAGENT, "WardSim"))
        try check(ccurl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, curlWriteCallback))
        try check(ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, user))
        try check(ccurl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, curlHeaderCallback))
        try check(ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, user))

        switch request.method.uppercased() {
        case "GET": try check(ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        case "POST": try check(ccurl_setopt_long(handle, CURLOPT_POST, 1))
        default: try check(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method))
        }
        if let body = request.body {
            // The size first: COPYPOSTFIELDS copies that many bytes (the body may hold NULs).
            try check(ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            let code =
                body.isEmpty
                ? ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                : body.withUnsafeBytes { bytes in
                    ccurl_setopt_pointer(
                        handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                }
            try check(code)
        }
        // "Expect:" with no value stops libcurl from waiting for `100 Continue` before
        // sending a large body: a round trip (or a full second) saved on every call.
        var list: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "Expect:")
        defer { headerList = list }
        for field in request.headers {
            // libcurl sends header lines as given: a CR or LF would smuggle in a header.
            // (Scalars, not Characters: "\r\n" is one Character and equals neither.)
            guard !(field.name + field.value).unicodeScalars.contains(where: { [0x0A, 0x0D, 0x00].contains($0.value) })
            else {
                throw LLMError(
                    .connection, "refused to send header \(field.name): it contains a line break", upstream: label)
            }
            list = curl_slist_append(list, "\(field.name): \(field.value)")
        }
        try check(ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, list))
        return handle
    }

    private func check(_ code: CURLcode) throws(LLMError) {
        guard code == CURLE_OK else { throw error(for: code) }
    }

    // MARK: - Callbacks (loop thread, inside curl_multi_perform)

    /// A header line of the response, CRLF included.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers.removeAll()  // a new response (after 100 Continue or a retry) starts over
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            headers.append(HTTPField(name: name, value: value))
        }
    }

    /// Body bytes. Returns false to make libcurl abort the transfer (nobody listens).
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let now = DispatchTime.now().uptimeNanoseconds
        if firstBodyAt == nil { firstBodyAt = now }
        lastBodyAt = now
        deliverHeadIfNeeded()
        if case .terminated = continuation.yield(.body(Data(bytes))) {
            if drainingUntil != nil { return true }  // read to the end, so the connection stays usable
            consumerGone = true
            return false
        }
        return true
    }

    /// Lets the transfer run to its end for up to `grace` after the consumer stops
    /// listening, discarding what arrives. A consumer that already has everything it
    /// needs (`[DONE]` seen) calls this before dropping the stream, so that the last
    /// bytes (the chunked terminator, often a separate packet) are read and the
    /// connection goes back to the cache instead of being closed: a TCP and TLS
    /// handshake saved on the next call. Any thread.
    func drain(for grace: Duration) {
        let deadline = DispatchTime.now().uptimeNanoseconds &+ UInt64(grace.wholeMilliseconds) * 1_000_000
        drainLock.withLock { drainDeadline = deadline }
    }

    /// When a draining transfer must be abandoned, or nil when it is not draining.
    var drainingUntil: UInt64? { drainLock.withLock { drainDeadline } }

    private func deliverHeadIfNeeded() {
        guard !headDelivered, let easy else { return }
        headDelivered = true
        var status = 0
        _ = ccurl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        if case .terminated = continuation.yield(.head(HTTPResponseHead(status: status, headers: headers))) {
            consumerGone = true
        }
    }

    // MARK: - Completion (loop thread)

    /// The transfer ended with `code`: finish the stream normally or with the error.
    func complete(_ code: CURLcode) {
        if code == CURLE_OK {
            deliverHeadIfNeeded()
            finish(nil)
        } else {
            finish(error(for: code))
        }
    }

    /// Ends the stream once; later calls are ignored.
    func finish(_ error: LLMError?) {
        guard !finished else { return }
        finished = true
        if let error {
            continuation.finish(throwing: error)
        } else {
            continuation.finish()
        }
    }

    /// Frees the easy handle and header list. The loop removes the handle from the
    /// multi handle first.
    func releaseHandle() {
        if let easy { curl_easy_cleanup(easy) }
        easy = nil
        if let headerList { curl_slist_free_all(headerList) }
        headerList = nil
    }

    /// An `LLMError` for a libcurl result: the category from the code, the words from
    /// `curl_easy_strerror` and the error buffer (which says which host, which port).
    func error(for code: CURLcode) -> LLMError {
        let general = String(cString: curl_easy_strerror(code))
        let specific = String(cString: errorBuffer)
        let message = redact(specific.isEmpty || specific == general ? general : "\(general): \(specific)")
        let kind: LLMError.Kind
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            if specific.contains("too slow") {
                kind = firstBodyAt == nil ? .timeout(.firstToken) : .timeout(.stall)
            } else if specific.hasPrefix("Connection timed out") || specific.hasPrefix("Resolving timed out")
                || specific.hasPrefix("Failed to connect")
            {
                kind = .timeout(.connect)
            } else {
                kind = .timeout(.total)
            }
        case CURLE_WRITE_ERROR where consumerGone, CURLE_ABORTED_BY_CALLBACK:
            kind = .cancelled
        case CURLE_WEIRD_SERVER_REPLY, CURLE_UNSUPPORTED_PROTOCOL, CURLE_BAD_CONTENT_ENCODING:
            // Not HTTP at all (libcurl refuses HTTP/0.9-style garbage as "unsupported").
            kind = .malformedStream
        default:
            kind = .connection
        }
        return LLMError(kind, message, upstream: label)
    }

    /// `host:port` of a URL, without user information, path or query.
    static func hostLabel(_ url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return "unknown" }
        let port = components.port ?? (components.scheme == "https" ? 443 : 80)
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

/// `CURLOPT_WRITEFUNCTION`. A plain function, not a closure: a `@convention(c)` closure
/// that captured anything would crash the Swift 6 compiler, so state arrives as `void *`.
private let curlWriteCallback: ccurl_write_callback = { data, size, count, user in
    guard let user else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
    let length = size * count
    let bytes = UnsafeRawBufferPointer(start: data.map { UnsafeRawPointer($0) }, count: length)
    return transfer.receiveBody(bytes) ? length : 0
}

/// `CURLOPT_HEADERFUNCTION`: one call per header line.
private let curlHeaderCallback: ccurl_write_callback = { data, size, count, user in
    guard let user else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
    let length = size * count
    transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data.map { UnsafeRawPointer($0) }, count: length))
    return length
}
