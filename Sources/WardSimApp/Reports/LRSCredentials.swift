import Foundation

/// Basic-auth credentials for an LRS, read only from the environment
/// (`WARDSIM_LRS_USER`, `WARDSIM_LRS_PASSWORD`): never from argv, where `ps` and shell
/// history would show them, and never printed — `description` is redacted.
struct LRSCredentials: CustomStringConvertible {
    static let userVariable = "WARDSIM_LRS_USER"
    static let passwordVariable = "WARDSIM_LRS_PASSWORD"

    let user: String
    let password: String

    /// Nil when neither variable is set; throws when only one is.
    static func fromEnvironment(_ environment: [String: String]) throws -> LRSCredentials? {
        let user = environment[userVariable].flatMap { $0.isEmpty ? nil : $0 }
        let password = environment[passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
        switch (user, password) {
        case (nil, nil): return nil
        case (let user?, let password?): return LRSCredentials(user: user, password: password)
        default:
            throw CommandFailure("set both \(userVariable) and \(passwordVariable), or neither")
        }
    }

    /// The `Authorization` header value.
    var authorization: String { "Basic " + Data("\(user):\(password)".utf8).base64EncodedString() }

    var description: String { "LRSCredentials(user: \(user), password: <redacted>)" }
}
