public import Foundation

/// The connections to one database file: a single writer and a few readers.
///
/// SQLite in WAL mode lets readers run beside one writer. Serialising writes through one
/// connection (behind `writerLock`) means no writer ever waits on SQLITE_BUSY, and
/// readers never block the writer.
public final class DatabasePool: @unchecked Sendable {
    // `writerLock` guards `writer`; `readerLock` guards `idleReaders` and `openReaders`;
    // `readerSlots` bounds how many readers exist at once.
    private let writerLock = NSLock()
    private let writer: Database
    private let readerLock = NSLock()
    private var idleReaders: [Database] = []
    private let readerSlots: DispatchSemaphore
    public let path: String

    /// Opens the file, applies `migrator` on the writer, and prepares up to
    /// `maximumReaders` reader connections on demand.
    public init(path: String, maximumReaders: Int = 4, migrator: Migrator = .wardSim) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        self.path = path
        writer = try Database(path: path)
        try migrator.migrate(writer)
        readerSlots = DispatchSemaphore(value: max(1, maximumReaders))
    }

    /// Runs `body` on the writer connection, alone.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        writerLock.lock()
        defer { writerLock.unlock() }
        return try body(writer)
    }

    /// Runs `body` in an immediate transaction on the writer.
    public func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try write { db in try db.transaction { try body(db) } }
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

    /// A consistent copy of the database at `destination` (online backup, safe under load).
    public func backup(to destination: String) throws {
        try read { db in try db.backup(to: destination) }
    }
}
