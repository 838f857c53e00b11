import Foundation
import WardSimCore
import WardSimHTTP

extension RouteTable {
    /// Scenario authoring, for instructors and administrators: list, read, validate,
    /// create, save, publish, archive, export, import, try a question, play-test, diff.
    /// See docs/authoring.md.
    mutating func addAuthoringRoutes(_ app: WardSimApplication) {
        let authoring = app.authoring
        struct ScenariosBody: Encodable { let scenarios: [ScenarioSummaryView] }
        struct ScenarioBody: Encodable { let scenario: ScenarioSummaryView }

        add(.get, "/api/authoring/scenarios", .instructor) { _, _ in
            .json(ScenariosBody(scenarios: try authoring.list()))
        }
        add(.post, "/api/authoring/validate", .instructor) { request, _ in
            .json(try authoring.validate(try Self.document(request), editing: request.query["scenario"]))
        }
        add(.post, "/api/authoring/scenarios", .instructor) { request, context in
            let saved = try authoring.create(try Self.document(request), by: try Self.actor(request, context))
            return .json(saved, status: 201)
        }
        add(.post, "/api/authoring/scenarios/import", .instructor) { request, context in
            let (saved, created) = try authoring.importFile(
                try Self.document(request), by: try Self.actor(request, context))
            return .json(saved, status: created ? 201 : 200)
        }
        addAsync(.post, "/api/authoring/import/agentclinic", .instructor) { request, context in
            guard let text = String(data: request.body, encoding: .utf8), !text.isEmpty else {
                throw HTTPError.badRequest("Send the AgentClinic cases as UTF-8 JSON Lines, one case a line.")
            }
            let actor = try Self.actor(request, context)
            let report = try await offPool {
                try authoring.importAgentClinic(
                    text, curriculum: app.curriculum, defaults: app.library.defaults, by: actor)
            }
            return .json(report, status: report.imported > 0 ? 201 : 200)
        }
        add(.get, "/api/authoring/scenarios/{id}", .instructor) { request, _ in
            .json(try authoring.detail(request.parameter("id")))
        }
        add(.put, "/api/authoring/scenarios/{id}", .instructor) { request, context in
            .json(
                try authoring.save(
                    request.parameter("id"), try Self.document(request), by: try Self.actor(request, context)))
        }
        add(.get, "/api/authoring/scenarios/{id}/versions/{version}", .instructor) { request, _ in
            .json(try authoring.version(request.parameter("id"), try Self.version(request.parameter("version"))))
        }
        add(.post, "/api/authoring/scenarios/{id}/publish", .instructor) { request, context in
            struct Body: Decodable { var version: Int? }
            let expected = request.body.isEmpty ? nil : try request.decode(Body.self).version
            return .json(
                try authoring.publish(
                    request.parameter("id"), expectedVersion: expected, by: try Self.actor(request, context)))
        }
        add(.post, "/api/authoring/scenarios/{id}/archive", .instructor) { request, context in
            .json(
                ScenarioBody(
                    scenario: try authoring.archive(request.parameter("id"), by: try Self.actor(request, context))))
        }
        add(.get, "/api/authoring/scenarios/{id}/export", .instructor) { request, _ in
            let version = try request.query["version"].map(Self.version)
            let file = try authoring.export(request.parameter("id"), version: version)
            var response = Response.text(file.text)
            response.headers.set("Content-Type", "application/json; charset=utf-8")
            response.headers.set("Content-Disposition", "attachment; filename=\"\(file.fileName)\"")
            response.headers.set("Cache-Control", "no-store")
            return response
        }
        add(.post, "/api/authoring/scenarios/{id}/try", .instructor) { request, _ in
            let body = try TryBody(request)
            return .json(
                try authoring.tryQuestion(
                    request.parameter("id"), question: body.question, previous: body.previous, document: body.document))
        }
        add(.post, "/api/authoring/scenarios/{id}/playtest", .instructor) { request, context in
            let loaded = try authoring.playtest(
                request.parameter("id"), user: try context.requireUser(), encounters: app.encounters)
            return .json(EncounterView(loaded, drafts: [:]), status: 201)
        }
        add(.get, "/api/authoring/scenarios/{id}/diff", .instructor) { request, _ in
            guard let from = request.query["from"], let to = request.query["to"] else {
                throw HTTPError.badRequest("Give the two versions to compare: ?from=1&to=2.")
            }
            return .json(
                try authoring.diff(request.parameter("id"), from: try Self.version(from), to: try Self.version(to)))
        }
    }

    /// The request body as a scenario document (JSON), or 400/415.
    static func document(_ request: Request) throws -> Data {
        if let type = request.headers["Content-Type"], !type.lowercased().contains("json") {
            throw HTTPError(415, "Send the scenario as application/json (got \(type)).")
        }
        guard !request.body.isEmpty else {
            throw HTTPError.badRequest("The request body is empty; send a scenario document (JSON).")
        }
        return request.body
    }

    /// A version number from the path or query, or 400.
    static func version(_ text: String) throws -> Int {
        guard let number = Int(text), number >= 1 else {
            throw HTTPError.badRequest("'\(text)' is not a version number (1, 2, …).")
        }
        return number
    }

    static func actor(_ request: Request, _ context: RequestContext) throws -> AuditActor {
        AuditActor(user: try context.requireUser(), request: request)
    }
}

/// The body of `POST /api/authoring/scenarios/{id}/try`: `{"question", "previous"?,
/// "document"?}`. The document is kept as raw JSON so it is decoded exactly as a saved
/// one would be.
private struct TryBody {
    var question: String
    var previous: [String]
    var document: Data?

    init(_ request: Request) throws {
        struct Fields: Decodable {
            var question: String
            var previous: [String]?
        }
        let fields = try request.decode(Fields.self)
        question = fields.question
        previous = fields.previous ?? []
        guard previous.count <= 50 else { throw HTTPError.badRequest("Give at most 50 previous questions.") }
        if let document = try? JSONParser.parse(request.body)["document"], document.members != nil {
            self.document = Data(JSONWriter.prettyPrinted(document).utf8)
        }
    }
}
