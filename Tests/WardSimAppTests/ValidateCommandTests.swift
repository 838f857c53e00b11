import Foundation
import Testing

@testable import WardSimApp

@Suite("wardsim validate")
struct ValidateCommandTests {
    @Test func theShippedContentIsValid() {
        let run = CommandLineRun([
            "validate", CommandLineRun.repository("Scenarios"), CommandLineRun.repository("Curriculum"),
        ])
        #expect(run.status == 0, "\(run.standardOutput)")
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.hasSuffix(": all valid\n"))
    }

    @Test func printsOneLinePerProblemAndASummaryOnStandardError() {
        let broken = CommandLineRun.fixture("broken")
        let run = CommandLineRun(["validate", broken, "--curriculum", CommandLineRun.repository("Curriculum")])
        #expect(run.status == 1)
        #expect(run.outputLines.contains("\(broken)/chest-pain.json: facts[3].answer: required string is missing"))
        #expect(
            run.outputLines.contains(
                "\(broken)/persona-names-diagnosis.json: patient.persona.worries[1]: names the diagnosis 'pneumonia' "
                    + "(key.diagnoses[0].synonyms[0]) (line 38, column 9)"))
        #expect(run.outputLines.allSatisfy { $0.hasPrefix(broken + "/") })
        #expect(run.standardError.hasPrefix("22 files checked (22 scenarios): "))
        #expect(run.standardError.hasSuffix(" problems in 22 files\n"))
    }

    @Test func checksCompetenciesAgainstTheCurriculumFolderWhenNoneIsGiven() {
        let file = CommandLineRun.fixture("broken/dangling-references.json")
        let checked = CommandLineRun(["validate", file, "--curriculum", CommandLineRun.repository("Curriculum")])
        #expect(
            checked.outputLines.contains { $0.contains("'clinical-reasoningg' is not a competency in the curriculum") })
        let unchecked = CommandLineRun(["validate", file, "--curriculum", "/nonexistent"])
        #expect(!unchecked.outputLines.contains { $0.contains("is not a competency") })
        #expect(unchecked.standardError.contains("note: competency ids not checked"))
    }

    @Test func exitCodes() {
        let valid = CommandLineRun.fixture("valid/cough-and-fever.json")
        #expect(CommandLineRun(["validate", valid]).status == 0)
        #expect(CommandLineRun(["validate", valid, CommandLineRun.fixture("broken/truncated.json")]).status == 1)
        let missing = CommandLineRun(["validate", "/nonexistent/scenario.json"])
        #expect(missing.status == 1)
        #expect(missing.outputLines == ["/nonexistent/scenario.json: $: no such file or folder"])
        let usage = CommandLineRun(["validate"])
        #expect(usage.status == 2)
        #expect(usage.standardError.contains("give at least one file or folder"))
        #expect(CommandLineRun(["validate", "--strict", valid]).status == 2)
    }
}
