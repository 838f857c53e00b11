/// `wardsim`: the root command; every verb is a subcommand.
public struct WardSimCommand: Command {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "wardsim",
            abstract: "WardSim: a training simulator for clinical staff learning to work with AI.",
            subcommands: CommandRegistry.subcommands)
    }

    public init(_ arguments: ParsedArguments) throws {}
    public func run() throws -> Int32 { 0 }
}

/// The subcommands, in the order help lists them.
enum CommandRegistry {
    static var subcommands: [any Command.Type] {
        [
            ServeCommand.self, ValidateCommand.self, InterviewCommand.self, ImportCommand.self, UserCommand.self,
            ExportCommand.self, BackupCommand.self, VersionCommand.self,
        ]
    }
}
