import Foundation

/// One `wardsim` subcommand, in the shape of swift-argument-parser: a static
/// configuration that both parses and documents, `validate()` before `run()`.
public protocol Command {
    static var configuration: CommandConfiguration { get }
    /// Builds the command from parsed arguments; throw `UsageError` for bad values.
    init(_ arguments: ParsedArguments) throws
    /// Checks the combination of values before anything runs.
    func validate() throws
    /// Does the work; returns the process exit code.
    func run() throws -> Int32
}

extension Command {
    public func validate() throws {}
}

/// The declaration a command parses and documents itself from.
public struct CommandConfiguration {
    public var name: String
    public var abstract: String
    public var discussion: String = ""
    public var options: [OptionSpec] = []
    /// Describes the positional arguments in the usage line, e.g. "PATH...".
    public var positionals: String? = nil
    public var subcommands: [any Command.Type] = []
}

/// One `--flag` or `--option VALUE`.
public struct OptionSpec {
    public var name: String
    public var valueName: String?
    public var help: String
    /// An environment variable that supplies the value when the flag is absent.
    public var environment: String?
    public var defaultValue: String?

    public static func option(
        _ name: String, _ valueName: String, help: String, environment: String? = nil,
        default defaultValue: String? = nil
    ) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, environment: environment, defaultValue: defaultValue)
    }

    public static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help)
    }

    var isFlag: Bool { valueName == nil }
}

/// A command line that does not fit the declaration: exit 2 with the usage.
public struct UsageError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A failure worth one clean line on stderr (exit 1), not a stack trace.
public struct CommandFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The values a command line supplied, with environment and defaults filled in.
public struct ParsedArguments {
    public var values: [String: String] = [:]
    public var flags: Set<String> = []
    public var positionals: [String] = []

    public func value(_ name: String) -> String? { values[name] }
    public func has(_ name: String) -> Bool { flags.contains(name) }

    /// A required option's value.
    public func require(_ name: String) throws -> String {
        guard let value = values[name], !value.isEmpty else { throw UsageError("missing required option \(name)") }
        return value
    }

    /// An integer option within `range`.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError(
                "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// Parses `arguments` against `configuration`.
    static func parse(
        _ arguments: [String], configuration: CommandConfiguration, environment: [String: String]
    ) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        let specs = Dictionary(uniqueKeysWithValues: configuration.options.map { ($0.name, $0) })
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                parsed.positionals.append(contentsOf: arguments[index...])
                break
            }
            guard argument.hasPrefix("--") else {
                parsed.positionals.append(argument)
                continue
            }
            var name = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            guard let spec = specs[name] else { throw UsageError("unknown option '\(name)'") }
            if spec.isFlag {
                if inline != nil { throw UsageError("\(name) takes no value") }
                parsed.flags.insert(name)
                continue
            }
            if let inline {
                parsed.values[name] = inline
            } else {
                guard index < arguments.count else { throw UsageError("\(name) needs a value (\(spec.valueName!))") }
                parsed.values[name] = arguments[index]
                index += 1
            }
        }
        if configuration.positionals == nil, !parsed.positionals.isEmpty {
            throw UsageError("unexpected argument '\(parsed.positionals[0])'")
        }
        for spec in configuration.options where !spec.isFlag && parsed.values[spec.name] == nil {
            if let variable = spec.environment, let value = environment[variable] {
                parsed.values[spec.name] = value
            } else if let value = spec.defaultValue {
                parsed.values[spec.name] = value
            }
        }
        return parsed
    }
}
