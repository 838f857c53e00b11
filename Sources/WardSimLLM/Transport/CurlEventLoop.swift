import CCurl
import Foundation

/// One thread that drives every transfer of a `CurlHTTPClient` through a libcurl multi
/// handle.
///
/// Why a loop thread rather than `curl_easy_perform` per call: a blocking perform would
/// occupy a thread for the whole reply (seconds), and on the cooperative pool (two
/// threads on this machine) two slow patients would stall every other task. Here async
/// callers only await an `AsyncThrowingStream`; the blocking `curl_multi_poll` happens on
/// this dedicated thread. It also gives:
/// - immediate cancellation: `curl_multi_wakeup` interrupts the poll, so a trainee who
///   leaves frees the upstream's slot at once rather than at the next progress tick;
/// - connection reuse: the multi handle keeps a connection cache, so consecutive turns
///   to the same upstream skip TCP (and TLS) set-up;
/// - millisecond deadlines for the first token and for stalls, which libcurl's
///   low-speed check (whole seconds, waiting included) cannot express.
///
/// Easy handles are created, used and freed on this thread only.
final class CurlEventLoop: @unchecked Sendable {
    // `lock` protects `incoming`, `cancellations`, `state`, `threadStarted` and every use
    // of `multi` from other threads (only `curl_multi_wakeup`, which is documented
    // thread-safe, and only while `state` says the handle is alive). `active` and `byID`
    // are confined to the loop thread.
    private let lock = NSLock()
    private var incoming: [CurlTransfer] = []
    private var cancellations: [UInt64] = []
    private var state: State = .idle
    private var nextID: UInt64 = 0
    /// Once the thread exists, it owns `multi` and frees it when it exits.
    private var threadStarted = false
    private let multi: UnsafeMutableRawPointer

    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var byID: [UInt64: UnsafeMutableRawPointer] = [:]

    private enum State { case idle, running, stopping, stopped }

    /// The longest the loop sleeps when nothing is due: new work and cancellations wake
    /// it explicitly, so this only bounds how stale a missed wake-up could get.
    private static let idlePollMilliseconds: Int32 = 1000

    init() {
        CurlGlobal.ensure()
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        self.multi = multi
    }

    deinit {
        // The thread holds a strong reference while it runs, so reaching deinit means
        // it never started or has already cleaned up.
        if !threadStarted { curl_multi_cleanup(multi) }
    }

    /// A fresh transfer id.
    func makeID() -> UInt64 {
        lock.withLock {
            nextID += 1
            return nextID
        }
    }

    /// Queues `transfer`; the loop thread starts it at its next turn (at once).
    func submit(_ transfer: CurlTransfer) {
        let accepted: Bool = lock.withLock {
            switch state {
            case .stopping, .stopped:
                return false
            case .idle:
                state = .running
                threadStarted = true
                let thread = Thread { [self] in run() }
                thread.name = "wardsim-curl"
                thread.start()
            case .running:
                break
            }
            incoming.append(transfer)
            curl_multi_wakeup(multi)
            return true
        }
        if !accepted {
            transfer.finish(LLMError(.cancelled, "the HTTP client was shut down", upstream: transfer.label))
        }
    }

    /// Asks the loop to abandon the transfer `id` (the consumer went away). Unknown or
    /// finished ids are ignored.
    func cancel(_ id: UInt64) {
        lock.withLock {
            guard state == .running else { return }
            cancellations.append(id)
            curl_multi_wakeup(multi)
        }
    }

    /// Ends every transfer with `.cancelled` and lets the thread exit.
    func shutdown() {
        lock.withLock {
            guard state == .running else {
                if state == .idle { state = .stopped }
                return
            }
            state = .stopping
            curl_multi_wakeup(multi)
        }
    }

    // MARK: - The loop thread

