import Foundation
import WardSimCore

/// `wardsim import agentclinic FILE.jsonl --out DIR`: writes one draft scenario per
/// AgentClinic OSCE case, validated against the curriculum and default table, and says
/// per case what was imported and what needs an author. Exit 0 when every case imported
/// as a valid draft, 1 otherwise, 2 on usage.
struct ImportAgentClinicCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "agentclinic", abstract: "Import AgentClinic OSCE cases (JSONL) as draft scenarios.",
            discussion: """
                Each line of FILE.jsonl is one case ({"OSCE_Examination": …}, as in AgentClinic's \
                agentclinic_medqa.jsonl). Drafts are written as DIR/agentclinic-medqa-NNN.json with status draft and no \
                AI recommendation; only drafts that validate are written. Existing files are kept unless --force.
                """,
            options: [
                .option("--out", "DIR", help: "Folder to write the drafts to (created if missing)."),
                .option(
                    "--curriculum", "DIR", help: "Curriculum whose competency ids the drafts must use.",
                    environment: "WARDSIM_CURRICULUM", default: "Curriculum"),
                .option(
                    "--scenarios", "DIR", help: "Scenario library whose defaults/orderables.json drafts reuse.",
                    environment: "WARDSIM_SCENARIOS", default: "Scenarios"),
                .flag("--force", help: "Overwrite drafts that already exist."),
            ],
            positionals: "FILE.jsonl")
    }

    let input: String
    let output: String
    let curriculumFolder: String
    let scenariosFolder: String
    let force: Bool

    init(_ arguments: ParsedArguments) throws {
        guard arguments.positionals.count == 1 else { throw UsageError("give exactly one FILE.jsonl to import") }
        input = arguments.positionals[0]
        output = try arguments.require("--out")
        curriculumFolder = try arguments.require("--curriculum")
        scenariosFolder = try arguments.require("--scenarios")
        force = arguments.has("--force")
    }

    func validate() throws {
        guard FileManager.default.fileExists(atPath: input) else { throw CommandFailure("no such file: \(input)") }
    }

    func run() throws -> Int32 {
        let output = CommandOutput.current
        let text = try String(contentsOfFile: input, encoding: .utf8)
        let competencyIDs = ContentValidator.competencyIDs(in: ContentFiles.folder(curriculumFolder).files)
        if competencyIDs == nil {
            output.errorLine("note: competency ids not checked (no curriculum at \(curriculumFolder))")
        }
        let defaults = ContentValidator().validate(
            ContentFiles.file(scenariosFolder + "/defaults/orderables.json").files
        )
        .defaults
        try FileManager.default.createDirectory(atPath: self.output, withIntermediateDirectories: true)
        let importer = AgentClinicImporter(competencyIDs: competencyIDs, defaults: defaults)
        var written = 0
        var failed = 0
        var kept = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            let draft = importer.importCase(String(line), number: offset + 1)
            guard draft.isValid, let contents = draft.text else {
                failed += 1
                output.line(
                    "\(draft.id): not imported (\(draft.problems.count) problem\(draft.problems.count == 1 ? "" : "s"))"
                )
                for problem in draft.problems { output.line("  \(problem)") }
                continue
            }
            let path = self.output + "/" + draft.fileName
            if FileManager.default.fileExists(atPath: path) && !force {
                kept += 1
                output.line("\(draft.id): \(path) exists; kept (use --force to overwrite)")
                continue
            }
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
            written += 1
            output.line("\(draft.id): imported \(draft.imported) -> \(path)")
            if !draft.needsAuthor.isEmpty {
                output.line("  needs an author: " + draft.needsAuthor.joined(separator: "; "))
            }
        }
        if written > 0 {
            output.line("every draft needs an author for:")
            for task in AgentClinicImporter.authorTasks { output.line("  - \(task)") }
        }
        let total = written + failed + kept
        var summary = "\(total) case\(total == 1 ? "" : "s"): \(written) written as valid drafts to \(self.output)"
        if kept > 0 { summary += ", \(kept) kept" }
        summary += ", \(failed) not imported"
        output.errorLine(summary)
        return failed == 0 ? 0 : 1
    }
}
