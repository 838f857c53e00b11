import Foundation

/// Where an OpenAI-compatible server lives, normalised to its chat-completions URL.
///
/// People write base URLs every way: `http://gpu1:8080`, `http://gpu1:8080/`,
/// `http://gpu1:8080/v1`, `https://api.example.com/v1/`; all mean the same endpoint.
/// Credentials inside the URL are refused: the API key comes only from the environment,
/// and a URL is logged and shown in metrics.
public struct UpstreamEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// `…/v1/chat/completions`.
    public let chatCompletionsURL: String
    /// `host:port`, for metric labels and messages.
    public let label: String

    /// Why a base URL was refused.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    public init(_ baseURL: String) throws(Invalid) {
        let trimmed = baseURL.trimmingCharacters(in: .whitespacesAndNewlines)
        guard var components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty
        else {
            throw Invalid(description: "not an http(s) URL with a host: \(trimmed.debugDescription)")
        }
        guard components.user == nil && components.password == nil else {
            throw Invalid(description: "credentials do not belong in the URL; set WARDSIM_LLM_API_KEY instead")
        }
        guard components.query == nil && components.fragment == nil else {
            throw Invalid(description: "a base URL takes no query or fragment: \(trimmed.debugDescription)")
        }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix("/chat/completions") {
            // Already the full endpoint.
        } else if path.hasSuffix("/v1") {
            path += "/chat/completions"
        } else {
            path += "/v1/chat/completions"
        }
        components.scheme = scheme
        components.path = path
        guard let url = components.string else {
            throw Invalid(description: "cannot rebuild \(trimmed.debugDescription)")
        }
        chatCompletionsURL = url
        label = CurlTransfer.hostLabel(url)
    }

    public var description: String { chatCompletionsURL }
}
