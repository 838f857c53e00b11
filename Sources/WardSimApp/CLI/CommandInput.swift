import Foundation
import Synchronization

/// Where commands read lines of text: standard input by default, given lines in tests.
///
/// The counterpart of `CommandOutput`, and a task-local value for the same reason: the
/// real command line can run in-process in a test with its input supplied.
///
/// ```swift
/// CommandInput.$current.withValue(.lines(["Any chest pain?", "Do you smoke?"])) {
///     CommandRunner.run(WardSimCommand.self, arguments: ["interview", "--scenario", file])
/// }
/// ```
public struct CommandInput: Sendable {
    private let next: @Sendable () -> String?
    /// True when a person is typing (a terminal), so a command may prompt.
    public let isInteractive: Bool

    public init(isInteractive: Bool, next: @escaping @Sendable () -> String?) {
        self.isInteractive = isInteractive
        self.next = next
    }

    /// The process's standard input.
    public static let standard = CommandInput(isInteractive: isatty(STDIN_FILENO) == 1) {
        Swift.readLine(strippingNewline: true)
    }

    /// Fixed lines, then end of input (for tests).
    public static func lines(_ lines: [String]) -> CommandInput {
        let remaining = LineQueue(lines)
        return CommandInput(isInteractive: false) { remaining.pop() }
    }

    @TaskLocal public static var current = CommandInput.standard

    /// The next line without its line ending (and without a trailing `\r`), or nil at the end.
    public func readLine() -> String? {
        guard var line = next() else { return nil }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}

/// Lines handed out one at a time.
private final class LineQueue: Sendable {
    private let lines: Mutex<ArraySlice<String>>

    init(_ lines: [String]) { self.lines = Mutex(lines[...]) }

    func pop() -> String? { lines.withLock { $0.popFirst() } }
}
