import Foundation

/// Progress of a long command on stderr, at most every half second.
///
/// On a terminal the line is redrawn in place; in a log (stderr not a TTY) a line is
/// printed every five seconds instead, so logs stay short. Nothing is printed for work
/// that finishes within the first second.
final class ProgressLine {
    private let label: String
    private let unit: String
    private let total: Int?
    private let write: (String) -> Void
    private let isTerminal: Bool
    private let started = Date()
    private var lastShown = Date.distantPast
    private var shownAny = false

    init(
        label: String, unit: String, total: Int?, isTerminal: Bool = isatty(STDERR_FILENO) == 1,
        write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.label = label
        self.unit = unit
        self.total = total
        self.isTerminal = isTerminal
        self.write = write
    }

    /// Call as often as you like: a clock check is all it costs between redraws.
    func update(_ done: Int) {
        let now = Date()
        guard now.timeIntervalSince(started) >= 1,
            now.timeIntervalSince(lastShown) >= (isTerminal ? 0.5 : 5)
        else { return }
        lastShown = now
        shownAny = true
        write((isTerminal ? "\r" : "") + describe(done) + (isTerminal ? "" : "\n"))
    }

    /// Ends the progress line with a summary.
    func finish(_ summary: String) {
        write((isTerminal && shownAny ? "\r\u{1B}[K" : "") + "\(label): \(summary)\n")
    }

    private func describe(_ done: Int) -> String {
        var text = "\(label): \(done.formatted()) \(unit)"
        if let total, total > 0 {
            text += " of \(total.formatted()) (\(min(100, done * 100 / total))%)"
        }
        return text
    }
}

@available(*, unavailable, message: "Progress is reported from the exporting thread.")
extension ProgressLine: Sendable {}
