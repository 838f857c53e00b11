public import Foundation

/// A secret bearer token for an upstream, kept out of logs, errors and dumps.
///
/// The key is only ever turned into an `Authorization` header. Its `description`,
/// `debugDescription` and mirror show `APIKey(redacted)`, so printing a configuration
/// or an error that holds one cannot reveal it, and `redact(_:)` scrubs it from any text
/// that came back from a server (a proxy that echoes request headers in its error page).
///
/// ```swift
/// let key = APIKey(environment: "WARDSIM_LLM_API_KEY")   // nil when unset or empty
/// ```
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secret: String

    /// A key given directly. Surrounding whitespace is dropped (a trailing newline from
    /// a secrets file is common); empty strings, and keys with spaces or control
    /// characters inside (which would corrupt the header), make no key at all.
    public init?(_ secret: String) {
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            return nil
        }
        self.secret = trimmed
    }

    /// The key from an environment variable, or nil when it is unset or empty.
    public init?(environment name: String, in environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let value = environment[name] else { return nil }
        self.init(value)
    }

    public var description: String { "APIKey(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// `text` with every occurrence of the key replaced by `[redacted]`.
    public func redact(_ text: String) -> String {
        text.replacingOccurrences(of: secret, with: "[redacted]")
    }

    /// The `Authorization` header value.
    var authorizationValue: String { "Bearer \(secret)" }
}
