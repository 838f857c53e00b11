import Foundation

/// Everything `wardsim serve` can be told, with the embedded defaults that make
/// `make run` work on a fresh machine: a SQLite file under data/, the shipped
/// scenarios, curriculum and web assets, and the offline scripted patient voice.
public struct AppConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port: UInt16 = 8080
    public var databasePath = "data/wardsim.sqlite"
    public var scenariosPath = "Scenarios"
    public var curriculumPath = "Curriculum"
    public var assetsPath = "WebAssets"
    public var maxBodyBytes = 1 << 20
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    public var tlsCertificatePath: String?
    public var tlsKeyPath: String?
    /// Minutes of inactivity after which a session ends.
    public var sessionIdleMinutes = 30
    /// Hours after sign-in after which a session ends regardless of activity.
    public var sessionAbsoluteHours = 12
    /// Sign-in back-off (free failures per account and per address, delays).
    var loginThrottle = LoginThrottle.Policy()
    /// OpenAI-compatible chat-completions base URLs, used in turn; empty means the
    /// scripted voice only.
    public var llmURLs: [String] = []
    public var llmModel = "default"
    /// Seconds an LLM turn may take before falling back to the scripted voice.
    public var llmTimeoutSeconds = 20.0
    /// From the environment only (`WARDSIM_LLM_API_KEY`); never logged.
    public var llmAPIKey: String?

    public init() {}

    var isTLS: Bool { tlsCertificatePath != nil && tlsKeyPath != nil }
}
