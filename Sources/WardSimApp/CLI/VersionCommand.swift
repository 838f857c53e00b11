import WardSimStore

/// `wardsim version`: the release and the database schema it understands.
struct VersionCommand: Command {
    static let version = "0.1.0"
    static var configuration: CommandConfiguration {
        CommandConfiguration(name: "version", abstract: "Print the version and the database schema version.")
    }

    init(_ arguments: ParsedArguments) throws {}

    func run() throws -> Int32 {
        print("wardsim \(Self.version) (database schema \(Migrator.wardSim.latestVersion))")
        return 0
    }
}
