import Foundation

@testable import WardSimApp

/// Runs `wardsim …` in-process and captures what it printed.
struct CommandLineRun {
    let status: Int32
    let standardOutput: String
    let standardError: String

    var outputLines: [String] { standardOutput.split(separator: "\n").map(String.init) }

    init(_ arguments: [String], environment: [String: String] = [:]) {
        let capture = CapturedOutput()
        status = CommandOutput.$current.withValue(capture.output) {
            CommandRunner.run(WardSimCommand.self, arguments: arguments, environment: environment)
        }
        standardOutput = capture.standardOutput
        standardError = capture.standardError
    }

    /// `Tests/WardSimCoreTests/ValidatorFixtures/<relativePath>`.
    static func fixture(_ relativePath: String) -> String {
        TestApp.repositoryRoot.appendingPathComponent("Tests/WardSimCoreTests/ValidatorFixtures/\(relativePath)").path
    }

    static func repository(_ relativePath: String) -> String {
        TestApp.repositoryRoot.appendingPathComponent(relativePath).path
    }
}
