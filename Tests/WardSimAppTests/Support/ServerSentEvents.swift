import Foundation

/// One Server-Sent Event as a browser's `EventSource` sees it.
struct ServerSentEvent: Equatable {
    var event: String
    var data: String

    /// The events of a whole `text/event-stream` body: blocks separated by a blank line,
    /// `event:` naming the type (`message` when absent), `data:` lines joined by newlines,
    /// comments (`:`) ignored.
    static func parse(_ body: String) -> [ServerSentEvent] {
        body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n").compactMap { block in
            var event = "message"
            var data: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
                if line.hasPrefix(":") { continue }
                let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                let value = parts.count > 1 ? Self.fieldValue(parts[1]) : ""
                switch parts[0] {
                case "event": event = value
                case "data": data.append(value)
                default: break
                }
            }
            return data.isEmpty ? nil : ServerSentEvent(event: event, data: data.joined(separator: "\n"))
        }
    }

    /// A field's value: everything after the colon, less one leading space (the spec's rule).
    private static func fieldValue(_ raw: Substring) -> String {
        raw.hasPrefix(" ") ? String(raw.dropFirst()) : String(raw)
    }

    /// The JSON object in `data`.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:]
    }
}
