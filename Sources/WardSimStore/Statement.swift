import CSQLite
import Foundation

/// A prepared statement. Values are always bound, never spliced into SQL.
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    public let sql: String
    /// Column names, read once: they are fixed for a prepared statement, and building
    /// them per row would dominate a 100,000-row export.
    private var cachedColumnNames: [String]?

    init(database: Database, sql: String) throws {
        var pointer: OpaquePointer?
        let code = sqlite3_prepare_v2(database.handle, sql, -1, &pointer, nil)
        guard code == SQLITE_OK, let pointer else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: sqlite3_extended_errcode(database.handle)),
                message: database.lastErrorMessage, sql: sql)
        }
        self.handle = pointer
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds `arguments` to `?1…?n`.
    public func bind(_ arguments: [any DatabaseValueConvertible]) throws {
        reset()
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == arguments.count else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "statement expects \(expected) arguments, got \(arguments.count)", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument.databaseValue {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let value): code = sqlite3_bind_int64(handle, index, value)
            case .real(let value): code = sqlite3_bind_double(handle, index, value)
            case .text(let value): code = sqlite3_bind_text(handle, index, value, -1, csqlite_transient())
            case .blob(let value):
                code = value.withUnsafeBytes { bytes in
                    sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), csqlite_transient())
                }
            }
            try database.check(code, sql: sql)
        }
    }

    /// Advances; true while there is a row.
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE {
            sqlite3_reset(handle)
            return false
        }
        let error = DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_extended_errcode(database.handle)),
            message: database.lastErrorMessage, sql: sql)
        sqlite3_reset(handle)
        throw error
    }

    public func reset() { sqlite3_reset(handle) }

    /// The names of the result columns.
    var columnNames: [String] {
        if let cachedColumnNames { return cachedColumnNames }
        let names = (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
        cachedColumnNames = names
        return names
    }

    /// The current row's values.
    func row() -> Row {
        let count = sqlite3_column_count(handle)
        let names = columnNames
        var values: [DatabaseValue] = []
        values.reserveCapacity(Int(count))
        for index in 0..<count {
            switch sqlite3_column_type(handle, index) {
            case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(handle, index)))
            case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(handle, index)))
            case SQLITE_TEXT: values.append(.text(String(cString: sqlite3_column_text(handle, index))))
            case SQLITE_BLOB:
                let length = Int(sqlite3_column_bytes(handle, index))
                if let bytes = sqlite3_column_blob(handle, index) {
                    values.append(.blob(Data(bytes: bytes, count: length)))
                } else {
                    values.append(.blob(Data()))
                }
            default: values.append(.null)
            }
        }
        return Row(names: names, values: values)
    }
}

/// One result row: values by column index or name.
public struct Row: Sendable {
    public let names: [String]
    public let values: [DatabaseValue]

    public subscript(index: Int) -> DatabaseValue { values[index] }

    /// The value of column `name` converted to `T`, or nil when absent, NULL or of another type.
    public subscript<T: DatabaseValueConvertible>(_ name: String, as type: T.Type = T.self) -> T? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return T.fromDatabaseValue(values[index])
    }

    /// Like the subscript, but throws when the column is missing or NULL: for NOT NULL columns.
    public func require<T: DatabaseValueConvertible>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let value: T = self[name] else {
            throw DatabaseError(
                resultCode: .SQLITE_MISMATCH, message: "column \(name) is missing or has the wrong type")
        }
        return value
    }
}
