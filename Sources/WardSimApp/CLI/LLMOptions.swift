import Foundation

/// The `--llm-*` options `serve` and `interview` share: declared, read and checked once,
/// so the server and the play-test tool reach a model the same way.
enum LLMOptions {
    static var specs: [OptionSpec] {
        [
            .option(
                "--llm-url", "URL[,URL…]", help: "OpenAI-compatible base URL(s), used in turn.",
                environment: "WARDSIM_LLM_URL"),
            .option(
                "--llm-model", "NAME", help: "Model name sent upstream.", environment: "WARDSIM_LLM_MODEL",
                default: "default"),
            .option(
                "--llm-timeout", "SECONDS", help: "Per-turn LLM timeout.", environment: "WARDSIM_LLM_TIMEOUT",
                default: "20"),
        ]
    }

    /// Reads the options into `configuration`; the API key comes only from the environment
    /// (`WARDSIM_LLM_API_KEY`), never from the command line where `ps` would show it.
    static func read(_ arguments: ParsedArguments, into configuration: inout AppConfiguration) throws {
        configuration.llmURLs = (arguments.value("--llm-url") ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        configuration.llmModel = try arguments.require("--llm-model")
        guard let timeout = Double(try arguments.require("--llm-timeout")), timeout > 0, timeout <= 600 else {
            throw UsageError("--llm-timeout must be a number of seconds from 0 to 600")
        }
        configuration.llmTimeoutSeconds = timeout
        configuration.llmAPIKey = ProcessInfo.processInfo.environment["WARDSIM_LLM_API_KEY"]
    }

    /// Every URL must be http or https.
    static func validate(_ configuration: AppConfiguration) throws {
        for url in configuration.llmURLs where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw UsageError("--llm-url must start with http:// or https://, got '\(url)'")
        }
    }
}
