import Foundation
import Testing

@testable import WardSimCore

@Suite("Scenario library") struct ScenarioLibraryTests {
    /// The acceptance test for the shipped content: every scenario in `Scenarios/` and the
    /// curriculum validate together, so the server will start.
    @Test func theShippedLibraryAndCurriculumValidate() async throws {
        let root = Repository.root
        do {
            let (library, curriculum) = try await offPool {
                try ScenarioLibrary.load(
                    scenarios: root.appendingPathComponent("Scenarios").path,
                    curriculum: root.appendingPathComponent("Curriculum").path)
            }
            #expect(!library.scenarios.isEmpty)
            #expect(library.scenario("chest-pain-inferior-stemi")?.status == .published)
            #expect(library.defaults["ecg"]?.kind == .investigation)
            for path in curriculum.paths {
                for module in path.modules {
                    for id in module.scenarios {
                        #expect(library.scenario(id) != nil, "\(path.id)/\(module.id): \(id)")
                    }
                }
            }
        } catch {
            Issue.record("the shipped content is invalid:\n\(error)")
        }
    }

    @Test func refusesAnInvalidFolderListingEveryProblem() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "cough-and-fever.json",
            try Repository.data(Repository.fixtures.appendingPathComponent("valid/cough-and-fever.json")))
        try folder.write(
            "chest-pain.json", try Repository.data(Repository.fixtures.appendingPathComponent("broken/chest-pain.json"))
        )
        try folder.write(
            "truncated.json", try Repository.data(Repository.fixtures.appendingPathComponent("broken/truncated.json")))
        #expect {
            try ScenarioLibrary.load(folder: folder.path)
        } throws: { error in
            guard let error = error as? LibraryError else { return false }
            let lines = error.description.split(separator: "\n").map(String.init)
            return lines == [
                "the content is invalid (3 problems):",
                "\(folder.path)/chest-pain.json: facts[3].answer: required string is missing",
                "\(folder.path)/truncated.json: facts[0].answer: unexpected end of input inside the string that starts at line 52, column 17 (line 52, column 32)",
                "\(folder.path)/defaults/orderables.json: $: file is missing (the default orderables table)",
            ]
        }
    }

    @Test func findsScenariosById() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "cough-and-fever.json",
            try Repository.data(Repository.fixtures.appendingPathComponent("valid/cough-and-fever.json")))
        try folder.write(
            "defaults/orderables.json",
            try Repository.data(Repository.root.appendingPathComponent("Scenarios/defaults/orderables.json")))
        let library = try ScenarioLibrary.load(folder: folder.path)
        #expect(library.scenario("cough-and-fever")?.patient.name == "Alan Whitby")
        #expect(library.scenario("nope") == nil)
        #expect(library.published.map(\.id) == ["cough-and-fever"])
        #expect(library.defaults["fbc"]?.orderable.needed == false)
    }
}
