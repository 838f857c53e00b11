/// One event of a `text/event-stream` body, as the WHATWG HTML standard defines it.
public struct ServerSentEvent: Sendable, Hashable {
    /// The `event:` field; nil for the default type ("message").
    public var event: String?
    /// The `data:` lines joined with "\n".
    public var data: String
    /// The last `id:` seen so far in the stream (ids persist across events).
    public var id: String?
    /// A `retry:` field given with this event, in milliseconds.
    public var retry: Int?

    public init(event: String? = nil, data: String, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }
}
