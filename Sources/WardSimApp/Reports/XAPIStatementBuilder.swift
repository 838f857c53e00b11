import Foundation
import WardSimCore
import WardSimStore

/// Turns a graded encounter into xAPI 1.0.3 statements.
///
/// - One `completed` statement (verb `http://adlnet.gov/expapi/verbs/completed`) whose
///   object is the scenario as an Activity (`{base}/scenarios/{id}`, type
///   `http://adlnet.gov/expapi/activities/simulation`), with `result.score.scaled` (the
///   overall score, 0–1), `result.success` (overall ≥ 0.7, `PassMark`),
///   `result.completion` and `result.duration` (ISO 8601, start to submission), and the
///   automation-bias flags as a result extension when the report has them.
/// - One `scored` statement (verb `http://adlnet.gov/expapi/verbs/scored`) per graded
///   competency, object `{base}/competencies/{id}` (type
///   `http://adlnet.gov/expapi/activities/objective`), `result.score.scaled` the
///   competency score, and `context.contextActivities.parent` the scenario activity.
/// - All of an encounter's statements share `context.registration`; actors are
///   identified by `account` (`homePage` = the base URL, `name` = the username), never by
///   email or display name; `timestamp` is when the encounter was submitted.
struct XAPIStatementBuilder {
    static let completedVerb = "http://adlnet.gov/expapi/verbs/completed"
    static let scoredVerb = "http://adlnet.gov/expapi/verbs/scored"
    static let simulationType = "http://adlnet.gov/expapi/activities/simulation"
    static let objectiveType = "http://adlnet.gov/expapi/activities/objective"

    /// The site's base URL without a trailing slash, e.g. `https://wardsim.example.org`.
    let baseURL: String
    let competencyIDs: [String]
    /// Competency id → display name, for activity definitions.
    let competencyNames: [String: String]

    init(baseURL: String, curriculum: Curriculum) {
        self.init(
            baseURL: baseURL, competencyIDs: curriculum.competencies.map(\.id),
            competencyNames: Dictionary(uniqueKeysWithValues: curriculum.competencies.map { ($0.id, $0.name) }))
    }

