/// Why a text is not JSON, and where: the position of the offending character and the
/// path of the value being read when the parser gave up.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition
    public var path: JSONPath

    public init(_ message: String, at position: SourcePosition, path: JSONPath = .root) {
        self.message = message
        self.position = position
        self.path = path
    }

    public var description: String { "\(path): \(message) (\(position))" }
}
