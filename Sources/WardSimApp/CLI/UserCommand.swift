import Foundation
import WardSimCore
import WardSimSecurity
import WardSimStore

/// `wardsim user …`: manage accounts from the server's terminal.
struct UserCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "user", abstract: "Add, list, disable and reset the passwords of accounts.",
            discussion: "Passwords are read from the first line of standard input, never from the command line.",
            subcommands: [
                UserAddCommand.self, UserListCommand.self, UserSetPasswordCommand.self, UserDisableCommand.self,
                UserEnableCommand.self,
            ])
    }

    init(_ arguments: ParsedArguments) throws {}
    func run() throws -> Int32 { 0 }

    /// The `--db` option every user subcommand takes.
    static var databaseOption: OptionSpec {
        OptionSpec.option(
            "--db", "FILE", help: "SQLite database file.", environment: "WARDSIM_DB", default: "data/wardsim.sqlite")
    }

    /// The account service over the database at `path` (created and migrated if needed).
    static func accounts(databasePath path: String) throws -> AccountService {
        AccountService(database: try DatabasePool(path: path), hasher: PasswordHasher(), clock: .system)
    }

    /// Runs `body`, turning a refused change into one readable line.
    static func explaining<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as AccountError {
            let reasons = error.details.compactMap { $0["reason"] }
            throw CommandFailure(reasons.isEmpty ? error.message : reasons.joined(separator: " "))
        }
    }
}

/// `wardsim user add --username U --role ROLE [--cohort C] [--display-name N]`.
struct UserAddCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "add", abstract: "Create an account; the password is the first line of standard input.",
            discussion: "Example: printf '%s\\n' \"$PASSWORD\" | wardsim user add --username ana --role admin",
            options: [
                UserCommand.databaseOption,
                .option("--username", "NAME", help: "Sign-in name (letters, digits, . _ - @)."),
                .option("--role", "ROLE", help: "trainee, instructor or admin."),
                .option("--cohort", "NAME", help: "A trainee's cohort, or the cohort an instructor teaches."),
                .option("--display-name", "TEXT", help: "Full name (default: the username)."),
            ])
    }

    let database: String
    let username: String
    let role: String
    let cohort: String?
    let displayName: String
    var input = PasswordInput.standardInput
    var output: (String) -> Void = { print($0) }

    init(_ arguments: ParsedArguments) throws {
        database = try arguments.require("--db")
        username = try arguments.require("--username")
        role = try arguments.require("--role")
        cohort = arguments.value("--cohort")
        displayName = arguments.value("--display-name") ?? username
    }

    func validate() throws {
        guard Role(rawValue: role) != nil else { throw UsageError("--role must be trainee, instructor or admin") }
    }

    func run() throws -> Int32 {
        let password = try input.readPassword(prompt: "Password for \(username): ")
        let accounts = try UserCommand.accounts(databasePath: database)
        let user = try UserCommand.explaining {
            try accounts.create(
                AccountService.NewAccount(
                    username: username, displayName: displayName, role: role, cohort: cohort, password: password),
                by: .commandLine())
        }
        output("created \(user.role.rawValue) \(user.username) (id \(user.id))")
        return 0
    }
}

/// `wardsim user list`.
struct UserListCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(name: "list", abstract: "List every account.", options: [UserCommand.databaseOption])
    }

    let database: String
    var output: (String) -> Void = { print($0) }

    init(_ arguments: ParsedArguments) throws {
        database = try arguments.require("--db")
    }

    func validate() throws {
        guard FileManager.default.fileExists(atPath: database) else {
            throw CommandFailure("no database at \(database)")
        }
    }

    func run() throws -> Int32 {
        let users = try UserCommand.accounts(databasePath: database).list()
        let rows =
            [["ID", "USERNAME", "ROLE", "COHORT", "STATUS", "NAME"]]
            + users.map { user in
                [
                    String(user.id), user.username, user.role.rawValue,
                    user.cohort?.name ?? user.instructs.map(\.name).joined(separator: ", "),
                    user.disabled ? "disabled" : user.hasPassword ? "active" : "no password", user.displayName,
                ]
            }
        let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            output(
                row.enumerated().map { index, cell in
                    index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                }.joined(separator: "  "))
        }
        return 0
    }
}

/// `wardsim user set-password --username U`.
struct UserSetPasswordCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "set-password",
            abstract: "Set an account's password from the first line of standard input; ends its sessions.",
            options: [UserCommand.databaseOption, .option("--username", "NAME", help: "The account.")])
    }

    let database: String
    let username: String
    var input = PasswordInput.standardInput
    var output: (String) -> Void = { print($0) }

    init(_ arguments: ParsedArguments) throws {
        database = try arguments.require("--db")
        username = try arguments.require("--username")
    }

    func validate() throws {
        guard FileManager.default.fileExists(atPath: database) else {
            throw CommandFailure("no database at \(database)")
        }
    }

    func run() throws -> Int32 {
        let password = try input.readPassword(prompt: "New password for \(username): ")
        let accounts = try UserCommand.accounts(databasePath: database)
        try UserCommand.explaining {
            var changes = AccountService.Changes()
            changes.password = password
            _ = try accounts.update(userID: accounts.userID(username: username), changes, by: .commandLine())
        }
        output("password set for \(username); their sessions have ended")
        return 0
    }
}

/// What `wardsim user disable` and `enable` differ in: their name, their help and the
/// value they set; everything else is `AccountSwitchCommand`.
protocol AccountSwitch {
    static var name: String { get }
    static var abstract: String { get }
    /// What the command sets the account's `disabled` to.
    static var disables: Bool { get }
}

/// `wardsim user disable|enable --username U`: one switch on an account.
struct AccountSwitchCommand<Switch: AccountSwitch>: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: Switch.name, abstract: Switch.abstract,
            options: [UserCommand.databaseOption, .option("--username", "NAME", help: "The account.")])
    }

    let database: String
    let username: String
    var output: (String) -> Void = { print($0) }

    init(_ arguments: ParsedArguments) throws {
        database = try arguments.require("--db")
        username = try arguments.require("--username")
    }

    func validate() throws {
        guard FileManager.default.fileExists(atPath: database) else {
            throw CommandFailure("no database at \(database)")
        }
    }

    func run() throws -> Int32 {
        try UserCommand.setDisabled(Switch.disables, username: username, database: database)
        output("\(Switch.disables ? "disabled" : "enabled") \(username)")
        return 0
    }
}

/// `wardsim user disable --username U`.
enum DisableAccount: AccountSwitch {
    static let name = "disable"
    static let abstract = "Stop an account from signing in and end its sessions."
    static let disables = true
}

/// `wardsim user enable --username U`.
enum EnableAccount: AccountSwitch {
    static let name = "enable"
    static let abstract = "Let a disabled account sign in again."
    static let disables = false
}

typealias UserDisableCommand = AccountSwitchCommand<DisableAccount>
typealias UserEnableCommand = AccountSwitchCommand<EnableAccount>

extension UserCommand {
    static func setDisabled(_ disabled: Bool, username: String, database: String) throws {
        let accounts = try accounts(databasePath: database)
        try explaining {
            var changes = AccountService.Changes()
            changes.disabled = disabled
            _ = try accounts.update(userID: accounts.userID(username: username), changes, by: .commandLine())
        }
    }
}