    init(baseURL: String, competencyIDs: [String], competencyNames: [String: String] = [:]) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.competencyIDs = competencyIDs
        self.competencyNames = competencyNames
    }

    /// The IRI of the extension carrying the automation-bias flags.
    var automationBiasExtension: String { "\(baseURL)/xapi/extensions/automation-bias" }

    func statements(for attempt: AttemptRecord) -> [XAPIStatement] {
        let registration = XAPIIdentifiers.registration(encounterID: attempt.encounterID)
        let timestamp = (attempt.submittedAt ?? attempt.gradedAt).text
        let actor = self.actor(attempt.username)
        let scenario = scenarioActivity(attempt)

        var completed = JSONObjectText()
        let completedID = XAPIIdentifiers.completed(encounterID: attempt.encounterID)
        completed.add("id", completedID)
        completed.add("actor", object: actor)
        completed.add("verb", object: verb(Self.completedVerb, "completed"))
        completed.add("object", object: scenario)
        var result = JSONObjectText()
        result.add("score", object: score(attempt.overall))
        result.add("success", PassMark.passed(attempt.overall))
        result.add("completion", true)
        if let seconds = attempt.durationSeconds { result.add("duration", Self.duration(seconds)) }
        if let bias = attempt.automationBias {
            var flags = JSONObjectText()
            if let value = bias.commission { flags.add("commission", value) }
            if let value = bias.overRejection { flags.add("overRejection", value) }
            if let value = bias.switchedCorrectToIncorrect { flags.add("switchedCorrectToIncorrect", value) }
            if let value = bias.switchedIncorrectToCorrect { flags.add("switchedIncorrectToCorrect", value) }
            var extensions = JSONObjectText()
            extensions.add(automationBiasExtension, object: flags)
            result.add("extensions", object: extensions)
        }
        completed.add("result", object: result)
        var context = JSONObjectText()
        context.add("registration", registration)
        context.add("platform", "WardSim")
        completed.add("context", object: context)
        completed.add("timestamp", timestamp)
        completed.add("version", "1.0.3")

        var statements = [XAPIStatement(id: completedID, json: completed)]
        for (competencyID, score) in zip(competencyIDs, attempt.scores) {
            guard let score else { continue }
            let id = XAPIIdentifiers.scored(encounterID: attempt.encounterID, competencyID: competencyID)
            var statement = JSONObjectText()
            statement.add("id", id)
            statement.add("actor", object: actor)
            statement.add("verb", object: verb(Self.scoredVerb, "scored"))
            statement.add("object", object: competencyActivity(competencyID))
            var result = JSONObjectText()
            result.add("score", object: self.score(score))
            statement.add("result", object: result)
            var context = JSONObjectText()
            context.add("registration", registration)
            context.add("platform", "WardSim")
            var activities = JSONObjectText()
            activities.add("parent", objects: [scenario])
            context.add("contextActivities", object: activities)
            statement.add("context", object: context)
            statement.add("timestamp", timestamp)
            statement.add("version", "1.0.3")
            statements.append(XAPIStatement(id: id, json: statement))
        }
        return statements
    }

    private func actor(_ username: String) -> JSONObjectText {
        var account = JSONObjectText()
        account.add("homePage", baseURL)
        account.add("name", username)
        var actor = JSONObjectText()
        actor.add("objectType", "Agent")
        actor.add("account", object: account)
        return actor
    }

    private func verb(_ id: String, _ display: String) -> JSONObjectText {
        var names = JSONObjectText()
        names.add("en-US", display)
        var verb = JSONObjectText()
        verb.add("id", id)
        verb.add("display", object: names)
        return verb
    }

    private func scenarioActivity(_ attempt: AttemptRecord) -> JSONObjectText {
        activity(
            id: "\(baseURL)/scenarios/\(Self.pathSegment(attempt.scenarioID))", type: Self.simulationType,
            name: attempt.scenarioTitle)
    }

    private func competencyActivity(_ competencyID: String) -> JSONObjectText {
        activity(
            id: "\(baseURL)/competencies/\(Self.pathSegment(competencyID))", type: Self.objectiveType,
            name: competencyNames[competencyID] ?? competencyID)
    }

    private func activity(id: String, type: String, name: String) -> JSONObjectText {
        var names = JSONObjectText()
        names.add("en-US", name)
        var definition = JSONObjectText()
        definition.add("type", type)
        definition.add("name", object: names)
        var activity = JSONObjectText()
        activity.add("objectType", "Activity")
        activity.add("id", id)
        activity.add("definition", object: definition)
        return activity
    }

    /// A score in [0, 1] as xAPI wants it: `scaled` in [−1, 1], plus raw/min/max.
    private func score(_ value: Double) -> JSONObjectText {
        let clamped = value.isFinite ? min(1, max(0, value)) : 0
        var score = JSONObjectText()
        score.add("scaled", clamped)
        score.add("raw", clamped)
        score.add("min", 0)
        score.add("max", 1)
        return score
    }

    /// Seconds as an ISO 8601 duration, e.g. 754.5 → `PT12M34.5S`, to the centisecond
    /// (xAPI 1.0.3 §4.6 asks LRSs to keep 0.01 s).
    static func duration(_ seconds: Double) -> String {
        let centiseconds = Int((max(0, seconds) * 100).rounded())
        let hours = centiseconds / 360_000
        let minutes = centiseconds / 6_000 % 60
        let rest = centiseconds % 6_000
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if rest > 0 || (hours == 0 && minutes == 0) {
            text += rest % 100 == 0 ? "\(rest / 100)S" : CSVWriter.format(Double(rest) / 100) + "S"
        }
        return text
    }

    /// Ids are slugs already; percent-encode anything else so the IRI stays valid.
    static func pathSegment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? id
    }

    private static let segmentCharacters: CharacterSet = {
        var set = CharacterSet.alphanumerics
        set.insert(charactersIn: "-._~")
        return set
    }()
}
