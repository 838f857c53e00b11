import WardSimCore
import WardSimHTTP

/// Authoring errors as HTTP, worded for the author who caused them.
enum AuthoringFailure {
    static func notFound(_ id: String) -> HTTPError {
        HTTPError.notFound("There is no scenario '\(id)'.")
    }

    static func noVersion(_ id: String, _ version: Int) -> HTTPError {
        HTTPError.notFound("Scenario '\(id)' has no version \(version).")
    }

    /// 422 with every problem in `details`; `action` says what did not happen.
    static func invalid(_ problems: [ValidationProblem], _ action: String = "nothing was saved") -> HTTPError {
        let count = problems.count
        return HTTPError.unprocessable(
            "The scenario has \(count) problem\(count == 1 ? "" : "s") to fix; \(action).",
            details: problems.map { ProblemView($0).detail })
    }

    static func idTaken(_ id: String) -> HTTPError {
        HTTPError.conflict(
            "A scenario with id '\(id)' already exists. Open it to make a new version, or choose another id.")
    }

    /// A problem about the `id` of a document sent for an existing scenario.
    static func idChanged(from id: String, to other: String) -> ValidationProblem {
        ValidationProblem(
            file: id + ".json", path: JSONPath([.key("id")]),
            message: "a scenario's id cannot change (this is '\(id)', the document says '\(other)'); "
                + "create a new scenario to use another id")
    }
}
