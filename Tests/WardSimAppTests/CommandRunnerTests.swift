import Foundation
import Testing
import WardSimStore

@testable import WardSimApp

@Suite("Command line")
struct CommandRunnerTests {
    @Test func unknownFlagIsAUsageError() {
        #expect(CommandRunner.run(WardSimCommand.self, arguments: ["serve", "--bogus"], environment: [:]) == 2)
        #expect(CommandRunner.run(WardSimCommand.self, arguments: ["no-such-command"], environment: [:]) == 2)
        #expect(CommandRunner.run(WardSimCommand.self, arguments: ["serve", "--port", "99999"], environment: [:]) == 2)
    }

    @Test func helpComesFromTheSameDeclarations() {
        let help = CommandRunner.help(ServeCommand.self, path: ["wardsim", "serve"])
        for option in ServeCommand.configuration.options {
            #expect(help.contains(option.name))
        }
        #expect(help.contains("[env: WARDSIM_PORT]"))
        #expect(CommandRunner.run(WardSimCommand.self, arguments: ["help", "serve"], environment: [:]) == 0)
        #expect(CommandRunner.run(WardSimCommand.self, arguments: ["backup", "--help"], environment: [:]) == 0)
    }

    @Test func environmentSuppliesOptionValues() throws {
        let parsed = try ParsedArguments.parse(
            [], configuration: ServeCommand.configuration, environment: ["WARDSIM_PORT": "9191"])
        let command = try ServeCommand(parsed)
        #expect(command.configuration.port == 9191)
        let flagWins = try ParsedArguments.parse(
            ["--port", "9292"], configuration: ServeCommand.configuration, environment: ["WARDSIM_PORT": "9191"])
        #expect(try ServeCommand(flagWins).configuration.port == 9292)
    }

    @Test func backupWritesAConsistentCopy() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("w.sqlite").path
        let pool = try DatabasePool(path: source)
        try pool.write {
            try $0.execute("INSERT INTO cohorts(name, created_at) VALUES (?, ?)", ["ED nurses", "2026-01-01"])
        }
        let copy = directory.appendingPathComponent("copy.sqlite").path
        #expect(CommandRunner.run(WardSimCommand.self, arguments: ["backup", "--db", source, "--out", copy]) == 0)
        let restored = try Database(path: copy, readOnly: true)
        #expect(try restored.scalar(String.self, "SELECT name FROM cohorts") == "ED nurses")
        // Refuses to overwrite.
        #expect(CommandRunner.run(WardSimCommand.self, arguments: ["backup", "--db", source, "--out", copy]) == 1)
    }
}
