import Foundation

/// What the access log keeps of one request: taken when the response is queued,
/// formatted into its line when the logger gets to it.
public struct AccessRecord: Sendable {
    /// Wall-clock time of the response, as `CLOCK_REALTIME`.
    let seconds: Int
    let nanoseconds: Int
    let method: String
    let route: String
    let status: Int
    let duration: Double
    let requestID: String
    let remote: String

    init(request: Request, status: Int, duration: Double) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        seconds = now.tv_sec
        nanoseconds = now.tv_nsec
        method = request.method.rawValue
        route = request.route.isEmpty ? "unmatched" : request.route
        self.status = status
        self.duration = duration
        requestID = request.id
        remote = request.remoteAddress
    }

    /// The JSON line.
    public var line: String { AccessLogLine.make(self) }
}

enum AccessLogLine {
    /// One line, keys in a fixed order: cheap to build and easy to grep.
    static func make(_ record: AccessRecord) -> String {
        let milliseconds = (record.duration * 1_000_000).rounded() / 1000
        // Appended into one buffer: a chain of `+` allocated a string per piece.
        var line = #"{"time":"#
        line.reserveCapacity(192)
        line += JSONText.quoted(timestamp(seconds: record.seconds, nanoseconds: record.nanoseconds))
        line += #","method":"#
        line += JSONText.quoted(record.method)
        line += #","route":"#
        line += JSONText.quoted(record.route)
        line += #","status":"#
        line += String(record.status)
        line += #","durationMs":"#
        line += String(milliseconds)
        line += #","requestId":"#
        line += JSONText.quoted(record.requestID)
        line += #","remote":"#
        line += JSONText.quoted(record.remote)
        line += "}"
        return line
    }

    /// UTC time with milliseconds, ISO 8601.
    static func timestamp(seconds: Int, nanoseconds: Int) -> String {
        var parts = tm()
        var seconds = seconds
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : String(value) }
        let millis = nanoseconds / 1_000_000
        let milliText = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : String(millis)
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):"
            + "\(two(parts.tm_min)):\(two(parts.tm_sec)).\(milliText)Z"
    }
}
