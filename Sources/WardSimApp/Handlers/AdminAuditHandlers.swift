import Foundation
import WardSimHTTP
import WardSimStore

extension RouteTable {
    /// The audit log, newest first, paged with `?before=<id>&limit=<n>`. Administrators only.
    mutating func addAdminAuditRoutes(_ app: WardSimApplication) {
        struct EntryView: Encodable {
            let id: Int64
            let at: Date
            let actorId: Int64?
            let actor: String
            let action: String
            let target: String
            let detail: String
            let remote: String
        }
        struct Page: Encodable {
            let entries: [EntryView]
            /// Pass as `before` for the next (older) page; nil on the last page.
            let next: Int64?
        }

        add(.get, "/api/admin/audit", .admin) { request, _ in
            let limit = try Self.integer(request.query["limit"], name: "limit", in: 1...500) ?? 50
            let before = try Self.integer(request.query["before"], name: "before", in: 1...Int.max).map(Int64.init)
            let entries = try app.database.read { db in try AuditLogRepository(db).page(before: before, limit: limit) }
            return .json(
                Page(
                    entries: entries.map {
                        EntryView(
                            id: $0.id, at: $0.at, actorId: $0.actorID, actor: $0.actor, action: $0.action,
                            target: $0.target, detail: $0.detail, remote: $0.remote)
                    },
                    next: entries.count == limit ? entries.last?.id : nil))
        }
    }

    /// A whole-number query parameter within `range`, or 400.
    static func integer(_ text: String?, name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw HTTPError.badRequest(
                "?\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }
}
