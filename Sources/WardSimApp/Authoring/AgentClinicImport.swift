import Foundation
import WardSimCore
import WardSimStore

/// `POST /api/authoring/import/agentclinic`: AgentClinic OSCE cases (JSONL, one case a
/// line) imported as draft scenarios with the same importer as `wardsim import agentclinic`.
///
/// Each case that validates becomes version 1 of a new draft scenario; a case whose id
/// already exists is left alone (its drafts may have been edited since), and a case that
/// does not validate is reported with its problems. The report says per case what was
/// imported and what an author still has to write before it can be published.
struct AgentClinicImportReport: Encodable, Sendable {
    struct Case: Encodable, Sendable {
        enum Outcome: String, Encodable, Sendable {
            /// Saved as a new draft scenario.
            case imported
            /// A scenario with this id exists; nothing was changed.
            case exists
            /// The line could not be read or the draft does not validate.
            case invalid
        }

        var line: Int
        var id: String
        var outcome: Outcome
        var version: Int?
        var title: String?
        /// What was imported ("12 facts, 2 exam items, …").
        var imported: String
        /// What an author must add or check for this case in particular.
        var needsAuthor: [String]
        var problems: [ProblemView]
    }

    var imported: Int
    var existing: Int
    var invalid: Int
    var cases: [Case]
    /// What every imported draft needs before it can be published.
    var authorTasks: [String]
}

extension AuthoringService {
    /// Imports every case of `jsonl`; see `AgentClinicImportReport`.
    func importAgentClinic(_ jsonl: String, curriculum: Curriculum, defaults: OrderableDefaults, by actor: AuditActor)
        throws -> AgentClinicImportReport
    {
        let importer = AgentClinicImporter(
            competencyIDs: Set(curriculum.competencies.map(\.id)), defaults: defaults)
        var drafts: [(line: Int, draft: ImportedCase)] = []
        for (offset, line) in jsonl.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            drafts.append((offset + 1, importer.importCase(String(line), number: offset + 1)))
        }
        let cases = try database.writeTransaction { db in
            let versions = ScenarioVersionRepository(db)
            var cases: [AgentClinicImportReport.Case] = []
            for (line, draft) in drafts {
                var report = AgentClinicImportReport.Case(
                    line: line, id: draft.id, outcome: .invalid, imported: draft.imported,
                    needsAuthor: draft.needsAuthor, problems: draft.problems.map(ProblemView.init))
                guard let scenario = draft.scenario else {
                    cases.append(report)
                    continue
                }
                report.title = scenario.title
                if let existing = try versions.latest(scenarioID: scenario.id) {
                    report.outcome = .exists
                    report.version = existing.version
                } else {
                    let stored = try versions.insert(
                        NewScenarioVersion(
                            scenarioID: scenario.id, version: scenario.version, status: Status.draft.rawValue,
                            source: Source.imported.rawValue, document: try Self.document(scenario),
                            createdBy: actor.id, createdAt: clock.now))
                    report.outcome = .imported
                    report.version = stored.version
                }
                cases.append(report)
            }
            let count = { (outcome: AgentClinicImportReport.Case.Outcome) in
                cases.filter { $0.outcome == outcome }.count
            }
            try AuditLogRepository(db).record(
                "scenario.import-agentclinic", by: actor, target: "agentclinic",
                detail: "\(count(.imported)) imported as drafts, \(count(.exists)) already present, "
                    + "\(count(.invalid)) not imported",
                at: clock.now)
            return cases
        }
        return AgentClinicImportReport(
            imported: cases.filter { $0.outcome == .imported }.count,
            existing: cases.filter { $0.outcome == .exists }.count,
            invalid: cases.filter { $0.outcome == .invalid }.count, cases: cases,
            authorTasks: AgentClinicImporter.authorTasks)
    }
}
