public import Foundation

/// Serves a folder of web assets: MIME types, strong ETags, 304s, no escaping the folder.
///
/// Files are read once at start and kept in memory (the assets are small and change only
/// with a deploy), so a request costs a dictionary lookup. Anything that is not a
/// regular file inside the folder after resolving symlinks is never served.
public struct StaticFiles: Sendable {
    struct Asset: Sendable {
        let data: SharedBytes
        let contentType: String
        let etag: String
    }

    private let assets: [String: Asset]
    public let root: URL

    /// Loads every regular file under `root`. Symlinks that point outside `root` are skipped.
    public init(root: URL) throws {
        let resolvedRoot = root.resolvingSymlinksInPath().standardizedFileURL
        self.root = resolvedRoot
        var assets: [String: Asset] = [:]
        let rootPath = resolvedRoot.path.hasSuffix("/") ? resolvedRoot.path : resolvedRoot.path + "/"
        let enumerator = FileManager.default.enumerator(
            at: resolvedRoot, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            let real = url.resolvingSymlinksInPath().standardizedFileURL
            guard real.path.hasPrefix(rootPath),
                (try? real.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(rootPath.count))
            let data = try Data(contentsOf: real)
            assets[relative] = Asset(
                data: SharedBytes(data), contentType: Self.mimeType(for: relative), etag: "\"\(Self.fnv1a(data))\"")
        }
        self.assets = assets
    }

    /// The response for `path` (relative, from the router's `{path...}`), or nil when
    /// there is no such asset. `""` and folders map to `index.html`.
    public func response(for path: String, request: Request) -> Response? {
        var relative = path
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        // The table only holds real files under the root, so "..", "%2e%2e" (decoded by
        // libmicrohttpd before we see it) and absolute paths simply do not match; refuse
        // them explicitly anyway so intent is clear.
        let parts = relative.split(separator: "/")
        if relative.hasPrefix("/") || parts.contains("..") || parts.contains(".") || relative.contains("\0") {
            return nil
        }
        guard let asset = assets[relative] ?? assets[relative + "/index.html"] else { return nil }
        var headers = HTTPHeaders()
        headers.set("ETag", asset.etag)
        headers.set("Cache-Control", relative.hasSuffix(".html") ? "no-cache" : "public, max-age=300, must-revalidate")
        if let tags = request.headers["If-None-Match"],
            tags.split(separator: ",").contains(where: {
                $0.trimmingCharacters(in: .whitespaces) == asset.etag || $0 == "*"
            })
        {
            return Response(status: 304, headers: headers)
        }
        headers.set("Content-Type", asset.contentType)
        return Response(status: 200, headers: headers, body: .shared(asset.data))
    }

    /// Number of assets loaded.
    public var count: Int { assets.count }

    static func mimeType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "txt": "text/plain; charset=utf-8"
        case "webmanifest": "application/manifest+json"
        default: "application/octet-stream"
        }
    }

    /// 64-bit FNV-1a: a fast content hash, good enough for cache validation.
    static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}
