import CMicroHTTPD
import Foundation

/// Per-request state kept in libmicrohttpd's `con_cls` slot between calls of the
/// access handler, released in the request-completed callback.
final class RequestState: @unchecked Sendable {
    // `lock` protects `pending`; the other vars are touched only by the libmicrohttpd
    // thread that owns the connection.
    private let lock = NSLock()
    private var pending: (Response, Request)?
    var body = Data()
    var started = DispatchTime.now().uptimeNanoseconds
    var responded = false
    var waiting = false
    var stream: EventStream?

    func setPending(_ value: (Response, Request)) { lock.withLock { pending = value } }
    func takePending() -> (Response, Request)? {
        lock.withLock {
            defer { pending = nil }
            return pending
        }
    }
}

/// Keeps what a streaming body's callbacks need alive for the response's lifetime.
final class StreamContext {
    let stream: EventStream
    let connection: OpaquePointer
    unowned let server: HTTPServer
    init(stream: EventStream, connection: OpaquePointer, server: HTTPServer) {
        self.stream = stream
        self.connection = connection
        self.server = server
    }
}

/// A connection handle that may be resumed from another thread.
struct ConnectionHandle: @unchecked Sendable {
    // libmicrohttpd documents MHD_resume_connection as callable from any thread.
    let pointer: OpaquePointer
    func resume() { MHD_resume_connection(pointer) }
}

let accessHandler: MHD_AccessHandlerCallback = { cls, connection, url, method, _, uploadData, uploadDataSize, conCls in
    guard let cls, let connection, let conCls, let uploadDataSize else { return .NO }
    let server = Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue()

    // First call: only headers are known. Turn the request away while the server stops,
    // or refuse an oversize declared body, before reading it.
    guard let existing = conCls.pointee else {
        let state = RequestState()
        conCls.pointee = Unmanaged.passRetained(state).toOpaque()
        server.beginRequest()
        // Answered before the body is read: the response is built from the request id.
        func answerAtOnce(_ response: (String) -> Response) -> MHD_Result {
            let request = makeRequest(connection, url: url, method: method, body: Data())
            state.responded = true
            return queue(response(request.id), for: request, on: connection, state: state, server: server)
        }
        if server.isDraining {
            return answerAtOnce(HTTPServer.drainingResponse(requestID:))
        }
        if let declared = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length"),
            let length = Int(String(cString: declared)), length > server.configuration.maxBodyBytes
        {
            let error = HTTPError(
                413, "The request body is larger than the \(server.configuration.maxBodyBytes)-byte limit.")
            return answerAtOnce { .error(error, requestID: $0) }
        }
        return .YES
    }
    let state = Unmanaged<RequestState>.fromOpaque(existing).takeUnretainedValue()

    if uploadDataSize.pointee > 0 {
        let size = uploadDataSize.pointee
        uploadDataSize.pointee = 0
        if state.responded { return .YES }
        if state.body.count + size > server.configuration.maxBodyBytes {
            // A chunked body ran past the cap: cut the connection rather than read on.
            return .NO
        }
        if let uploadData {
            state.body.append(UnsafeRawPointer(uploadData).assumingMemoryBound(to: UInt8.self), count: size)
        }
        return .YES
    }
    if state.responded { return .YES }

    // Woken after an async handler finished.
    if let (response, request) = state.takePending() {
        state.responded = true
        return queue(response, for: request, on: connection, state: state, server: server)
    }
    if state.waiting { return .YES }

    let request = makeRequest(connection, url: url, method: method, body: state.body)
    state.body = Data()
    switch server.dispatch(request) {
    case .ready(let response, let routed):
        state.responded = true
        return queue(response, for: routed, on: connection, state: state, server: server)
    case .pending(let routed, let body):
        state.waiting = true
        MHD_suspend_connection(connection)
        let handle = ConnectionHandle(pointer: connection)
        Task {
            let response: Response
            do {
                response = try await body(routed)
            } catch {
                response = server.errorResponse(error, request: routed)
            }
            state.setPending((response, routed))
            handle.resume()
        }
        return .YES
    }
}

let requestCompleted: MHD_RequestCompletedCallback = { cls, _, conCls, _ in
    guard let cls, let conCls, let existing = conCls.pointee else { return }
    let server = Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(existing).takeRetainedValue()
    conCls.pointee = nil
    if let stream = state.stream {
        stream.cancel()
        server.untrack(stream)
    }
    server.endRequest()
}

