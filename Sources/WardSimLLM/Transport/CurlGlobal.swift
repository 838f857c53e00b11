import CCurl

/// `curl_global_init`, exactly once per process.
///
/// libcurl requires it before any other call and is not guaranteed thread-safe before
/// 7.84; a Swift `static let` is initialised under `swift_once`, so however many
/// clients start at once on whatever threads, the call happens once and everyone waits
/// for it. The application may call `CurlHTTPClient.initializeGlobally()` at start-up
/// to do it before any threads exist, as libcurl's documentation recommends.
enum CurlGlobal {
    static let result: CURLcode = ccurl_global_init_default()

    /// Performs the initialisation if it has not happened yet; returns whether it worked.
    @discardableResult
    static func ensure() -> Bool { result == CURLE_OK }
}
