import Foundation
import Testing

@Suite("Health and metrics")
struct HealthTests {
    @Test func healthzAnswersWhenTheDatabaseDoes() async throws {
        let app = try TestApp()
        let reply = try await app.request("GET", "/healthz")
        #expect(reply.status == 200)
        #expect(reply.json["status"] as? String == "ok")
    }

    @Test func metricsCountRequestsByRoute() async throws {
        let app = try TestApp()
        try await app.request("GET", "/healthz")
        let reply = try await app.request("GET", "/metrics")
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        #expect(reply.text.contains(#"wardsim_http_requests_total{method="GET",route="/healthz",status="200"} 1"#))
        #expect(reply.text.contains("wardsim_http_request_duration_seconds_bucket"))
        #expect(reply.text.contains("wardsim_http_open_connections"))
    }

    @Test func everyResponseCarriesSecurityHeaders() async throws {
        let app = try TestApp()
        for path in ["/healthz", "/no-such-page"] {
            let reply = try await app.request("GET", path)
            #expect(reply.header("Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(reply.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
            #expect(reply.header("X-Content-Type-Options") == "nosniff")
            #expect(reply.header("Referrer-Policy") == "no-referrer")
            #expect(reply.header("X-Request-Id")?.count == 16)
        }
    }
}
