import Foundation
import WardSimHTTP

/// The healthy answer, encoded once: health checks are polled often.
private let healthyBody = Data(#"{"status":"ok"}"#.utf8)

extension RouteTable {
    /// `GET /healthz` (200 when the database answers, 503 otherwise) and `GET /metrics`.
    mutating func addHealthRoutes(_ app: WardSimApplication) {
        add(.get, "/healthz", .anonymous) { _, _ in
            do {
                _ = try app.database.read { db in try db.scalar(Int.self, "SELECT 1") }
                return .json(data: healthyBody)
            } catch {
                return .json(["status": "unavailable", "reason": "the database does not answer"], status: 503)
            }
        }
        add(.get, "/metrics", .anonymous) { _, _ in
            var response = Response.text(app.metrics.render())
            response.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            return response
        }
    }
}
