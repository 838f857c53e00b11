import Foundation
import Testing
import WardSimCore
import WardSimHTTP

@testable import WardSimApp

/// `WebAssets/api/openapi.json`, served at `/api/openapi.json`: it documents every
/// route of the route table (and nothing else), its security matches each route's
/// access, and the live responses of whole encounters and of the other JSON routes
/// match the documented schemas — undocumented fields included, so the document
/// cannot silently fall behind the code.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    static let url = TestApp.repositoryRoot.appendingPathComponent("WebAssets/api/openapi.json")

    static func document() throws -> JSONValue { try JSONParser.parse(try Data(contentsOf: url)) }

    /// The router's `{path...}` is OpenAPI's `{path}`.
    static func template(_ routePath: String) -> String {
        routePath.replacingOccurrences(of: "...}", with: "}")
    }

    @Test func documentsEveryRouteAndOnlyRealOnes() throws {
        let app = try TestApp()
        let document = try Self.document()
        #expect(document["openapi"]?.string == "3.1.0")
        let entries = app.app.makeRoutes().entries
        var routes: Set<String> = []
        for entry in entries {
            let path = Self.template(entry.path)
            let method = entry.method.rawValue.lowercased()
            routes.insert("\(method) \(path)")
            #expect(
                document["paths"]?[path]?[method] != nil, "\(entry.method.rawValue) \(entry.path) is not documented")
        }
        for path in document["paths"]?.members ?? [] {
            for operation in path.value.members ?? [] {
                #expect(
                    routes.contains("\(operation.key) \(path.key)"),
                    "\(operation.key.uppercased()) \(path.key) is documented but not routed")
            }
        }
    }

    @Test func securityMatchesEachRoutesAccess() throws {
        let app = try TestApp()
        let document = try Self.document()
        let schemes = document["components"]?["securitySchemes"]
        #expect(schemes?["sessionCookie"]?["in"]?.string == "cookie")
        #expect(schemes?["sessionCookie"]?["name"]?.string == "wardsim_session")
        #expect(schemes?["csrfToken"]?["in"]?.string == "header")
        #expect(schemes?["csrfToken"]?["name"]?.string == "X-CSRF-Token")
        for entry in app.app.makeRoutes().entries {
            let operation = document["paths"]?[Self.template(entry.path)]?[entry.method.rawValue.lowercased()]
            let requirements = operation?["security"]?.array ?? []
            let names = Set(requirements.flatMap { $0.members?.map(\.key) ?? [] })
            let label = "\(entry.method.rawValue) \(entry.path)"
            if entry.access == .anonymous {
                #expect(names.isEmpty, "\(label) is anonymous but documents \(names)")
            } else {
                #expect(names.contains("sessionCookie"), "\(label) needs a session")
                let changes = [.post, .put, .patch, .delete].contains(entry.method)
                #expect(names.contains("csrfToken") == changes, "\(label): CSRF token documented wrongly")
            }
        }
    }

    @Test func everyReferenceResolves() throws {
        let checker = try JSONSchemaChecker(document: try Data(contentsOf: Self.url))
        var unresolved: [String] = []
        func walk(_ value: JSONValue, _ path: String) {
            if let reference = value["$ref"]?.string, checker.resolve(reference) == nil {
                unresolved.append("\(path): \(reference)")
            }
            for member in value.members ?? [] { walk(member.value, path + "/" + member.key) }
            for (index, element) in (value.array ?? []).enumerated() { walk(element, "\(path)/\(index)") }
        }
        walk(checker.document, "#")
        #expect(unresolved.isEmpty, "\(unresolved)")
    }

    @Test func theCheckerFindsWhatBreaksASchema() throws {
        let document = #"""
            {"components": {"schemas": {
              "Turn": {"type": "object", "required": ["turn", "voice"], "additionalProperties": false,
                       "properties": {"turn": {"type": "integer", "minimum": 1}, "voice": {"$ref": "#/components/schemas/Voice"},
                                      "notice": {"type": ["string", "null"]}, "at": {"type": "string", "format": "date-time"},
                                      "facts": {"type": "array", "items": {"type": "string"}}}},
              "Voice": {"type": "string", "enum": ["scripted", "llm"]}}}}
            """#
        let checker = try JSONSchemaChecker(document: Data(document.utf8))
        func problems(_ json: String) -> [String] {
            checker.problems(in: Data(json.utf8), against: "#/components/schemas/Turn")
        }
        #expect(
            problems(#"{"turn": 1, "voice": "llm", "notice": null, "at": "2026-01-02T03:04:05Z", "facts": ["a"]}"#)
                .isEmpty)
        #expect(problems(#"{"voice": "llm"}"#) == ["$.turn: required but missing"])
        #expect(problems(#"{"turn": 1.5, "voice": "llm"}"#) == ["$.turn: expected integer, found 1.5"])
        #expect(problems(#"{"turn": 0, "voice": "llm"}"#) == ["$.turn: 0.0 is below the minimum 1.0"])
        #expect(problems(#"{"turn": 1, "voice": "robot"}"#) == [#"$.voice: "robot" is not one of scripted, llm"#])
        #expect(
            problems(#"{"turn": 1, "voice": "llm", "extra": true}"#) == ["$.extra: not in the documented properties"])
        #expect(
            problems(#"{"turn": 1, "voice": "llm", "notice": 3}"#) == ["$.notice: expected string or null, found 3"])
        #expect(
            problems(#"{"turn": 1, "voice": "llm", "at": "yesterday"}"#) == [
                "$.at: 'yesterday' is not an ISO 8601 date-time"
            ])
        #expect(
            problems(#"{"turn": 1, "voice": "llm", "facts": ["a", 2]}"#) == ["$.facts[1]: expected string, found 2"])
    }

    @Test func isServedToAnyoneAsJSON() async throws {
        let app = try TestApp()
        let reply = try await app.newClient().request("GET", "/api/openapi.json")
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(reply.header("ETag") != nil)
        #expect(reply.body == (try Data(contentsOf: Self.url)))
    }

    @Test func aWholeEncounterAnswersAsDocumented() async throws {
        let app = try TestApp()
        let contract = try Contract()
        let trainee = try await app.signedInClient("documented", role: .trainee)
        let scenario = try #require(app.app.library.scenario("chest-pain-inferior-stemi"))
        let run = try TrainingRun.careful(scenario)

        contract.check(try await trainee.request("GET", "/api/scenarios"), "get", "/api/scenarios")
        let (encounter, started) = try await EncounterClient.start(scenario.id, as: trainee)
        let e = "/api/encounters/{id}"
        contract.check(started, "post", "/api/encounters", expecting: 201)
        contract.check(try await encounter.recommendation(), "get", e + "/recommendation", expecting: 409)
        contract.check(try await encounter.debrief(), "get", e + "/debrief", expecting: 409)
        contract.check(
            try await encounter.saveDraft("question", "half a"), "put", e + "/drafts/{field}", expecting: 204)
        for question in run.questions.prefix(6) {
            contract.check(try await encounter.ask(question), "post", e + "/messages")
        }
        let streamed = try await encounter.askStreaming("Do you smoke?")
        contract.check(streamed, "post", e + "/messages/stream")
        let done = try #require(ServerSentEvent.parse(streamed.text).last)
        contract.check(data: Data(done.data.utf8), against: "#/components/schemas/TurnReply", "stream done event")
        contract.check(try await encounter.ask(""), "post", e + "/messages", expecting: 422)
        for item in run.orders {
            contract.check(try await encounter.order(item), "post", e + "/orders", expecting: 201)
        }
        contract.check(try await encounter.order("nothing"), "post", e + "/orders", expecting: 422)
        contract.check(
            try await encounter.recordFindings(run.findings.map { ($0.category, $0.text) }), "put", e + "/findings")
        contract.check(try await encounter.view(), "get", e)
        contract.check(
            try await encounter.commitDiagnosis(run.diagnosis, differential: run.differential, plan: run.plan), "put",
            e + "/diagnosis")
        let shown = try await encounter.recommendation()
        contract.check(shown, "get", e + "/recommendation")
        let id = try #require((shown.json["recommendation"] as? [String: Any])?["id"] as? String)
        let appraisal = run.appraisal(id)
        contract.check(
            try await encounter.appraise(
                recommendationID: id, decision: appraisal.decision.rawValue, flaws: appraisal.flaws.map(\.rawValue),
                justification: appraisal.justification, finalDiagnosis: appraisal.finalDiagnosis,
                finalPlan: appraisal.finalPlan), "put", e + "/appraisal")
        contract.check(try await encounter.submit(), "post", e + "/submit")
        contract.check(try await encounter.submit(), "post", e + "/submit", expecting: 409)
        contract.check(try await encounter.debrief(), "get", e + "/debrief")
        contract.check(
            try await encounter.feedback(rating: 5, comment: "Good"), "post", e + "/feedback", expecting: 204)
        contract.check(try await trainee.request("GET", "/api/encounters"), "get", "/api/encounters")
        contract.check(try await trainee.request("GET", "/api/me/progress"), "get", "/api/me/progress")
        contract.check(try await trainee.request("GET", "/api/scenarios"), "get", "/api/scenarios")
        contract.check(try await app.newClient().request("GET", encounter.path), "get", e, expecting: 401)
        let other = try await app.signedInClient("other", role: .trainee)
        contract.check(try await encounter.through(other).view(), "get", e, expecting: 404)
        #expect(contract.checked >= 30)
    }

    @Test func theOtherJSONRoutesAnswerAsDocumented() async throws {
        let app = try TestApp()
        let contract = try Contract()
        let admin = try await app.signedInClient("root", role: .admin)
        let instructor = try await app.signedInClient("teacher", role: .instructor)
        let trainee = try await app.signedInClient("pupil", role: .trainee)

        contract.check(try await app.newClient().request("GET", "/healthz"), "get", "/healthz")
        let login = try await app.newClient().signIn("pupil")
        contract.check(login, "post", "/api/auth/login")
        contract.check(try await app.newClient().signIn("pupil", "wrong"), "post", "/api/auth/login", expecting: 401)
        contract.check(try await trainee.request("GET", "/api/auth/me"), "get", "/api/auth/me")
        contract.check(try await trainee.request("GET", "/api/admin/users"), "get", "/api/admin/users", expecting: 403)

        let cohort = try await admin.request("POST", "/api/admin/cohorts", json: ["name": "Ward 7"])
        contract.check(cohort, "post", "/api/admin/cohorts", expecting: 201)
        let cohortID = try #require((cohort.json["cohort"] as? [String: Any])?["id"] as? Int)
        let created = try await admin.request(
            "POST", "/api/admin/users",
            json: [
                "username": "newbie", "displayName": "New Bie", "role": "trainee", "cohort": "Ward 7",
                "password": TestApp.password,
            ])
        contract.check(created, "post", "/api/admin/users", expecting: 201)
        let userID = try #require((created.json["user"] as? [String: Any])?["id"] as? Int)
        contract.check(
            try await admin.request(
                "POST", "/api/admin/users",
                json: ["username": "x", "displayName": "", "role": "pilot", "password": "p"]),
            "post", "/api/admin/users", expecting: 422)
        contract.check(
            try await admin.request("PATCH", "/api/admin/users/\(userID)", json: ["displayName": "Newer Bie"]), "patch",
            "/api/admin/users/{id}")
        contract.check(try await admin.request("GET", "/api/admin/users"), "get", "/api/admin/users")
        let instructorID = try #require(
            try await admin.request("GET", "/api/admin/users").objects("users").first {
                $0["username"] as? String == "teacher"
            }?[
                "id"] as? Int)
        contract.check(
            try await admin.request(
                "PUT", "/api/admin/cohorts/\(cohortID)/instructors", json: ["instructorIds": [instructorID]]),
            "put", "/api/admin/cohorts/{id}/instructors")
        contract.check(try await admin.request("GET", "/api/admin/cohorts"), "get", "/api/admin/cohorts")
        for (csv, status) in [("username,displayName,role\nimp1,Imp One,trainee\n", 201), ("u,,pilot\n", 422)] {
            contract.check(
                try await admin.request(
                    "POST", "/api/admin/users/import", body: Data(csv.utf8), headers: ["Content-Type": "text/csv"]),
                "post", "/api/admin/users/import", expecting: status)
        }
        contract.check(try await admin.request("GET", "/api/admin/audit?limit=3"), "get", "/api/admin/audit")
        contract.check(
            try await instructor.request("GET", "/api/instructor/trainees"), "get", "/api/instructor/trainees")
        contract.check(
            try await instructor.request("GET", "/api/authoring/scenarios"), "get", "/api/authoring/scenarios")

        // Analytics over a cohort with graded work in it.
        let newbie = app.newClient()
        #expect(try await newbie.signIn("newbie").status == 200)
        let scenario = try #require(app.app.library.scenario("warfarin-clarithromycin"))
        _ = try await TrainingRun.careful(scenario).play(scenario.id, as: newbie)
        contract.check(
            try await instructor.request("GET", "/api/instructor/analytics/scenarios/\(scenario.id)"), "get",
            "/api/instructor/analytics/scenarios/{id}")
        contract.check(
            try await instructor.request("GET", "/api/instructor/analytics/cohorts/\(cohortID)"), "get",
            "/api/instructor/analytics/cohorts/{id}")
        contract.check(try await newbie.request("GET", "/api/me/progress"), "get", "/api/me/progress")
        contract.check(try await admin.request("POST", "/api/auth/logout"), "post", "/api/auth/logout", expecting: 204)
        #expect(contract.checked >= 20)
    }

    @Test func theAuthoringRoutesAnswerAsDocumented() async throws {
        let app = try TestApp()
        let contract = try Contract()
        let author = try await app.signedInClient("author", role: .instructor)
        let a = "/api/authoring/scenarios"
        var draft = try AuthoringFixtures.draft("documented-case")

        contract.check(
            try await author.request("POST", "/api/authoring/validate", json: draft), "post", "/api/authoring/validate")
        contract.check(try await author.request("POST", a, json: draft), "post", a, expecting: 201)
        contract.check(try await author.request("POST", a, json: draft), "post", a, expecting: 409)
        contract.check(try await author.request("POST", a, json: ["id": 3]), "post", a, expecting: 422)
        draft["title"] = "Epigastric discomfort after a large meal"
        contract.check(try await author.request("PUT", a + "/documented-case", json: draft), "put", a + "/{id}")
        contract.check(try await author.request("GET", a), "get", a)
        contract.check(try await author.request("GET", a + "/documented-case"), "get", a + "/{id}")
        contract.check(
            try await author.request("GET", a + "/documented-case/versions/1"), "get", a + "/{id}/versions/{version}")
        contract.check(
            try await author.request("GET", a + "/documented-case/diff?from=1&to=2"), "get", a + "/{id}/diff")
        contract.check(try await author.request("GET", a + "/documented-case/export"), "get", a + "/{id}/export")
        contract.check(
            try await author.request(
                "POST", a + "/documented-case/try", json: ["question": "When did the pain start?"]),
            "post", a + "/{id}/try")
        contract.check(
            try await author.request("POST", a + "/documented-case/playtest"), "post", a + "/{id}/playtest",
            expecting: 201)
        contract.check(
            try await author.request("POST", a + "/documented-case/publish", json: ["version": 2]), "post",
            a + "/{id}/publish")
        contract.check(try await author.request("POST", a + "/documented-case/archive"), "post", a + "/{id}/archive")
        contract.check(
            try await author.request("POST", a + "/documented-case/archive"), "post", a + "/{id}/archive",
            expecting: 409)
        draft["id"] = "imported-case"
        contract.check(
            try await author.request("POST", a + "/import", json: draft), "post", a + "/import", expecting: 201)
        let agentClinic = try await author.request(
            "POST", "/api/authoring/import/agentclinic", body: Data("{not a case}\n".utf8),
            headers: ["Content-Type": "application/x-ndjson"])
        contract.check(agentClinic, "post", "/api/authoring/import/agentclinic")
        #expect(contract.checked >= 17)
    }
}

/// The documented answers, and a check of live replies against them.
final class Contract: @unchecked Sendable {
    // Used from one test at a time; `checked` only counts.
    let checker: JSONSchemaChecker
    private(set) var checked = 0

    init() throws {
        checker = try JSONSchemaChecker(document: try Data(contentsOf: OpenAPIDocumentTests.url))
    }

    /// Checks that `reply` has the `expecting` status, that the status is documented for
    /// `method path`, and that a JSON body matches the documented schema.
    func check(
        _ reply: TestClient.Reply, _ method: String, _ path: String, expecting status: Int = 200,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        checked += 1
        let label = "\(method.uppercased()) \(path) \(status)"
        #expect(reply.status == status, "\(label): got \(reply.status) \(reply.text)", sourceLocation: sourceLocation)
        guard let operation = checker.document["paths"]?[path]?[method] else {
            Issue.record("\(label): not documented", sourceLocation: sourceLocation)
            return
        }
        guard var response = operation["responses"]?[String(reply.status)] else {
            Issue.record("\(label): status \(reply.status) not documented", sourceLocation: sourceLocation)
            return
        }
        if let reference = response["$ref"]?.string, let target = checker.resolve(reference) { response = target }
        let type = reply.header("Content-Type")?.split(separator: ";").first.map(String.init) ?? ""
        guard let content = response["content"] else {
            #expect(reply.body.isEmpty, "\(label): undocumented body", sourceLocation: sourceLocation)
            return
        }
        guard let media = content[type] ?? content["*/*"] else {
            Issue.record("\(label): \(type) not documented", sourceLocation: sourceLocation)
            return
        }
        guard type == "application/json", let schema = media["schema"] else { return }
        guard let body = try? JSONParser.parse(reply.body) else {
            Issue.record("\(label): the body is not JSON", sourceLocation: sourceLocation)
            return
        }
        let problems = checker.problems(body, schema, at: "$")
        #expect(problems.isEmpty, "\(label):\n\(problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// Checks a JSON text against a schema reference (for SSE payloads).
    func check(
        data: Data, against reference: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        checked += 1
        let problems = checker.problems(in: data, against: reference)
        #expect(problems.isEmpty, "\(label):\n\(problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}
