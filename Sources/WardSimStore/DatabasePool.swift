public import Foundation

/// The connections to one database file: a single writer and a few readers.
///
/// SQLite in WAL mode lets readers run beside one writer. Serialising writes through one
/// connection (behind `writerLock`) means no writer ever waits on SQLITE_BUSY, and
/// readers never block the writer.
public final class DatabasePool: @unchecked Sendable {
    // `writerLock` guards `writer` and `closed`; `readerLock` guards `idleReaders`;
    // `readerSlots` bounds how many readers exist at once.
    private let writerLock = NSLock()
    private var writer: Database?
    private var closed = false
    private let readerLock = NSLock()
    private var idleReaders: [Database] = []
    private let readerSlots: DispatchSemaphore
    let groupCommit = GroupCommit()
    public let path: String

    /// Opens the file, applies `migrator` on the writer, and prepares up to
    /// `maximumReaders` reader connections on demand.
    public init(path: String, maximumReaders: Int = 4, migrator: Migrator = .wardSim) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        self.path = path
        let writer: Database
        do {
            writer = try Database(path: path)
        } catch let error as DatabaseError where ResultCode.SQLITE_READONLY ~= error.resultCode {
            // A WAL database whose -wal and -shm files are missing and cannot be created
            // (a read-only file in a read-only folder) cannot be opened at all, not even
            // for reading: SQLite needs those files to know what is committed.
            throw DatabaseError(
                resultCode: error.resultCode,
                message:
                    "the database \(path) is read-only and SQLite cannot create its write-ahead log "
                    + "(\(path)-wal, \(path)-shm) beside it, so it cannot be opened even for reading; make the file "
                    + "and its folder writable by this user (SQLite: \(error.message))")
        }
        do {
            try migrator.migrate(writer)
        } catch let error as DatabaseError where writer.isReadOnly {
            throw DatabaseError(
                resultCode: .SQLITE_READONLY,
                message:
                    "the database \(path) is read-only and needs a schema upgrade this wardsim must write; "
                    + "make it writable by this user (SQLite: \(error.message))")
        }
        self.writer = writer
        readerSlots = DispatchSemaphore(value: max(1, maximumReaders))
    }

    /// True while the file can only be read (its permissions or its file system): reads
    /// work, every write throws `SQLITE_READONLY`.
    public var isReadOnly: Bool { writerLock.withLock { writer?.isReadOnly ?? true } }

    /// Whether some thread holds the writer now (tests).
    var isWriterBusy: Bool {
        guard writerLock.try() else { return true }
        writerLock.unlock()
        return false
    }

    /// Runs `body` on the writer connection, alone.
    ///
    /// A writer that SQLite opened read-only (the file was not writable at start) is
    /// reopened once the file is writable again, so the server recovers without a restart.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        writerLock.lock()
        defer { writerLock.unlock() }
        guard !closed else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database \(path) is closed")
        }
        if writer?.isReadOnly ?? true {
            try reopenWriter()
        }
        guard let writer else { throw DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "no writer for \(path)") }
        return try body(writer)
    }

    /// Replaces a read-only writer once the file is writable. SQLite shares one -shm
    /// mapping per file within a process, and it stays read-only while any connection
    /// opened back then is open: so the old writer and the idle readers are closed first.
    /// Called with `writerLock` held.
    private func reopenWriter() throws {
        let readOnly = DatabaseError(
            resultCode: .SQLITE_READONLY, message: "the database \(path) is read-only for this process")
        guard access(path, W_OK) == 0 else { throw readOnly }
        writer = nil
        readerLock.withLock { idleReaders.removeAll() }
        let reopened = try Database(path: path)
        writer = reopened
        guard !reopened.isReadOnly else { throw readOnly }
    }

    /// Runs `body` atomically on the writer and returns once it is durable.
    ///
    /// Transactions submitted at the same time share one commit (`GroupCommit`): each
    /// runs in its own savepoint, so one that throws is rolled back alone and its error
    /// returned to its caller, while the others commit.
    public func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        var result: Result<T, any Error>?
        try withoutActuallyEscaping(body) { body in
            let job = GroupCommit.Job { db in
                result = Result { try db.savepoint { try body(db) } }
                if case .failure(let error) = result { return error }
                return nil
            }
            try groupCommit.run(job, writer: { try self.write($0) })
        }
        guard let result else { preconditionFailure("a write transaction finished without running") }
        return try result.get()
    }

    /// Runs `body` on a reader connection (a snapshot of committed data).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        readerSlots.wait()
        defer { readerSlots.signal() }
        let reader = try readerLock.withLock { () throws -> Database in
            if let idle = idleReaders.popLast() { return idle }
            return try Database(path: path, readOnly: true)
        }
        defer { readerLock.withLock { idleReaders.append(reader) } }
        return try body(reader)
    }

    /// Checkpoints the write-ahead log into the file and refuses further writes (called
    /// at shutdown, after the server has stopped): what is left on disk is one file that
    /// holds everything, which a plain file copy can take.
    public func close() {
        writerLock.withLock {
            guard !closed else { return }
            if let writer, !writer.isReadOnly { try? writer.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
            closed = true
        }
        readerLock.withLock { idleReaders.removeAll() }
    }

    /// A consistent copy of the database at `destination` (online backup, safe under load).
    public func backup(to destination: String) throws {
        try read { db in try db.backup(to: destination) }
    }
}
