/// An HTTP request method.
///
/// A struct rather than an enum so that unknown methods (`PROPFIND`, typos) still route
/// to a clean 405 instead of failing to parse.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue.uppercased() }

    public static let get = HTTPMethod(rawValue: "GET")
    public static let head = HTTPMethod(rawValue: "HEAD")
    public static let post = HTTPMethod(rawValue: "POST")
    public static let put = HTTPMethod(rawValue: "PUT")
    public static let patch = HTTPMethod(rawValue: "PATCH")
    public static let delete = HTTPMethod(rawValue: "DELETE")
    public static let options = HTTPMethod(rawValue: "OPTIONS")

    /// Methods that change state; CSRF checks and audit logging key off this.
    public var isSafe: Bool { self == .get || self == .head || self == .options }
    public var description: String { rawValue }
}
