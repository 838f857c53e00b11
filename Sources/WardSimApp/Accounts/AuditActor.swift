import Foundation
import WardSimCore
import WardSimHTTP
import WardSimStore

/// Who is making a change, as the audit log records it.
struct AuditActor: Sendable {
    /// The acting user's id; nil for the command line and anonymous callers.
    var id: Int64?
    /// A username, `cli:<os user>` or `anonymous`.
    var name: String
    /// The client's address, or `local`.
    var remote: String
    /// The acting session's key, so a change to one's own account can spare it.
    var sessionKey: String?

    /// A signed-in user acting through the web.
    init(user: AuthenticatedUser, request: Request) {
        self.id = user.id
        self.name = user.username
        self.remote = request.remoteAddress
        self.sessionKey = user.sessionKey
    }

    init(id: Int64?, name: String, remote: String, sessionKey: String? = nil) {
        self.id = id
        self.name = name
        self.remote = remote
        self.sessionKey = sessionKey
    }

    /// Someone at the server's terminal running `wardsim user …`.
    static func commandLine(environment: [String: String] = ProcessInfo.processInfo.environment) -> AuditActor {
        AuditActor(id: nil, name: "cli:\(environment["USER"] ?? environment["LOGNAME"] ?? "unknown")", remote: "local")
    }
}

extension AuditLogRepository {
    /// Appends one entry on behalf of `actor`. Describe changes in words: never pass a
    /// password or a token in `detail`.
    func record(_ action: String, by actor: AuditActor, target: String = "", detail: String = "", at now: Date) throws {
        try append(
            AuditEntry(
                at: now, actorID: actor.id, actor: actor.name, action: action, target: target, detail: detail,
                remote: actor.remote))
    }
}

extension WardSimCore.User {
    /// How the audit log names a user: `user:12 ana`.
    var auditName: String { "user:\(id) \(username)" }
}
