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

    private func arguments(_ out: String, input: String, _ extra: [String] = []) -> [String] {
        [
            "import", "agentclinic", input, "--out", out,
            "--curriculum", CommandLineRun.repository("Curriculum"), "--scenarios",
            CommandLineRun.repository("Scenarios"),
        ] + extra
    }

    /// The command's behaviour on the first five cases (every case is imported and
    /// validated by the Core importer tests; this keeps the CLI test light).
    @Test func importsCasesAsDraftsThatValidate() async throws {
        try #require(
            FileManager.default.fileExists(atPath: Self.dataset), "the AgentClinic dataset is missing: \(Self.dataset)")
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = try String(contentsOfFile: Self.dataset, encoding: .utf8).split(separator: "\n").prefix(5)
        let input = folder + "/five.jsonl"
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: input))
        let out = folder + "/drafts"
        let run = try await offPool { CommandLineRun(self.arguments(out, input: input)) }
        #expect(run.status == 0, "\(run.standardOutput)")
        #expect(
            run.outputLines.first
                == "agentclinic-medqa-001: imported 10 facts, 1 exam item, 3 investigations, 5 vital signs -> \(out)/agentclinic-medqa-001.json"
        )
        #expect(
            run.outputLines.contains(
                "  needs an author: vital signs without numbers (1) were kept as an exam item; results name the diagnosis: Barium enema"
            ))
        #expect(run.outputLines.contains("every draft needs an author for:"))
        #expect(run.standardError == "5 cases: 5 written as valid drafts to \(out), 0 not imported\n")
        let written = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".json") }
        #expect(written.sorted() == (1...5).map { "agentclinic-medqa-00\($0).json" })
        // What was written validates on its own with the same command.
        let validate = try await offPool {
            CommandLineRun([
                "validate", out, "--curriculum", CommandLineRun.repository("Curriculum"),
                "--scenarios", CommandLineRun.repository("Scenarios"),
            ])
        }
        #expect(validate.status == 0, "\(validate.standardOutput)")
        // A second run keeps what exists unless told otherwise.
        let again = try await offPool { CommandLineRun(self.arguments(out, input: input)) }
        #expect(again.status == 0)
        #expect(again.standardError == "5 cases: 0 written as valid drafts to \(out), 5 kept, 0 not imported\n")
        let forced = try await offPool { CommandLineRun(self.arguments(out, input: input, ["--force"])) }
        #expect(forced.standardError.hasPrefix("5 cases: 5 written"))
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
