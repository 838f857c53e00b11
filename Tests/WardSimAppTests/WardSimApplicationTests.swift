import Foundation
import Testing

@testable import WardSimApp

@Suite("Application start")
struct WardSimApplicationTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent("defaults"), withIntermediateDirectories: true)
        return url
    }

    @Test func loadsTheShippedLibraryAndCurriculum() throws {
        let app = try TestApp()
        #expect(app.app.library.scenario("chest-pain-inferior-stemi") != nil)
        #expect(app.app.curriculum.competencies.count == 13)
    }

    @Test func refusesToStartOnAnInvalidLibraryNamingFileAndField() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            atPath: CommandLineRun.fixture("broken/chest-pain.json"),
            toPath: folder.appendingPathComponent("chest-pain.json").path)
        try FileManager.default.copyItem(
            atPath: CommandLineRun.repository("Scenarios/defaults/orderables.json"),
            toPath: folder.appendingPathComponent("defaults/orderables.json").path)
        let run = CommandLineRun([
            "serve", "--scenarios", folder.path, "--curriculum", CommandLineRun.repository("Curriculum"),
            "--db", folder.appendingPathComponent("w.sqlite").path, "--port", "8099",
        ])
        #expect(run.status == 1)
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == "error: cannot start: the content is invalid (\(lines.count - 1) problems):")
        #expect(lines.contains("\(folder.path)/chest-pain.json: facts[3].answer: required string is missing"))
        // Paths that list scenarios missing from this library are reported too.
        #expect(lines.contains { $0.hasPrefix(CommandLineRun.repository("Curriculum/paths.json") + ": paths[0]") })
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("w.sqlite").path))
    }
}
