import Foundation
import WardSimHTTP

/// A small Learning Record Store on WardSimHTTP's `HTTPServer`: `POST /statements`
/// records what arrives (ids, headers) and answers as an LRS does (200 with the ids).
/// `failures` scripted replies (e.g. 503) are given first, to prove the pusher retries.
final class LRSReceiver: @unchecked Sendable {
    // `lock` protects every stored var; `server` is immutable after init.
    private let lock = NSLock()
    private var scripted: [Int]
    private var received: [String] = []
    private var requests: [(headers: HTTPHeaders, count: Int)] = []
    private var server: HTTPServer!

    init(failures: [Int] = []) throws {
        scripted = failures
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.threads = 1
        configuration.maxBodyBytes = 8 << 20
        var router = Router()
        router.add(.post, "/xapi/statements", .sync { [unowned self] request in self.receive(request) })
        server = HTTPServer(configuration: configuration, router: router, logger: MemoryLogger())
        try server.start()
    }

    deinit { server.stop() }

    var url: String { "http://127.0.0.1:\(server.port)/xapi" }

    /// Every statement id received, in order, duplicates included.
    var statementIDs: [String] { lock.withLock { received } }
    var requestHeaders: [HTTPHeaders] { lock.withLock { requests.map(\.headers) } }
    var batchSizes: [Int] { lock.withLock { requests.map(\.count) } }

    private func receive(_ request: Request) -> Response {
        let failure: Int? = lock.withLock { scripted.isEmpty ? nil : scripted.removeFirst() }
        let statements = (try? JSONSerialization.jsonObject(with: request.body)) as? [[String: Any]] ?? []
        if let failure {
            lock.withLock { requests.append((request.headers, statements.count)) }
            var headers = HTTPHeaders()
            headers.set("Retry-After", "0")
            return Response(status: failure, headers: headers, body: .bytes(Data("try later".utf8)))
        }
        let ids = statements.compactMap { $0["id"] as? String }
        lock.withLock {
            requests.append((request.headers, statements.count))
            received += ids
        }
        return .json(ids)
    }
}
