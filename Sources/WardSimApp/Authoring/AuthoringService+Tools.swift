import Foundation
import WardSimCore
import WardSimHTTP
import WardSimStore

/// The author's tools beside saving: export, "try a question", play-test and diff.
extension AuthoringService {
    /// A version (the newest when nil) as a scenario file, the format of `Scenarios/`.
    func export(_ id: String, version: Int?) throws -> (fileName: String, text: String) {
        let stored = try database.read { db in
            if let version { return try self.stored(id, version, db: db) }
            guard let latest = try ScenarioVersionRepository(db).latest(scenarioID: id) else {
                throw AuthoringFailure.notFound(id)
            }
            return latest
        }
        return (id + ".json", try ScenarioDocument.text(for: try decode(stored)))
    }

    /// What the patient would disclose for `question` (after `previous` questions): from
    /// `document` when given (the editor's unsaved copy), else from the newest version.
    func tryQuestion(_ id: String, question: String, previous: [String], document: Data?) throws -> TrialView {
        let scenario: Scenario
        if let document {
            do {
                scenario = try JSONDecoder().decode(Scenario.self, from: document)
            } catch {
                let first = check.check(document).problems.first.map { "\($0.path): \($0.message)" }
                throw HTTPError.unprocessable(
                    "The facts cannot be tried until the document can be read"
                        + (first.map { " (first problem: \($0))" } ?? "") + ".")
            }
        } else {
            scenario = try database.read { db in
                guard let latest = try ScenarioVersionRepository(db).latest(scenarioID: id) else {
                    throw AuthoringFailure.notFound(id)
                }
                return try decode(latest)
            }
        }
        let text = question.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 2000 else {
            throw EncounterFailure.invalid("question", "Type a question of up to 2000 characters.")
        }
        let outcome = QuestionTrial(scenario: scenario).run(text, after: previous)
        return TrialView(outcome, scenario: scenario)
    }

    /// Starts a practice encounter for `user` on the newest version of `id`, draft or
    /// not. Practice encounters are graded for the debrief but never count towards
    /// progress, the case library's scores or reports.
    func playtest(_ id: String, user: AuthenticatedUser, encounters: EncounterService) throws
        -> EncounterService.Loaded
    {
        let row = try database.read { db in
            guard let latest = try ScenarioVersionRepository(db).latest(scenarioID: id) else {
                throw AuthoringFailure.notFound(id)
            }
            _ = try decode(latest)
            return latest.rowID
        }
        return try encounters.start(row: row, user: user, practice: true)
    }

    /// What changed between two versions of `id`.
    func diff(_ id: String, from: Int, to: Int) throws -> DiffView {
        let (old, new) = try database.read { db in (try stored(id, from, db: db), try stored(id, to, db: db)) }
        let before = try Self.parse(old)
        let after = try Self.parse(new)
        return DiffView(
            scenarioId: id, from: from, to: to,
            changes: JSONDiff.changes(from: before, to: after).map(DiffView.Change.init))
    }

    private static func parse(_ stored: StoredScenarioVersion) throws -> JSONValue {
        do {
            return try JSONParser.parse(stored.document)
        } catch {
            throw HTTPError(500, "Version \(stored.version) of '\(stored.scenarioID)' cannot be read.")
        }
    }
}

/// `POST /api/authoring/scenarios/{id}/try`: the retriever's choice for one question.
struct TrialView: Encodable, Sendable {
    struct FactView: Encodable, Sendable {
        var id: String
        var answer: String
        var topics: [String]
        var subject: String?
        var critical: Bool
        var redFlag: Bool
    }

    var question: String
    var factIds: [String]
    var facts: [FactView]
    var intents: [String]
    var subject: String?
    /// What the offline, scripted voice would reply.
    var reply: String

    init(_ outcome: QuestionTrial.Outcome, scenario: Scenario) {
        question = outcome.question
        factIds = outcome.factIDs
        facts = outcome.factIDs.compactMap(scenario.fact).map {
            FactView(
                id: $0.id, answer: $0.answer, topics: $0.topics, subject: $0.subject, critical: $0.critical,
                redFlag: $0.redFlag)
        }
        intents = outcome.intents.map(\.rawValue)
        subject = outcome.subject
        reply = outcome.reply
    }
}

/// `GET /api/authoring/scenarios/{id}/diff?from=&to=`.
struct DiffView: Encodable, Sendable {
    struct Change: Encodable, Sendable {
        var path: String
        var change: String
        var old: JSONValue?
        var new: JSONValue?

        init(_ change: JSONChange) {
            path = change.path.description
            self.change = change.kind.rawValue
            old = change.old
            new = change.new
        }
    }

    var scenarioId: String
    var from: Int
    var to: Int
    var changes: [Change]
}
