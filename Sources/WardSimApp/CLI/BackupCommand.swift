import Foundation
import WardSimStore

/// `wardsim backup --db DB --out FILE`: a consistent copy made with SQLite's online
/// backup API, safe while the server is running.
struct BackupCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "backup", abstract: "Copy the database to a file while the server keeps running.",
            options: [
                .option(
                    "--db", "FILE", help: "The database to copy.", environment: "WARDSIM_DB",
                    default: "data/wardsim.sqlite"),
                .option("--out", "FILE", help: "Where to write the copy (must not exist)."),
            ])
    }

    let database: String
    let output: String

    init(_ arguments: ParsedArguments) throws {
        database = try arguments.require("--db")
        output = try arguments.require("--out")
    }

    func validate() throws {
        guard FileManager.default.fileExists(atPath: database) else {
            throw CommandFailure("no database at \(database)")
        }
        guard !FileManager.default.fileExists(atPath: output) else {
            throw CommandFailure("\(output) already exists; choose a new file")
        }
    }

    func run() throws -> Int32 {
        let source = try Database(path: database, readOnly: true)
        try source.backup(to: output)
        let copy = try Database(path: output, readOnly: true)
        let check = try copy.scalar(String.self, "PRAGMA integrity_check") ?? "unknown"
        guard check == "ok" else { throw CommandFailure("the copy failed its integrity check: \(check)") }
        print("backed up \(database) to \(output) (integrity ok)")
        return 0
    }
}
