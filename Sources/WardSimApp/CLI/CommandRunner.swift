public import Foundation

/// Dispatches `wardsim <subcommand> …`, prints help, and maps errors to exit codes:
/// 0 success, 1 failure, 2 usage error.
public enum CommandRunner {
    /// Runs `root` with `arguments` (without the program name) and returns the exit code.
    public static func run(
        _ root: any Command.Type, arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int32 {
        var command: any Command.Type = root
        var rest = arguments
        var path = [root.configuration.name]
        // Walk down subcommands: `wardsim user add …`.
        while let first = rest.first, !first.hasPrefix("-") {
            if first == "help" {
                let target = resolve(root, Array(rest.dropFirst()))
                CommandOutput.current.line(help(target.command, path: target.path))
                return target.found ? 0 : 2
            }
            guard let sub = command.configuration.subcommands.first(where: { $0.configuration.name == first }) else {
                break
            }
            command = sub
            path.append(first)
            rest.removeFirst()
        }
        if rest.contains("--help") || rest.contains("-h") {
            CommandOutput.current.line(help(command, path: path))
            return 0
        }
        if !command.configuration.subcommands.isEmpty && command.configuration.options.isEmpty
            && command.configuration.positionals == nil
        {
            if let first = rest.first {
                printError("unknown command '\(first)'", usage: usage(command, path: path))
            } else {
                CommandOutput.current.line(help(command, path: path))
            }
            return 2
        }
        do {
            let parsed = try ParsedArguments.parse(rest, configuration: command.configuration, environment: environment)
            let instance = try command.init(parsed)
            try instance.validate()
            return try instance.run()
        } catch let error as UsageError {
            printError(error.description, usage: usage(command, path: path))
            return 2
        } catch let error as CommandFailure {
            CommandOutput.current.errorLine("error: \(error.description)")
            return 1
        } catch {
            CommandOutput.current.errorLine("error: \(error)")
            return 1
        }
    }

    static func resolve(_ root: any Command.Type, _ names: [String]) -> (
        command: any Command.Type, path: [String], found: Bool
    ) {
        var command: any Command.Type = root
        var path = [root.configuration.name]
        for name in names {
            guard let sub = command.configuration.subcommands.first(where: { $0.configuration.name == name }) else {
                return (command, path, false)
            }
            command = sub
            path.append(name)
        }
        return (command, path, true)
    }

    static func printError(_ message: String, usage: String) {
        CommandOutput.current.errorLine("error: \(message)\n\(usage)")
    }

    static func usage(_ command: any Command.Type, path: [String]) -> String {
        let config = command.configuration
        var line = "usage: " + path.joined(separator: " ")
        if !config.subcommands.isEmpty && config.options.isEmpty { line += " <subcommand>" }
        if !config.options.isEmpty { line += " [options]" }
        if let positionals = config.positionals { line += " \(positionals)" }
        return line
    }

    /// Help text generated from the same declaration the parser uses.
    static func help(_ command: any Command.Type, path: [String]) -> String {
        let config = command.configuration
        var text = "\(config.abstract)\n\n\(usage(command, path: path))\n"
        if !config.discussion.isEmpty { text += "\n\(config.discussion)\n" }
        if !config.subcommands.isEmpty {
            text += "\nSUBCOMMANDS:\n"
            for sub in config.subcommands {
                text +=
                    "  " + sub.configuration.name.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + sub.configuration.abstract + "\n"
            }
            text += "\n  See '\(path.joined(separator: " ")) help <subcommand>' for details.\n"
        }
        if !config.options.isEmpty {
            text += "\nOPTIONS:\n"
            for option in config.options {
                let left = option.name + (option.valueName.map { " <\($0)>" } ?? "")
                var right = option.help
                if let value = option.defaultValue { right += " (default: \(value))" }
                if let variable = option.environment { right += " [env: \(variable)]" }
                text += "  " + left.padding(toLength: 26, withPad: " ", startingAt: 0) + right + "\n"
            }
            text += "  " + "--help".padding(toLength: 26, withPad: " ", startingAt: 0) + "Show this help.\n"
        }
        return text
    }
}
