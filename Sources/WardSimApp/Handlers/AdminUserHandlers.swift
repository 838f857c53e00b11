import Foundation
import WardSimHTTP

extension RouteTable {
    /// Accounts: list, create, change, import from CSV. Administrators only.
    mutating func addAdminUserRoutes(_ app: WardSimApplication) {
        struct NewUserBody: Decodable {
            let username: String
            let displayName: String
            let role: String
            let cohort: String?
            let password: String
        }
        struct UsersBody: Encodable { let users: [UserView] }
        struct UserBody: Encodable { let user: UserView }

        add(.get, "/api/admin/users", .admin) { _, _ in
            .json(UsersBody(users: try app.accounts.list()))
        }
        add(.post, "/api/admin/users", .admin) { request, context in
            let body = try request.decode(NewUserBody.self)
            let user = try app.accounts.create(
                AccountService.NewAccount(
                    username: body.username, displayName: body.displayName, role: body.role, cohort: body.cohort,
                    password: body.password),
                by: AuditActor(user: context.requireUser(), request: request))
            return .json(UserBody(user: user), status: 201)
        }
        add(.patch, "/api/admin/users/{id}", .admin) { request, context in
            guard let id = Int64(request.parameter("id")) else { throw HTTPError.notFound("There is no such user.") }
            let changes = try request.decode(UserPatch.self).changes
            let user = try app.accounts.update(
                userID: id, changes, by: AuditActor(user: context.requireUser(), request: request))
            return .json(UserBody(user: user))
        }
        add(.post, "/api/admin/users/import", .admin) { request, context in
            let type = request.headers["Content-Type"]?.lowercased() ?? "text/csv"
            guard type.hasPrefix("text/csv") || type.hasPrefix("text/plain") else {
                throw HTTPError(415, "Send the file as text/csv (got \(type)).")
            }
            guard let text = String(data: request.body, encoding: .utf8) else {
                throw HTTPError.unprocessable("The file is not UTF-8 text; save it as “CSV UTF-8” and try again.")
            }
            let report = try app.importer.importCSV(text, by: AuditActor(user: context.requireUser(), request: request))
            return .json(report, status: report.imported ? 201 : 422)
        }
    }
}

/// The body of `PATCH /api/admin/users/{id}`: only the fields present change, and
/// `"cohort": null` (unlike a missing `cohort`) removes the cohort. Unknown fields are
/// refused, so a typo such as `"disabeld": true` cannot quietly do nothing.
struct UserPatch: Decodable {
    let changes: AccountService.Changes

    private struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    static let fields = ["displayName", "role", "cohort", "disabled", "disable", "password"]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let unknown = container.allKeys.first(where: { !Self.fields.contains($0.stringValue) }) {
            throw DecodingError.dataCorruptedError(
                forKey: unknown, in: container,
                debugDescription: "unknown field; use \(Self.fields.filter { $0 != "disable" }.joined(separator: ", "))"
            )
        }
        var changes = AccountService.Changes()
        changes.displayName = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "displayName"))
        changes.role = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "role"))
        changes.disabled =
            try container.decodeIfPresent(Bool.self, forKey: Key(stringValue: "disabled"))
            ?? container.decodeIfPresent(Bool.self, forKey: Key(stringValue: "disable"))
        changes.password = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "password"))
        let cohort = Key(stringValue: "cohort")
        if container.contains(cohort) {
            changes.cohort =
                try container.decodeNil(forKey: cohort) ? .clear : .set(container.decode(String.self, forKey: cohort))
        }
        self.changes = changes
    }
}
