import Testing

@testable import WardSimHTTP

@Suite("Router")
struct RouterTests {
    static func router() -> Router {
        var router = Router()
        let ok = Handler.sync { _ in .text("ok") }
        router.add(.get, "/api/encounters/{id}", ok)
        router.add(.post, "/api/encounters/{id}/messages", ok)
        router.add(.get, "/api/scenarios", ok)
        router.add(.get, "/api/scenarios/new", ok)
        router.add(.get, "/assets/{path...}", ok)
        return router
    }

    @Test func bindsPathParameters() {
        guard case .found(let route, let parameters) = Self.router().match(.get, "/api/encounters/abc123") else {
            Issue.record("no match")
            return
        }
        #expect(route.pattern == "/api/encounters/{id}")
        #expect(parameters == ["id": "abc123"])
    }

    @Test func literalSegmentsWinOverParameters() {
        var router = Router()
        router.add(.get, "/api/scenarios/{id}", .sync { _ in .text("param") })
        router.add(.get, "/api/scenarios/new", .sync { _ in .text("literal") })
        guard case .found(let route, _) = router.match(.get, "/api/scenarios/new") else {
            Issue.record("no match")
            return
        }
        #expect(route.pattern == "/api/scenarios/new")
    }

    @Test func aLiteralPathForAnotherMethodStillReachesAParameterRoute() {
        var router = Router()
        router.add(.post, "/api/scenarios/{id}", .sync { _ in .text("param") })
        router.add(.get, "/api/scenarios/new", .sync { _ in .text("literal") })
        guard case .found(let route, let parameters) = router.match(.post, "/api/scenarios/new") else {
            Issue.record("no match")
            return
        }
        #expect(route.pattern == "/api/scenarios/{id}")
        #expect(parameters == ["id": "new"])
        for path in ["/api/scenarios/new/", "//api/scenarios/new"] {
            guard case .found(let route, _) = router.match(.get, path) else {
                Issue.record("no match for \(path)")
                continue
            }
            #expect(route.pattern == "/api/scenarios/new", "\(path)")
        }
        guard case .found(let headed, _) = router.match(.head, "/api/scenarios/new") else {
            Issue.record("HEAD is served by GET")
            return
        }
        #expect(headed.pattern == "/api/scenarios/new")
    }

    @Test func unknownPathIsNotFound() {
        guard case .notFound = Self.router().match(.get, "/api/nothing") else {
            Issue.record("expected 404")
            return
        }
    }

    @Test func knownPathWithWrongMethodListsAllowedMethods() {
        guard case .methodNotAllowed(let allowed) = Self.router().match(.delete, "/api/encounters/1") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.get, .head])
    }

    @Test func headIsServedByTheGetRoute() {
        guard case .found(let route, _) = Self.router().match(.head, "/api/scenarios") else {
            Issue.record("no match")
            return
        }
        #expect(route.method == .get)
    }

    @Test func restParameterTakesTheRemainingPath() {
        guard case .found(_, let parameters) = Self.router().match(.get, "/assets/js/app.js") else {
            Issue.record("no match")
            return
        }
        #expect(parameters["path"] == "js/app.js")
    }

    @Test func trailingSegmentsDoNotMatchShorterPatterns() {
        guard case .notFound = Self.router().match(.get, "/api/scenarios/new/extra") else {
            Issue.record("expected 404")
            return
        }
    }
}
