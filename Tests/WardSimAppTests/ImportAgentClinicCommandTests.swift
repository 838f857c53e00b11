import Foundation
import Testing

@testable import WardSimApp

@Suite("wardsim import agentclinic")
struct ImportAgentClinicCommandTests {
    static let dataset = TestApp.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/datasets/agentclinic/agentclinic_medqa.jsonl").path

    private func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-import-\(UUID().uuidString)").path
    }

    private func arguments(_ out: String, _ extra: [String] = []) -> [String] {
        [
            "import", "agentclinic", Self.dataset, "--out", out,
            "--curriculum", CommandLineRun.repository("Curriculum"), "--scenarios",
            CommandLineRun.repository("Scenarios"),
        ] + extra
    }

    @Test func importsEveryCaseAsADraftThatValidates() throws {
        try #require(
            FileManager.default.fileExists(atPath: Self.dataset), "the AgentClinic dataset is missing: \(Self.dataset)")
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = CommandLineRun(arguments(out))
        #expect(run.status == 0, "\(run.standardOutput)")
        #expect(
            run.outputLines.filter { $0.hasPrefix("agentclinic-medqa-") && $0.contains(": imported ") }.count == 107)
        #expect(run.outputLines.contains("every draft needs an author for:"))
        #expect(run.standardError == "107 cases: 107 written as valid drafts to \(out), 0 not imported\n")
        let written = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".json") }
        #expect(written.count == 107)
        // What was written validates on its own with the same command.
        let validate = CommandLineRun([
            "validate", out, "--curriculum", CommandLineRun.repository("Curriculum"),
            "--scenarios", CommandLineRun.repository("Scenarios"),
        ])
        #expect(validate.status == 0, "\(validate.standardOutput)")
        // A second run keeps what exists unless told otherwise.
        let again = CommandLineRun(arguments(out))
        #expect(again.status == 0)
        #expect(again.standardError.hasSuffix(", 107 kept, 0 not imported\n"))
        #expect(CommandLineRun(arguments(out, ["--force"])).standardError.hasPrefix("107 cases: 107 written"))
    }

    @Test func usageAndFailures() throws {
        #expect(CommandLineRun(["import", "agentclinic", Self.dataset]).status == 2)
        #expect(CommandLineRun(["import", "agentclinic", "--out", "/tmp/x"]).status == 2)
        #expect(CommandLineRun(["import", "agentclinic", "/nonexistent.jsonl", "--out", "/tmp/x"]).status == 1)
        #expect(CommandLineRun(["import", "somewhere-else", "x"]).status == 2)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).jsonl")
        try Data("{\"OSCE_Examination\": {}}\nnot json\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = CommandLineRun(["import", "agentclinic", file.path, "--out", out])
        #expect(run.status == 1)
        #expect(run.outputLines.first == "agentclinic-medqa-001: not imported (1 problem)")
        #expect(run.standardError == "2 cases: 0 written as valid drafts to \(out), 2 not imported\n")
    }
}
