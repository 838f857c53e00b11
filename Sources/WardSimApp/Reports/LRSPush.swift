import Foundation

/// Pushes xAPI statements to an LRS in batches, retrying failures, and sending no
/// statement that the LRS has already acknowledged.
///
/// **Semantics.** Statements are queued with `add` and sent as a JSON array to
/// `{lrs}/statements` when a batch is full (and at `finish`), with
/// `X-Experience-API-Version: 1.0.3`, `Content-Type: application/json` and Basic auth when
/// credentials are set. Before a batch goes out, ids the ledger already holds for this
/// endpoint are dropped; after a 2xx reply its ids are recorded. A failed batch (no
/// answer, 429 or 5xx) is retried with exponential back-off — 1 s, 2 s, 4 s … capped at
/// 60 s, or the server's `Retry-After` when it gives one — up to `maxAttempts`; other
/// 4xx replies stop the push at once (retrying a 400 or 401 cannot help). Statement ids
/// are deterministic, so a batch whose acknowledgement was lost and is sent again
/// carries the same ids, which an LRS recognises rather than storing twice.
final class LRSPush {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Policy {
        var batchSize = 50
        var maxAttempts = 6
        var initialDelay = 1.0
        var maxDelay = 60.0
    }

    /// Counts for the summary line.
    struct Summary: Equatable {
        var sent = 0
        var alreadySent = 0
        var batches = 0
        var retries = 0
    }

    let endpoint: String
    private let headers: [(name: String, value: String)]
    private let transport: any StatementTransport
    private let policy: Policy
    private let ledger: LRSLedger
    private let sleep: (Double) -> Void
    private let log: (String) -> Void
    private var pending: [XAPIStatement] = []
    private(set) var summary = Summary()

    /// - Parameters:
    ///   - lrsURL: the LRS base, e.g. `https://lrs.example.org/xapi`; `/statements` is appended.
    ///   - sleep: waits between retries (tests pass a recorder).
    ///   - log: progress and retry notices (stderr in the CLI); never sees credentials.
    init(
        lrsURL: String, credentials: LRSCredentials?, transport: any StatementTransport, ledger: LRSLedger,
        policy: Policy = Policy(), sleep: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
        log: @escaping (String) -> Void = { _ in }
    ) {
        var base = lrsURL
        while base.hasSuffix("/") { base.removeLast() }
        endpoint = base + "/statements"
        var headers: [(name: String, value: String)] = [
            ("X-Experience-API-Version", "1.0.3"), ("Content-Type", "application/json"),
        ]
        if let credentials { headers.append(("Authorization", credentials.authorization)) }
        self.headers = headers
        self.transport = transport
        self.policy = policy
        self.ledger = ledger
        self.sleep = sleep
        self.log = log
    }

    /// Queues a statement; sends a batch when one is full.
    func add(_ statement: XAPIStatement) throws {
        pending.append(statement)
        if pending.count >= policy.batchSize { try flush() }
    }

    /// Sends what is queued.
    func finish() throws {
        while !pending.isEmpty { try flush() }
    }

    private func flush() throws {
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        let known = try ledger.sentIDs(batch.map(\.id), endpoint)
        let fresh = batch.filter { !known.contains($0.id) }
        summary.alreadySent += batch.count - fresh.count
        guard !fresh.isEmpty else { return }
        try send(fresh)
        try ledger.record(fresh.map(\.id), endpoint)
        summary.sent += fresh.count
        summary.batches += 1
    }

    private func send(_ batch: [XAPIStatement]) throws {
        var body = "["
        body.reserveCapacity(batch.count * 1024)
        for (index, statement) in batch.enumerated() {
            if index > 0 { body += "," }
            body += statement.text
        }
        body += "]"
        let data = Data(body.utf8)
        var delay = policy.initialDelay
        for attempt in 1...max(1, policy.maxAttempts) {
            let problem: String
            var wait = delay
            do {
                let reply = try transport.post(url: endpoint, headers: headers, body: data)
                if (200..<300).contains(reply.status) { return }
                let detail = Self.excerpt(reply.body)
                guard reply.status == 429 || reply.status >= 500 else {
                    throw Failure(
                        description:
                            "the LRS refused a batch of \(batch.count) statements with HTTP \(reply.status)"
                            + (detail.isEmpty ? "" : ": \(detail)") + Self.advice(reply.status))
                }
                problem = "HTTP \(reply.status)"
                if let retryAfter = reply.retryAfterSeconds { wait = min(policy.maxDelay, max(0, retryAfter)) }
            } catch let error as Failure {
                throw error
            } catch {
                problem = String(describing: error)
            }
            guard attempt < policy.maxAttempts else {
                throw Failure(
                    description:
                        "gave up on a batch after \(attempt) attempts (\(problem)); \(summary.sent) statements were "
                        + "delivered and recorded, so running the same push again sends only the rest")
            }
            summary.retries += 1
            log(
                "LRS: \(problem); retrying in \(CSVWriter.format(wait)) s (attempt \(attempt + 1) of \(policy.maxAttempts))"
            )
            sleep(wait)
            delay = min(policy.maxDelay, delay * 2)
        }
    }

    /// The start of a reply body, one line, for an error message.
    static func excerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func advice(_ status: Int) -> String {
        switch status {
        case 401, 403: " (check WARDSIM_LRS_USER and WARDSIM_LRS_PASSWORD)"
        case 409: " (the LRS holds a different statement with one of these ids)"
        case 413: " (the batch is too large for this LRS; use a smaller --batch)"
        default: ""
        }
    }
}

@available(*, unavailable, message: "A push runs on one thread.")
extension LRSPush: Sendable {}

/// Where a push remembers acknowledged statements: the database's
/// `xapi_sent_statements`, or a dictionary in tests.
struct LRSLedger {
    /// The ids among the first argument already acknowledged by the endpoint.
    var sentIDs: ([String], String) throws -> Set<String>
    /// Records ids as acknowledged by the endpoint.
    var record: ([String], String) throws -> Void
}
