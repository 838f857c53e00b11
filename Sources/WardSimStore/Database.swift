import CSQLite
import Foundation

/// One SQLite connection.
///
/// Not thread-safe: a connection belongs to one thread at a time. `DatabasePool` hands
/// connections out so that this holds.
///
/// ```swift
/// let db = try Database(path: "wardsim.sqlite")
/// try db.execute("INSERT INTO notes(text) VALUES (?)", ["hello"])
/// let rows = try db.rows("SELECT id, text FROM notes")
/// ```
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]

    /// Opens (creating when allowed) the database at `path` and applies the connection
    /// settings WardSim relies on: WAL, foreign keys, a busy timeout and full sync.
    public init(path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 5000) throws {
        var pointer: OpaquePointer?
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let code = sqlite3_open_v2(path, &pointer, flags, nil)
        guard let pointer else {
            throw DatabaseError(resultCode: .SQLITE_NOMEM, message: "could not allocate a connection for \(path)")
        }
        guard code == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(pointer))
            sqlite3_close_v2(pointer)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "\(message) (\(path))")
        }
        handle = pointer
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        do {
            if !readOnly { try execute("PRAGMA journal_mode = WAL") }
            try execute("PRAGMA foreign_keys = ON")
            try execute("PRAGMA synchronous = FULL")
        } catch {
            statementCache.removeAll()
            sqlite3_close_v2(handle)
            throw error
        }
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Prepares `sql`; the statement is finalized when released.
    public func makeStatement(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// A prepared statement reused across calls with the same SQL.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            return statement
        }
        let statement = try makeStatement(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one statement with bound `arguments`, ignoring any rows.
    public func execute(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        while try statement.step() {}
    }

    /// Runs several statements separated by semicolons, with no arguments (migrations).
    public func executeScript(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        if code != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(error)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
    }

    /// Every row of a query.
    public func rows(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws -> [Row] {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        var rows: [Row] = []
        while try statement.step() { rows.append(statement.row()) }
        return rows
    }

    /// The first row of a query, or nil.
    public func row(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws -> Row? {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        guard try statement.step() else { return nil }
        let row = statement.row()
        statement.reset()
        return row
    }

    /// The first column of the first row, converted to `T`.
    public func scalar<T: DatabaseValueConvertible>(
        _ type: T.Type, _ sql: String, _ arguments: [any DatabaseValueConvertible] = []
    ) throws -> T? {
        try row(sql, arguments).flatMap { T.fromDatabaseValue($0[0]) }
    }

    /// Calls `body` for each row without collecting them (exports stream this way).
    public func forEachRow(
        _ sql: String, _ arguments: [any DatabaseValueConvertible] = [], _ body: (Row) throws -> Void
    ) throws {
        let statement = try makeStatement(sql)
        try statement.bind(arguments)
        while try statement.step() { try body(statement.row()) }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// `immediate` (the default) takes the write lock up front, so a writer never fails
    /// half-way with SQLITE_BUSY on upgrade.
    public func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in a savepoint inside the open transaction: released when it returns,
    /// rolled back alone when it throws (the rest of the transaction stands). If SQLite
    /// ended the whole transaction after the error (a full disk), there is nothing left
    /// to roll back to, and `isInTransaction` tells the caller.
    public func savepoint<T>(_ name: String = "unit", _ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE \(name)")
            return result
        } catch {
            if isInTransaction {
                try? execute("ROLLBACK TO \(name)")
                try? execute("RELEASE \(name)")
            }
            throw error
        }
    }

    /// True when SQLite opened the file read-only (asked for read-only, or asked for
    /// read-write on a file this process may not write, which SQLite quietly allows).
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Whether a transaction is open (SQLite ends one by itself after some errors, such
    /// as a full disk, which a caller running several units of work in it must notice).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The rowid of the last insert on this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func check(_ code: Int32, sql: String? = nil) throws {
        guard code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: sqlite3_extended_errcode(handle)), message: lastErrorMessage, sql: sql)
        }
    }

    /// Copies this database to `destination` with SQLite's online backup API, which
    /// gives a consistent snapshot even while other connections write.
    public func backup(to destination: String) throws {
        let target = try Database(path: destination)
        guard let backup = sqlite3_backup_init(target.handle, "main", handle, "main") else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: sqlite3_extended_errcode(target.handle)),
                message: target.lastErrorMessage)
        }
        // One step for the whole file: in WAL mode it reads from a single snapshot, so
        // writers never wait for it, and it cannot be restarted by them (copying in
        // slices restarts whenever another connection commits between two slices, which
        // under steady load can go on for ever).
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, -1)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(20) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "backup to \(destination) failed")
        }
    }
}

@available(*, unavailable, message: "A Database belongs to one thread at a time; use DatabasePool.")
extension Database: Sendable {}
