import Foundation
import WardSimCore
import WardSimHTTP
import WardSimStore

extension WardSimApplication {
    /// The encounter as JSON, with the trainee's saved drafts.
    func encounterView(_ id: String, user: AuthenticatedUser) throws -> Response {
        let loaded = try encounters.load(id, user: user)
        let drafts = try database.read { db in try DraftRepository(db).drafts(encounterID: id) }
        return .json(EncounterView(loaded, drafts: drafts))
    }

    /// One line per encounter of `user`, newest first.
    func encounterSummaries(for user: AuthenticatedUser) throws -> [EncounterSummary] {
        try database.read { db in
            let grades = GradeRepository(db)
            return try EncounterRepository(db).encounters(userID: user.id).map { stored in
                let scenario = try catalog.scenario(row: stored.scenarioVersionRowID)
                return EncounterSummary(
                    id: stored.id, scenarioId: scenario.id, title: scenario.title, state: stored.state,
                    startedAt: stored.startedAt, submittedAt: stored.submittedAt,
                    overall: try grades.grade(encounterID: stored.id)?.overall)
            }
        }
    }

    /// Streams the patient's reply as Server-Sent Events: `token` events with text, then
    /// `done` with the whole turn (as the JSON endpoint returns it), or `error`.
    ///
    /// The reply is guarded in full before the first token is sent, so nothing unchecked
    /// ever reaches the browser; the turn is recorded before `done` is sent.
    func streamReply(_ id: String, text: String, user: AuthenticatedUser) throws -> Response {
        let question = try EncounterService.validQuestion(text)
        let loaded = try encounters.load(id, user: user)
        do { try loaded.machine.ensureCanAsk() } catch let error as EncounterError {
            throw EncounterFailure.http(error)
        }
        let engine = try catalog.engine(row: loaded.stored.scenarioVersionRowID)
        let transcript = loaded.machine.state.transcript
        let stream = EventStream()
        let encounters = self.encounters
        Task {
            for await event in engine.stream(question, transcript: transcript) {
                switch event {
                case .chunk(let chunk):
                    stream.send(event: "token", data: chunk)
                case .finished(let turn):
                    do {
                        let number = try await encounters.recordOffPool(turn, in: id, user: user)
                        stream.send(event: "done", data: Self.jsonText(TurnReply(turn, number: number)))
                    } catch {
                        let message = (error as? any HTTPResponseError)?.message ?? "The reply could not be saved."
                        stream.send(event: "error", data: Self.jsonText(["message": message]))
                    }
                }
            }
            stream.finish()
        }
        return .eventStream(stream)
    }

    static func jsonText<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// An encounter in a list.
struct EncounterSummary: Encodable {
    var id: String
    var scenarioId: String
    var title: String
    var state: String
    var startedAt: Date
    var submittedAt: Date?
    var overall: Double?
}