private let streamReader: MHD_ContentReaderCallback = { cls, _, buffer, max in
    guard let cls, let buffer else { return -2 }
    let context = Unmanaged<StreamContext>.fromOpaque(cls).takeUnretainedValue()
    let handle = ConnectionHandle(pointer: context.connection)
    let result = context.stream.read(
        into: UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt8.self), max: max,
        park: { MHD_suspend_connection(context.connection) },
        wake: { handle.resume() })
    switch result {
    case .bytes(let count): return count
    case .wouldBlock: return 0
    case .end: return -1  // MHD_CONTENT_READER_END_OF_STREAM
    case .failed: return -2  // MHD_CONTENT_READER_END_WITH_ERROR: close without the last chunk
    }
}

/// Releases the `SharedBytes` a response retained, once libmicrohttpd is done with it.
private let releaseSharedBytes: MHD_ContentReaderFreeCallback = { cls in
    guard let cls else { return }
    Unmanaged<SharedBytes>.fromOpaque(cls).release()
}

private let streamFree: MHD_ContentReaderFreeCallback = { cls in
    guard let cls else { return }
    Unmanaged<StreamContext>.fromOpaque(cls).release()
}

/// Reads method, path, headers, query and peer address into a `Request`.
private func makeRequest(
    _ connection: OpaquePointer, url: UnsafePointer<CChar>?, method: UnsafePointer<CChar>?, body: Data
) -> Request {
    final class Collector {
        var pairs: [(String, String)] = []
    }
    let iterator: MHD_KeyValueIterator = { cls, _, key, value in
        guard let cls, let key else { return .YES }
        let collector = Unmanaged<Collector>.fromOpaque(cls).takeUnretainedValue()
        collector.pairs.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
        return .YES
    }
    let headers = Collector()
    let query = Collector()
    _ = MHD_get_connection_values(connection, .HEADER_KIND, iterator, Unmanaged.passUnretained(headers).toOpaque())
    _ = MHD_get_connection_values(
        connection, .GET_ARGUMENT_KIND, iterator, Unmanaged.passUnretained(query).toOpaque())
    var address = [CChar](repeating: 0, count: 64)
    let remote = cmhd_client_address(connection, &address, address.count) == 0 ? String(cString: address) : "unknown"
    var queryItems: [String: String] = [:]
    for (key, value) in query.pairs where queryItems[key] == nil { queryItems[key] = value }
    return Request(
        method: HTTPMethod(rawValue: method.map { String(cString: $0) } ?? "GET"),
        path: url.map { String(cString: $0) } ?? "/",
        query: queryItems,
        headers: HTTPHeaders(headers.pairs),
        body: body,
        remoteAddress: remote,
        isSecure: cmhd_is_tls(connection) != 0)
}

/// Turns a `Response` into a libmicrohttpd response and queues it.
private func queue(
    _ response: Response, for request: Request, on connection: OpaquePointer, state: RequestState, server: HTTPServer
) -> MHD_Result {
    let mhdResponse: OpaquePointer?
    switch response.body {
    case .bytes(let data):
        mhdResponse = data.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(
                bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
    case .shared(let bytes):
        mhdResponse = MHD_create_response_from_buffer_with_free_callback_cls(
            bytes.count, bytes.buffer.baseAddress, releaseSharedBytes, Unmanaged.passRetained(bytes).toOpaque())
    case .stream(let stream):
        let context = StreamContext(stream: stream, connection: connection, server: server)
        state.stream = stream
        server.track(stream)
        mhdResponse = MHD_create_response_from_callback(
            UInt64.max,  // MHD_SIZE_UNKNOWN: chunked
            4096, streamReader, Unmanaged.passRetained(context).toOpaque(), streamFree)
    }
    guard let mhdResponse else { return .NO }
    defer { MHD_destroy_response(mhdResponse) }
    for (name, value) in response.headers {
        _ = MHD_add_response_header(mhdResponse, name, value)
    }
    for (name, value) in server.configuration.defaultHeaders where response.headers[name] == nil {
        _ = MHD_add_response_header(mhdResponse, name, value)
    }
    _ = MHD_add_response_header(mhdResponse, "X-Request-Id", request.id)
    server.record(request, status: response.status, started: state.started)
    return MHD_queue_response(connection, UInt32(response.status), mhdResponse)
}
