/// Turns a `text/event-stream` body into events, fed in chunks of any size.
///
/// The network splits a body wherever it likes: inside a line, between the CR and LF of
/// a CRLF, inside a multi-byte UTF-8 character. The parser therefore works on bytes and
/// only decodes complete lines (a line break byte never occurs inside a UTF-8 sequence),
/// so the result is the same however the body was chunked.
///
/// Follows the WHATWG algorithm: lines end in CRLF, LF or CR; a blank line dispatches;
/// lines starting with ":" are comments; one space after the colon is dropped; several
/// `data:` lines join with "\n"; an event with no data is not dispatched; a leading
/// byte-order mark is skipped. Two departures, both for real servers:
/// - llama.cpp's server reports errors as an `error: {...}` line, which the standard
///   would ignore; it is read as `event: error` with that data.
/// - `finish()` dispatches a last event that lacks its closing blank line, rather than
///   dropping it, so a server that ends with `data: [DONE]` and closes is still understood.
///
/// ```swift
/// var parser = ServerSentEventParser()
/// for chunk in chunks { for event in parser.push(chunk) { handle(event) } }
/// for event in parser.finish() { handle(event) }
/// ```
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var afterCR = false
    private var atStart = true
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType: String?
    private var lastID: String?
    private var retry: Int?

    /// Bytes consumed and events dispatched so far: a body with many bytes and no
    /// events is not an event stream, and a client can give up on it early.
    public private(set) var bytesConsumed = 0
    public private(set) var eventsDispatched = 0

    public init() {}

    /// Consumes `chunk` and returns the events it completed.
    public mutating func push(_ chunk: some Sequence<UInt8>) -> [ServerSentEvent] {
        if let events = chunk.withContiguousStorageIfAvailable({ push(buffer: $0) }) { return events }
        return Array(chunk).withUnsafeBufferPointer { push(buffer: $0) }
    }

    /// The work of `push`, on contiguous bytes: whole runs between line breaks are
    /// copied at once rather than byte by byte.
    private mutating func push(buffer: UnsafeBufferPointer<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        bytesConsumed += buffer.count
        var index = 0
        let end = buffer.count
        while index < end {
            if afterCR {
                afterCR = false
                if buffer[index] == 0x0A {  // the LF of a CRLF split from its CR
                    index += 1
                    continue
                }
            }
            var breakAt = index
            while breakAt < end && buffer[breakAt] != 0x0A && buffer[breakAt] != 0x0D { breakAt += 1 }
            line.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<breakAt]))
            guard breakAt < end else { break }
            afterCR = buffer[breakAt] == 0x0D
            endLine(into: &events)
            index = breakAt + 1
        }
        return events
    }

    /// Ends the stream: an unterminated last line and an undispatched last event are
    /// delivered rather than dropped.
    public mutating func finish() -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        if !line.isEmpty { endLine(into: &events) }
        dispatch(into: &events)
        return events
    }

    private mutating func endLine(into events: inout [ServerSentEvent]) {
        defer { line.removeAll(keepingCapacity: true) }
        if atStart {
            atStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        }
        if line.isEmpty {
            dispatch(into: &events)
            return
        }
        if line[0] == UInt8(ascii: ":") { return }  // comment (keep-alive)
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let name = colon.map { line[..<$0] } ?? line[...]
        var valueStart = colon.map { $0 + 1 } ?? line.endIndex
        if valueStart < line.endIndex && line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let value = line[valueStart...]
        // Field names compared as bytes: no String per line on the hot path.
        if name.elementsEqual(Self.dataField) {
            appendData(value)
        } else if name.elementsEqual(Self.eventField) {
            eventType = String(decoding: value, as: UTF8.self)
        } else if name.elementsEqual(Self.idField) {
            if !value.contains(0) { lastID = String(decoding: value, as: UTF8.self) }
        } else if name.elementsEqual(Self.retryField) {
            if !value.isEmpty, value.allSatisfy({ (0x30...0x39).contains($0) }) {
                retry = Int(String(decoding: value, as: UTF8.self))
            }
        } else if name.elementsEqual(Self.errorField) {
            // llama.cpp: `error: {"code":500,"message":"…","type":"server_error"}`.
            eventType = "error"
            appendData(value)
        }
        // Any other field is ignored, as the standard says.
    }

    private static let dataField = Array("data".utf8)
    private static let eventField = Array("event".utf8)
    private static let idField = Array("id".utf8)
    private static let retryField = Array("retry".utf8)
    private static let errorField = Array("error".utf8)

    private mutating func appendData(_ value: ArraySlice<UInt8>) {
        if hasData { data.append(0x0A) }
        data.append(contentsOf: value)
        hasData = true
    }

    private mutating func dispatch(into events: inout [ServerSentEvent]) {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = nil
            retry = nil
        }
        guard hasData else { return }
        let type = eventType.flatMap { $0.isEmpty ? nil : $0 }
        events.append(
            ServerSentEvent(event: type, data: String(decoding: data, as: UTF8.self), id: lastID, retry: retry))
        eventsDispatched += 1
    }
}
