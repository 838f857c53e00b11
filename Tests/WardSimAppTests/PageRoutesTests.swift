import Foundation
import Testing

@testable import WardSimApp

@Suite("Page routes")
struct PageRoutesTests {
    @Test func everyPageServesItsHTMLFile() async throws {
        let app = try TestApp()
        for (path, file) in RouteTable.pages {
            let url = path.replacingOccurrences(of: "{id}", with: "e_123")
            let reply = try await app.request("GET", url)
            #expect(reply.status == 200, "\(url)")
            #expect(reply.header("Content-Type") == "text/html; charset=utf-8", "\(url)")
            #expect(reply.header("Content-Security-Policy")?.contains("script-src 'self'") == true, "\(url)")
            let expected = try String(
                contentsOf: TestApp.repositoryRoot.appendingPathComponent("WebAssets").appendingPathComponent(file),
                encoding: .utf8)
            #expect(reply.text == expected, "\(url) should serve \(file)")
        }
    }

    @Test func pagesLoadOnlyTheirOwnScriptsAndStyles() throws {
        // CSP forbids inline script and style: every page must use files from /assets.
        let root = TestApp.repositoryRoot.appendingPathComponent("WebAssets")
        for (_, file) in RouteTable.pages {
            let html = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            #expect(!html.contains("<script>"), "\(file) has an inline script")
            #expect(!html.contains("style="), "\(file) has an inline style")
            #expect(!html.contains("<style"), "\(file) has a style element")
            #expect(html.contains(#"<script type="module" src="/assets/js/"#), "\(file) loads no module")
        }
    }

    @Test func unknownPagesAndAssetsAre404() async throws {
        let app = try TestApp()
        #expect(try await app.request("GET", "/nowhere").status == 404)
        #expect(try await app.request("GET", "/assets/js/nowhere.js").status == 404)
        #expect(try await app.request("GET", "/encounter").status == 404)
        let script = try await app.request("GET", "/assets/js/api.js")
        #expect(script.status == 200)
        #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
    }
}
