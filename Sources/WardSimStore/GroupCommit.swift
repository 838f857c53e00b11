import Foundation

/// Write transactions that arrive together share one commit, and so one `fsync`.
///
/// With `synchronous=FULL` every commit waits for the disk; done one by one, that wait
/// (not the work) limited how many questions a second the server could record. Here the
/// first caller becomes the *leader*: it takes every unit of work queued so far, runs
/// each in its own savepoint inside one `BEGIN IMMEDIATE … COMMIT`, and wakes their
/// callers once the commit has returned. Callers that queued meanwhile form the next
/// batch, led by the first of them, so nobody leads for ever under steady load. Every
/// caller still returns only after its work is durable, and an error in one unit of work
/// rolls back only that unit's savepoint.
final class GroupCommit: @unchecked Sendable {
    // `lock` protects `queue` and `leading`. A job's fields are written by the thread that
    // leads its batch before it signals the job's semaphore, and read by the job's caller
    // after its wait.
    private let lock = NSLock()
    private var queue: [Job] = []
    private var leading = false
    private var commits = 0

    /// Units of work waiting for the next commit, and commits made (tests, metrics).
    var waiting: Int { lock.withLock { queue.count } }
    /// Whether a leader is running a batch now (tests).
    var isLeading: Bool { lock.withLock { leading } }
    var committed: Int { lock.withLock { commits } }

    /// Runs SQL on the writer connection, alone (the pool's lock and read-only checks).
    typealias Writer = ((Database) throws -> Void) throws -> Void

    /// One caller's unit of work and how its commit ended.
    final class Job: @unchecked Sendable {
        // The caller blocks on `wake` until a leader has run `work`, so the closure's
        // captures are never touched by two threads at once.
        /// Runs the unit in a savepoint; returns the error it failed with, if any. Dropped
        /// as soon as it has run: the caller's closure must not outlive its call (the
        /// leader may still hold the job when the caller returns).
        private var work: ((Database) -> (any Error)?)?
        let wake = DispatchSemaphore(value: 0)
        var commitError: (any Error)?
        var finished = false
        var leadsNext = false

        init(_ work: @escaping (Database) -> (any Error)?) { self.work = work }

        /// Runs the work once and lets go of it.
        func perform(_ db: Database) -> (any Error)? {
            defer { work = nil }
            return work?(db)
        }
    }

    /// Runs `job` in the next commit. Returns after that commit, or throws the error that
    /// kept it from happening (then nothing of the job was saved).
    func run(_ job: Job, writer: Writer) throws {
        let leads = lock.withLock {
            queue.append(job)
            if leading { return false }
            leading = true
            return true
        }
        if !leads { job.wake.wait() }
        if leads || job.leadsNext { lead(writer) }
        precondition(job.finished, "a group-commit job returned before it ran")
        if let error = job.commitError { throw error }
    }

    /// Commits everything queued, then hands leadership to the first job queued meanwhile.
    private func lead(_ writer: Writer) {
        let batch = lock.withLock {
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
        commit(batch, writer)
        let next: Job? = lock.withLock {
            guard let first = queue.first else {
                leading = false
                return nil
            }
            first.leadsNext = true
            return first
        }
        for job in batch {
            job.finished = true
            job.wake.signal()
        }
        next?.wake.signal()
    }

    /// Runs `batch` in as few transactions as SQLite allows: one, unless SQLite ends the
    /// transaction by itself after a unit fails (a full disk); then the units run in it
    /// so far are reported failed with that unit's error, and the rest go on in a new one.
    private func commit(_ batch: [Job], _ writer: Writer) {
        var remaining = batch[...]
        while !remaining.isEmpty {
            var ran: [Job] = []
            do {
                try writer { db in
                    try db.execute("BEGIN IMMEDIATE")
                    while let job = remaining.first {
                        remaining = remaining.dropFirst()
                        let failure = job.perform(db)
                        ran.append(job)
                        if let failure, !db.isInTransaction { throw failure }
                    }
                    do {
                        try db.execute("COMMIT")
                        lock.withLock { commits += 1 }
                    } catch {
                        if db.isInTransaction { try? db.execute("ROLLBACK") }
                        throw error
                    }
                }
            } catch {
                for job in ran { job.commitError = error }
                if ran.isEmpty {
                    // The transaction could not begin (a closed or read-only database).
                    for job in remaining { job.commitError = error }
                    remaining = []
                }
            }
        }
    }
}
