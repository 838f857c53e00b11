import Foundation
import Testing
import WardSimCore
import WardSimSecurity
import WardSimStore

@testable import WardSimApp

@Suite("wardsim user …")
final class UserCommandTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("cli.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A pipe whose read end holds `text`, as if piped into standard input.
    func stdin(_ text: String) throws -> PasswordInput {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try pipe.fileHandleForWriting.close()
        return PasswordInput(handle: pipe.fileHandleForReading)
    }

    func parse<C: Command>(_ type: C.Type, _ arguments: [String]) throws -> C {
        try C(ParsedArguments.parse(arguments, configuration: C.configuration, environment: [:]))
    }

    func storedHash(_ username: String) throws -> String {
        try DatabasePool(path: database).read { db in
            try UserRepository(db).credentials(username: username)!.passwordHash
        }
    }

    @Test func addReadsThePasswordFromTheFirstLineOfStandardInput() throws {
        var command = try parse(
            UserAddCommand.self,
            ["--db", database, "--username", "ana", "--role", "admin", "--display-name", "Ana López"])
        command.input = try stdin("first line pass phrase\r\nsecond line is not read\n")
        let printed = Lines()
        command.output = printed.append
        try command.validate()
        #expect(try command.run() == 0)
        #expect(printed.text.contains("created admin ana"))

        let hash = try storedHash("ana")
        #expect(hash.hasPrefix("$argon2id$"))
        #expect(PasswordHasher().verify("first line pass phrase", against: hash))
        let user = try DatabasePool(path: database).read { db in try UserRepository(db).find(username: "ana") }
        #expect(user?.displayName == "Ana López")
    }

    @Test func thePasswordIsNeverAcceptedOnTheCommandLine() {
        let status = CommandRunner.run(
            WardSimCommand.self,
            arguments: ["user", "add", "--db", database, "--username", "ana", "--role", "admin", "--password", "x"],
            environment: [:])
        #expect(status == 2)
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func refusesEmptyInputWeakPasswordsAndBadRoles() throws {
        var empty = try parse(UserAddCommand.self, ["--db", database, "--username", "ana", "--role", "admin"])
        empty.input = try stdin("")
        #expect(throws: CommandFailure.self) { try empty.run() }

        var weak = try parse(UserAddCommand.self, ["--db", database, "--username", "ana", "--role", "admin"])
        weak.input = try stdin("short\n")
        #expect { try weak.run() } throws: { error in
            (error as? CommandFailure)?.description.contains("at least 12") == true
        }

        let wizard = try parse(UserAddCommand.self, ["--db", database, "--username", "ana", "--role", "wizard"])
        #expect(throws: UsageError.self) { try wizard.validate() }
    }

    @Test func listSetPasswordDisableAndEnable() throws {
        var add = try parse(
            UserAddCommand.self, ["--db", database, "--username", "ana", "--role", "trainee"])
        add.input = try stdin("original pass phrase\n")
        add.output = { _ in }
        _ = try add.run()
        let pool = try DatabasePool(path: database)
        let ana = try #require(try pool.read { db in try UserRepository(db).find(username: "ana") })
        try pool.write { db in
            try SessionRepository(db).insert(
                SessionRecord(tokenHash: "h", userID: ana.id, createdAt: Date(), lastSeenAt: Date()))
        }

        var list = try parse(UserListCommand.self, ["--db", database])
        let listed = Lines()
        list.output = listed.append
        _ = try list.run()
        #expect(listed.lines.first?.hasPrefix("ID") == true)
        #expect(listed.text.contains("ana") && listed.text.contains("trainee") && listed.text.contains("active"))

        var reset = try parse(UserSetPasswordCommand.self, ["--db", database, "--username", "ANA"])
        reset.input = try stdin("replacement pass phrase\n")
        reset.output = { _ in }
        _ = try reset.run()
        #expect(PasswordHasher().verify("replacement pass phrase", against: try storedHash("ana")))
        #expect(try pool.read { db in try SessionRepository(db).count(userID: ana.id) } == 0)

        var disable = try parse(UserDisableCommand.self, ["--db", database, "--username", "ana"])
        disable.output = { _ in }
        _ = try disable.run()
        #expect(try pool.read { db in try UserRepository(db).find(id: ana.id)?.isDisabled } == true)
        var enable = try parse(UserEnableCommand.self, ["--db", database, "--username", "ana"])
        enable.output = { _ in }
        _ = try enable.run()
        #expect(try pool.read { db in try UserRepository(db).find(id: ana.id)?.isDisabled } == false)

        let audit = try pool.read { db in try AuditLogRepository(db).page(before: nil, limit: 10) }
        #expect(audit.allSatisfy { $0.actor.hasPrefix("cli:") && $0.remote == "local" })
        #expect(audit.map(\.action) == ["user.update", "user.update", "user.update", "user.create"])

        let missing = try parse(UserDisableCommand.self, ["--db", database, "--username", "nobody"])
        #expect(throws: CommandFailure.self) { try missing.run() }
    }

    @Test func userHelpListsTheSubcommands() {
        let help = CommandRunner.help(UserCommand.self, path: ["wardsim", "user"])
        for name in ["add", "list", "set-password", "disable"] { #expect(help.contains(name)) }
    }
}

/// Collects printed lines.
final class Lines: @unchecked Sendable {
    // `lock` protects `stored`.
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
    var text: String { lines.joined(separator: "\n") }
}