    private func run() {
        while true {
            let (starting, cancelling, stopping) = lock.withLock {
                defer {
                    incoming.removeAll()
                    cancellations.removeAll()
                }
                return (incoming, cancellations, state == .stopping)
            }
            for transfer in starting { begin(transfer) }
            for id in cancelling {
                guard let handle = byID[id], let transfer = active[handle] else { continue }
                // A draining transfer is left to finish; its own deadline bounds it.
                guard transfer.drainingUntil == nil else { continue }
                end(transfer, LLMError(.cancelled, "the caller cancelled the request", upstream: transfer.label))
            }
            if stopping { break }

            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            collectFinished()
            enforceDeadlines()
            _ = curl_multi_poll(multi, nil, 0, nextPollTimeout(), nil)
        }
        for transfer in Array(active.values) {
            end(transfer, LLMError(.cancelled, "the HTTP client was shut down", upstream: transfer.label))
        }
        lock.withLock {
            state = .stopped
            for transfer in incoming {
                transfer.finish(LLMError(.cancelled, "the HTTP client was shut down", upstream: transfer.label))
            }
            incoming.removeAll()
        }
        curl_multi_cleanup(multi)
    }

    private func begin(_ transfer: CurlTransfer) {
        do {
            let handle = try transfer.makeHandle()
            let added = curl_multi_add_handle(multi, handle)
            guard added == CURLM_OK else {
                transfer.releaseHandle()
                let reason = String(cString: curl_multi_strerror(added))
                transfer.finish(LLMError(.connection, "curl_multi_add_handle: \(reason)", upstream: transfer.label))
                return
            }
            active[handle] = transfer
            byID[transfer.id] = handle
        } catch {
            transfer.releaseHandle()
            transfer.finish(error)
        }
    }

    /// Reads libcurl's "done" messages and finishes those transfers.
    private func collectFinished() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                let transfer = active[handle]
            else { continue }
            let code = ccurl_msg_result(message)
            detach(transfer)
            transfer.complete(code)
        }
    }

    /// The deadlines the loop enforces itself (libcurl enforces connect and total).
    private enum Deadline {
        case firstToken, stall
        /// The consumer left after `[DONE]`; the rest of the body had this long.
        case drain
    }

    /// Ends transfers whose first byte or next byte is overdue, and draining transfers
    /// whose grace is over.
    private func enforceDeadlines() {
        guard !active.isEmpty else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        for transfer in Array(active.values) {
            let (deadline, kind) = deadline(of: transfer)
            guard now >= deadline else { continue }
            let timeouts = transfer.request.timeouts
            switch kind {
            case .drain:
                end(transfer, LLMError(.cancelled, "the rest of the response took too long", upstream: transfer.label))
            case .firstToken:
                end(
                    transfer,
                    LLMError(
                        .timeout(.firstToken), "no response body within \(timeouts.firstToken)",
                        upstream: transfer.label))
            case .stall:
                end(
                    transfer,
                    LLMError(.timeout(.stall), "the response stalled for \(timeouts.stall)", upstream: transfer.label))
            }
        }
    }

    private func deadline(of transfer: CurlTransfer) -> (UInt64, Deadline) {
        let timeouts = transfer.request.timeouts
        if let drain = transfer.drainingUntil { return (drain, .drain) }
        if let last = transfer.lastBodyAt {
            return (last &+ UInt64(timeouts.stall.wholeMilliseconds) * 1_000_000, .stall)
        }
        return (transfer.startedAt &+ UInt64(timeouts.firstToken.wholeMilliseconds) * 1_000_000, .firstToken)
    }

    /// Milliseconds until the nearest of our own deadlines, capped; libcurl shortens the
    /// wait further for its own timers.
    private func nextPollTimeout() -> Int32 {
        let now = DispatchTime.now().uptimeNanoseconds
        var wait = Int64(Self.idlePollMilliseconds)
        for transfer in active.values {
            let (deadline, _) = deadline(of: transfer)
            let millis = deadline > now ? Int64((deadline - now + 999_999) / 1_000_000) : 0
            wait = min(wait, millis)
        }
        return Int32(wait)
    }

    /// Removes a transfer from the multi handle and frees its easy handle, then ends it.
    private func end(_ transfer: CurlTransfer, _ error: LLMError) {
        detach(transfer)
        transfer.finish(error)
    }

    private func detach(_ transfer: CurlTransfer) {
        if let handle = transfer.easy {
            curl_multi_remove_handle(multi, handle)
            active[handle] = nil
        }
        byID[transfer.id] = nil
        transfer.releaseHandle()
    }
}
