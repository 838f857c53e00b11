import Foundation
import Testing

@testable import WardSimApp

@Suite("HTML pages")
struct HTMLPagesTests {
    static let payloads = [
        "<script>alert('name')</script>", "\"><img src=x onerror=alert(1)>", "</title><svg onload=alert(2)>",
    ]

    /// Every HTML page the app serves: the non-API GET routes, with each HTML asset for
    /// the asset route.
    static func pagePaths(_ app: TestApp) throws -> [String] {
        var paths: [String] = []
        let assets = TestApp.repositoryRoot.appendingPathComponent("WebAssets")
        let files = FileManager.default.enumerator(atPath: assets.path)?.compactMap { $0 as? String } ?? []
        for entry in app.app.makeRoutes().entries where entry.method == .get && !entry.path.hasPrefix("/api/") {
            if entry.path.contains("{path...}") {
                for file in files where file.hasSuffix(".html") {
                    paths.append(entry.path.replacingOccurrences(of: "{path...}", with: file))
                }
            } else if entry.path != "/healthz" && entry.path != "/metrics" {
                paths.append(entry.path)
            }
        }
        return paths
    }

    @Test func userSuppliedNamesNeverComeBackAsMarkup() async throws {
        let app = try TestApp()
        let admin = try await app.signedInClient("root", role: .admin)
        for (index, payload) in Self.payloads.enumerated() {
            #expect(try await admin.request("POST", "/api/admin/cohorts", json: ["name": payload]).status == 201)
            let created = try await admin.request(
                "POST", "/api/admin/users",
                json: [
                    "username": "user\(index)", "displayName": payload, "role": "trainee", "cohort": payload,
                    "password": TestApp.password,
                ])
            #expect(created.status == 201)
        }
        let paths = try Self.pagePaths(app)
        #expect(paths.contains("/setup"))
        var pages = 0
        for path in paths {
            for client in [admin, app.newClient()] {
                let reply = try await client.request("GET", path)
                guard reply.status == 200, reply.header("Content-Type")?.hasPrefix("text/html") == true else {
                    continue
                }
                pages += 1
                for payload in Self.payloads {
                    #expect(!reply.text.contains(payload), "\(path) echoed markup from a user")
                }
            }
        }
        #expect(pages >= 2)
        // The JSON API returns names as data; the pages insert them with textContent.
        let list = try await admin.request("GET", "/api/admin/users")
        #expect(
            (list.json["users"] as? [[String: Any]])?.contains { $0["displayName"] as? String == Self.payloads[0] }
                == true)
    }

    @Test func pagesHaveNoInlineScriptAndLabelEveryField() async throws {
        let app = try TestApp()
        for path in try Self.pagePaths(app) {
            let reply = try await app.request("GET", path)
            guard reply.status == 200, reply.header("Content-Type")?.hasPrefix("text/html") == true else { continue }
            let html = reply.text
            #expect(html.range(of: #"<script(?![^>]*\bsrc=)[^>]*>"#, options: .regularExpression) == nil, "\(path)")
            #expect(html.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(path): inline handler")
            #expect(html.range(of: #"<style|style="#, options: .regularExpression) == nil, "\(path): inline style")
            let ids = Self.matches(#"<input[^>]*\bid="([^"]+)""#, in: html)
            let labelled = Set(Self.matches(#"<label[^>]*\bfor="([^"]+)""#, in: html))
            for id in ids { #expect(labelled.contains(id), "\(path): input #\(id) has no label") }
            #expect(html.contains("<html lang=\"en\">"))
        }
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
