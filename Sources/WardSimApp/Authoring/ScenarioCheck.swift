import Foundation
import WardSimCore

/// Validates scenario documents sent through the API with the same validator, the same
/// curriculum and the same default table as `wardsim validate`, so an author sees the
/// same messages in the browser as on the command line.
///
/// A document is checked as it was sent: a draft (`"status": "draft"`) may still lack an
/// AI recommendation, exactly as the validator allows for files. Publishing checks the
/// document again as `"status": "published"`, which is when the stricter rules apply.
struct ScenarioCheck: Sendable {
    let validator: ScenarioValidator

    init(curriculum: Curriculum, defaults: OrderableDefaults) {
        validator = ScenarioValidator(curriculum: curriculum, defaults: defaults)
    }

    /// The document as a scenario, or every problem in it.
    func check(_ data: Data) -> ValidationResult<Scenario> {
        validator.validate(data, file: Self.fileName(for: data))
    }

    /// The problems publishing `scenario` as version `version` would meet (none when it
    /// may be published), and the scenario as it would be published.
    func checkForPublishing(_ scenario: Scenario, version: Int) -> ValidationResult<Scenario> {
        var published = scenario
        published.status = .published
        published.version = version
        guard let text = try? ScenarioDocument.text(for: published) else {
            return .invalid([ValidationProblem(file: scenario.id, path: .root, message: "could not be encoded")])
        }
        return validator.validate(Data(text.utf8), file: scenario.id + ".json")
    }

    /// The problems a document would meet only when published (for the editor's live
    /// check, so an author knows before pressing Publish). Positions are left out: they
    /// would point into a rewritten copy of the document.
    func publishingOnlyProblems(_ data: Data, besides problems: [ValidationProblem]) -> [ValidationProblem] {
        guard let document = try? JSONParser.parse(data), var members = document.members else { return [] }
        let published = JSONValue(.string(Scenario.Status.published.rawValue))
        if let index = members.firstIndex(where: { $0.key == "status" }) {
            members[index].value = published
        } else {
            members.append(JSONMember(key: "status", keyPosition: document.position, value: published))
        }
        let text = JSONWriter.prettyPrinted(JSONValue(.object(members)))
        let seen = Set(problems.map { "\($0.path)\u{0}\($0.message)" })
        return validator.validate(Data(text.utf8), file: Self.fileName(for: data)).problems
            .filter { !seen.contains("\($0.path)\u{0}\($0.message)") }
            .map { ValidationProblem(file: $0.file, path: $0.path, message: $0.message) }
    }

    /// `<id>.json`, the name `wardsim validate` would be given for this document, so the
    /// file-name rule holds as it does for a library file; a document without a usable
    /// id gets a name without `.json`, which the rule skips (the id's own problem is
    /// reported instead).
    static func fileName(for data: Data) -> String {
        guard let id = (try? JSONParser.parse(data))?["id"]?.string, !id.isEmpty, !id.contains("/") else {
            return "scenario"
        }
        return id + ".json"
    }
}

/// A validation problem as the API shows it: the JSON path and message of
/// `wardsim validate`, and the line and column in the text sent when known.
struct ProblemView: Encodable, Sendable, Equatable {
    var path: String
    var message: String
    var line: Int?
    var column: Int?

    init(_ problem: ValidationProblem) {
        path = problem.path.description
        message = problem.message
        line = problem.line
        column = problem.column
    }

    /// As `details` of a 422 error body (`{"path","message"}`, plus the position as text).
    var detail: [String: String] {
        var detail = ["path": path, "message": message]
        if let line { detail["line"] = String(line) }
        if let column { detail["column"] = String(column) }
        return detail
    }
}
