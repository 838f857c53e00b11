import Foundation
import WardSimCore

/// `wardsim validate PATH...`: checks scenario files, the curriculum and the default
/// orderables table, printing one `FILE: JSON.PATH: message` line per problem and a
/// summary on standard error. Exit 0 when everything is valid, 1 otherwise, 2 on usage.
struct ValidateCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "validate", abstract: "Check scenario and curriculum files; print every problem.",
            discussion: """
                PATH is a file or a folder (its *.json files, not *.schema.json, and defaults/orderables.json). \
                The kind of each file is read from its content. Cross-references are checked against the files \
                given; when no curriculum is among them, competency ids are checked against --curriculum, and when \
                no scenario is among them, learning paths are checked against --scenarios, and exam and investigation \
                ids against its defaults/orderables.json (each only if it exists). \
                Every problem is one line, FILE: JSON.PATH: message, followed by (line L, column C) when the value \
                exists in the file.
                """,
            options: [
                .option(
                    "--curriculum", "DIR", help: "Curriculum for competency ids when none is among the paths.",
                    environment: "WARDSIM_CURRICULUM", default: "Curriculum"),
                .option(
                    "--scenarios", "DIR", help: "Scenario library for learning paths when none is among the paths.",
                    environment: "WARDSIM_SCENARIOS", default: "Scenarios"),
            ],
            positionals: "PATH...")
    }

    let paths: [String]
    let curriculumFolder: String
    let scenariosFolder: String

    init(_ arguments: ParsedArguments) throws {
        paths = arguments.positionals
        curriculumFolder = try arguments.require("--curriculum")
        scenariosFolder = try arguments.require("--scenarios")
    }

    func validate() throws {
        guard !paths.isEmpty else { throw UsageError("give at least one file or folder to validate") }
    }

    func run() throws -> Int32 {
        let output = CommandOutput.current
        let found = ContentFiles.collect(paths)
        let competencyIDs = fallback(curriculumFolder, ContentValidator.competencyIDs(in:))
        let statuses = fallback(scenariosFolder, ContentValidator.scenarioStatuses(in:))
        let defaults = ContentFiles.file(scenariosFolder + "/defaults/orderables.json").files
        let table = ContentValidator().validate(defaults).defaults
        var report = ContentValidator(competencyIDs: competencyIDs, scenarios: statuses, defaults: table)
            .validate(found.files)
        report.problems = found.problems + report.problems
        for problem in report.problems { output.line(problem.description) }
        if report.counts[.scenario, default: 0] > 0, report.counts[.competencies, default: 0] == 0, competencyIDs == nil
        {
            output.errorLine(
                "note: competency ids not checked (no curriculum among the paths or at \(curriculumFolder))")
        }
        if report.counts[.paths, default: 0] > 0, report.counts[.scenario, default: 0] == 0, statuses == nil {
            output.errorLine(
                "note: learning paths not checked against scenarios (none among the paths or at \(scenariosFolder))")
        }
        output.errorLine(report.summary)
        return report.isValid ? 0 : 1
    }

    /// What a fallback folder supplies, when it exists.
    private func fallback<Value>(_ folder: String, _ extract: ([ContentFile]) -> Value?) -> Value? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        return extract(ContentFiles.folder(folder).files)
    }
}
