import Foundation
import Synchronization

/// Where commands write their output: standard output and standard error by default,
/// or a capture in tests.
///
/// A task-local value rather than a parameter, so `CommandRunner.run` keeps its shape and
/// tests can run the real command line in-process and read what it printed:
///
/// ```swift
/// let capture = CapturedOutput()
/// let status = CommandOutput.$current.withValue(capture.output) {
///     CommandRunner.run(WardSimCommand.self, arguments: ["validate", "Scenarios"])
/// }
/// ```
public struct CommandOutput: Sendable {
    public enum Stream: Sendable { case standardOutput, standardError }

    private let sink: @Sendable (Stream, String) -> Void

    public init(_ sink: @escaping @Sendable (Stream, String) -> Void) {
        self.sink = sink
    }

    /// The process's own standard output and standard error.
    public static let standard = CommandOutput { stream, text in
        switch stream {
        case .standardOutput: print(text, terminator: "")
        case .standardError: FileHandle.standardError.write(Data(text.utf8))
        }
    }

    @TaskLocal public static var current = CommandOutput.standard

    /// Writes `line` and a newline to standard output.
    public func line(_ line: String) { sink(.standardOutput, line + "\n") }

    /// Writes `line` and a newline to standard error.
    public func errorLine(_ line: String) { sink(.standardError, line + "\n") }

    /// Writes `text` to standard error without a newline: a prompt the user types after.
    public func prompt(_ text: String) { sink(.standardError, text) }
}

/// Collects what a command writes, for tests.
public final class CapturedOutput: Sendable {
    private let text = Mutex<(standardOutput: String, standardError: String)>(("", ""))

    public init() {}

    public var output: CommandOutput {
        CommandOutput { [self] stream, chunk in
            self.text.withLock { value in
                switch stream {
                case .standardOutput: value.standardOutput += chunk
                case .standardError: value.standardError += chunk
                }
            }
        }
    }

    public var standardOutput: String { text.withLock { $0.standardOutput } }
    public var standardError: String { text.withLock { $0.standardError } }
}
