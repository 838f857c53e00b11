/// `wardsim import …`: converts cases from other formats into draft scenarios.
struct ImportCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "import", abstract: "Convert cases from other formats into draft scenarios.",
            subcommands: [ImportAgentClinicCommand.self])
    }

    init(_ arguments: ParsedArguments) throws {}
    func run() throws -> Int32 { 0 }
}
