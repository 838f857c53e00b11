import Foundation
import WardSimCore
import WardSimHTTP
import WardSimStore

/// The encounter API: start, interview, order, record, commit, appraise, submit, debrief.
/// Each handler decodes, calls `EncounterService`, and encodes; the rules live in Core.
extension RouteTable {
    mutating func addEncounterRoutes(_ app: WardSimApplication) {
        let encounters = app.encounters

        add(.post, "/api/encounters", .trainee) { request, context in
            struct Body: Decodable { var scenarioId: String }
            let user = try context.requireUser()
            let loaded = try encounters.start(scenarioID: try request.decode(Body.self).scenarioId, user: user)
            return .json(EncounterView(loaded, drafts: [:]), status: 201)
        }

        add(.get, "/api/encounters", .trainee) { _, context in
            let user = try context.requireUser()
            return .json(["encounters": try app.encounterSummaries(for: user)])
        }

        add(.get, "/api/encounters/{id}", .trainee) { request, context in
            try app.encounterView(request.parameter("id"), user: try context.requireUser())
        }

        addAsync(.post, "/api/encounters/{id}/messages", .trainee) { request, context in
            struct Body: Decodable { var text: String }
            let text = try request.decode(Body.self).text
            let (turn, number) = try await encounters.ask(
                request.parameter("id"), text: text, user: try context.requireUser())
            return .json(TurnReply(turn, number: number))
        }

        add(.post, "/api/encounters/{id}/messages/stream", .trainee) { request, context in
            struct Body: Decodable { var text: String }
            let text = try request.decode(Body.self).text
            return try app.streamReply(request.parameter("id"), text: text, user: try context.requireUser())
        }

        add(.post, "/api/encounters/{id}/orders", .trainee) { request, context in
            struct Body: Decodable { var itemId: String }
            let itemID = try request.decode(Body.self).itemId
            let (result, loaded) = try encounters.mutate(request.parameter("id"), user: try context.requireUser()) {
                machine, now in try machine.order(itemID, at: now)
            }
            let order = EncounterView(loaded, drafts: [:]).orders.first { $0.itemId == result.item.id }
            return .json(["order": order], status: 201)
        }

        add(.put, "/api/encounters/{id}/findings", .trainee) { request, context in
            let findings = try FindingsInput.decode(request)
            let user = try context.requireUser()
            _ = try encounters.mutate(request.parameter("id"), user: user) { machine, now in
                try machine.recordFindings(findings, at: now)
            }
            return try app.encounterView(request.parameter("id"), user: user)
        }

        add(.put, "/api/encounters/{id}/diagnosis", .trainee) { request, context in
            let body = try DiagnosisInput.decode(request)
            let user = try context.requireUser()
            _ = try encounters.mutate(request.parameter("id"), user: user) { machine, now in
                try machine.commitDiagnosis(body.diagnosis, differential: body.differential, plan: body.plan, at: now)
            }
            return try app.encounterView(request.parameter("id"), user: user)
        }

        add(.get, "/api/encounters/{id}/recommendation", .trainee) { request, context in
            let (recommendation, _) = try encounters.mutate(request.parameter("id"), user: try context.requireUser()) {
                machine, now in try machine.showRecommendation(at: now)
            }
            return .json([
                "recommendation": EncounterView.RecommendationView(
                    id: recommendation.id, text: recommendation.text, confidence: recommendation.confidence,
                    citations: recommendation.citations)
            ])
        }

        add(.put, "/api/encounters/{id}/appraisal", .trainee) { request, context in
            let appraisal = try AppraisalInput.decode(request)
            let user = try context.requireUser()
            _ = try encounters.mutate(request.parameter("id"), user: user) { machine, now in
                try machine.appraise(appraisal, at: now)
            }
            return try app.encounterView(request.parameter("id"), user: user)
        }

        add(.post, "/api/encounters/{id}/submit", .trainee) { request, context in
            let (report, loaded) = try encounters.submit(request.parameter("id"), user: try context.requireUser())
            return .json(
                SubmitReply(
                    encounter: EncounterView(loaded, drafts: [:]), debrief: DebriefView(report: report, loaded: loaded))
            )
        }

        add(.get, "/api/encounters/{id}/debrief", .trainee) { request, context in
            let (report, loaded) = try encounters.grade(request.parameter("id"), user: try context.requireUser())
            return .json(DebriefView(report: report, loaded: loaded))
        }

        add(.put, "/api/encounters/{id}/drafts/{field}", .trainee) { request, context in
            let (field, text) = try DraftInput.decode(request)
            let id = request.parameter("id")
            let loaded = try encounters.load(id, user: try context.requireUser())
            guard loaded.machine.state.phase != .submitted else {
                throw HTTPError.conflict("This encounter is submitted; drafts can no longer change.")
            }
            try app.database.write { db in try DraftRepository(db).save(encounterID: id, field: field, text: text) }
            return .empty()
        }

        add(.post, "/api/encounters/{id}/feedback", .trainee) { request, context in
            struct Body: Decodable {
                var rating: Int
                var comment: String?
            }
            let body = try request.decode(Body.self)
            guard (1...5).contains(body.rating) else {
                throw EncounterFailure.invalid("rating", "Rate the case from 1 to 5.")
            }
            let comment = body.comment ?? ""
            guard comment.count <= 4000 else {
                throw EncounterFailure.invalid("comment", "Keep the comment under 4000 characters.")
            }
            let user = try context.requireUser()
            let loaded = try encounters.load(request.parameter("id"), user: user)
            guard loaded.machine.state.phase == .submitted else {
                throw HTTPError.conflict("Submit the encounter before rating the case.")
            }
            try app.database.write { db in
                try FeedbackRepository(db).save(
                    encounterID: loaded.stored.id, userID: user.id, rating: body.rating, comment: comment)
            }
            return .empty()
        }
    }
}

/// The answer to one question. `notice` is present only when the model failed and the
/// script answered instead; `turn` numbers the exchange as the transcript does.
struct TurnReply: Encodable {
    var turn: Int
    var reply: String
    var facts: [String]
    var voice: String
    var fellBack: Bool
    var notice: String?

    init(_ turn: PatientTurn, number: Int) {
        self.turn = number
        reply = turn.reply
        facts = turn.retrieval.factIDs
        voice = turn.voice.rawValue
        fellBack = turn.fellBack
        notice = turn.notice
    }
}

struct SubmitReply: Encodable {
    var encounter: EncounterView
    var debrief: DebriefView
}
