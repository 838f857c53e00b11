import Foundation
import WardSimCore
import WardSimSecurity
import WardSimStore

/// Creates many accounts from CSV, all or nothing.
///
/// Columns: username, display name, role, cohort and, optionally, password. A header
/// row naming them is recognised (and may reorder them); without one the columns are
/// taken in that order. Every row is checked before anything is written; if any row is
/// refused, nothing is imported and the report says, row by row, what was wrong. Rows
/// without a password create accounts that cannot sign in until an administrator sets
/// one.
struct UserImporter: Sendable {
    let accounts: AccountService

    /// More rows than this must be split; it bounds the time one request may hash for.
    static let maximumRows = 2000

    /// What happened to each row.
    struct Report: Encodable, Sendable {
        struct Row: Encodable, Sendable {
            let line: Int
            let username: String
            /// `created`, `ok` (valid, but the import as a whole was refused) or `refused`.
            let status: String
            let reasons: [String]
        }

        let imported: Bool
        let created: Int
        let message: String
        let rows: [Row]
    }

    /// Imports `csv`. The report's `imported` says whether anything was written.
    func importCSV(_ csv: String, by actor: AuditActor) throws -> Report {
        let records: [CSV.Record]
        do {
            records = try CSV.parse(csv)
        } catch let error as CSV.SyntaxError {
            return Report(imported: false, created: 0, message: "The file is not valid CSV (\(error)).", rows: [])
        }
        var rows = records.filter { $0.fields != [""] }
        let columns = Self.columns(header: rows.first?.fields)
        if columns.hasHeader { rows.removeFirst() }
        guard !rows.isEmpty else {
            return Report(imported: false, created: 0, message: "The file has no rows to import.", rows: [])
        }
        guard rows.count <= Self.maximumRows else {
            return Report(
                imported: false, created: 0,
                message: "The file has \(rows.count) rows; import at most \(Self.maximumRows) at a time.", rows: [])
        }

        // Check every row against the database and against the rows above it.
        let checked = try accounts.database.read { db in
            var seen: [String: Int] = [:]
            return try rows.map { record in try check(record, columns: columns, seen: &seen, db: db) }
        }
        let refused = checked.filter { $0.account == nil }.count
        guard refused == 0 else {
            return Report(
                imported: false, created: 0,
                message: "\(refused) of \(checked.count) rows were refused; nothing was imported. "
                    + "Fix them and import the whole file again.",
                rows: checked.map { $0.reportRow(status: $0.account == nil ? "refused" : "ok") })
        }

        // Hash in parallel: the shared gate still allows only one hash per core.
        let valid = checked.compactMap(\.account)
        let hashes = try hashAll(valid.map(\.password))
        try accounts.database.writeTransaction { db in
            for (account, hash) in zip(valid, hashes) {
                _ = try accounts.insert(account, hash: hash, by: actor, db: db)
            }
            try AuditLogRepository(db).record(
                "user.import", by: actor, detail: "\(valid.count) accounts created from CSV", at: accounts.clock.now)
        }
        return Report(
            imported: true, created: valid.count, message: "\(valid.count) accounts created.",
            rows: checked.map { $0.reportRow(status: "created") })
    }

    /// One row after checking: the account when it is acceptable, else the reasons.
    private struct CheckedRow {
        let line: Int
        let username: String
        let reasons: [String]
        let account: AccountService.ValidAccount?

        func reportRow(status: String) -> Report.Row {
            Report.Row(line: line, username: username, status: status, reasons: reasons)
        }
    }

    /// Checks one record; `seen` maps usernames already used above to their lines.
    private func check(_ record: CSV.Record, columns: Columns, seen: inout [String: Int], db: Database) throws
        -> CheckedRow
    {
        let fields = record.fields
        guard (columns.minimumCount...columns.maximumCount).contains(fields.count) else {
            let expected =
                columns.minimumCount == columns.maximumCount
                ? "\(columns.minimumCount)" : "\(columns.minimumCount) or \(columns.maximumCount)"
            return CheckedRow(
                line: record.line, username: fields.first ?? "",
                reasons: ["Expected \(expected) columns, found \(fields.count)."], account: nil)
        }
        func field(_ index: Int?) -> String? { index.flatMap { $0 < fields.count ? fields[$0] : nil } }
        let submitted = AccountService.NewAccount(
            username: field(columns.username) ?? "", displayName: field(columns.displayName) ?? "",
            role: field(columns.role) ?? "", cohort: field(columns.cohort), password: field(columns.password))
        let username = AccountFieldRules.tidy(submitted.username)
        var reasons: [String] = []
        if let earlier = seen[username.lowercased()] {
            reasons.append("The username “\(username)” also appears on line \(earlier).")
        } else if !username.isEmpty {
            seen[username.lowercased()] = record.line
        }
        if try UserRepository(db).find(username: username) != nil {
            reasons.append("The username “\(username)” is already taken.")
        }
        let (problems, valid) = try accounts.validate(submitted, passwordRequired: false, db: db)
        reasons += problems.map(\.description)
        return CheckedRow(
            line: record.line, username: username, reasons: reasons, account: reasons.isEmpty ? valid : nil)
    }

    private func hashAll(_ passwords: [String?]) throws -> [String] {
        let results = HashResults(count: passwords.count)
        DispatchQueue.concurrentPerform(iterations: passwords.count) { index in
            guard let password = passwords[index] else {
                results.set(index, .success(UserRepository.noPassword))
                return
            }
            results.set(index, Result { try accounts.hasher.hash(password) })
        }
        return try results.values()
    }

    /// Where each column is, from the header row when there is one.
    struct Columns {
        var hasHeader = false
        var username: Int? = 0
        var displayName: Int? = 1
        var role: Int? = 2
        var cohort: Int? = 3
        var password: Int? = 4
        var minimumCount = 4
        var maximumCount = 5
    }

    static func columns(header: [String]?) -> Columns {
        guard let header else { return Columns() }
        let names = header.map {
            $0.lowercased().filter { $0.isLetter }
        }
        guard names.first == "username" || names.contains("username") && names.contains("role") else {
            return Columns()
        }
        var columns = Columns(
            hasHeader: true, username: nil, displayName: nil, role: nil, cohort: nil, password: nil,
            minimumCount: names.count, maximumCount: names.count)
        for (index, name) in names.enumerated() {
            switch name {
            case "username", "user": columns.username = index
            case "displayname", "name", "fullname": columns.displayName = index
            case "role": columns.role = index
            case "cohort": columns.cohort = index
            case "password": columns.password = index
            default: break
            }
        }
        return columns
    }
}

/// Results written by parallel hashing; `lock` protects `slots`.
private final class HashResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<String, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<String, any Error>) { lock.withLock { slots[index] = result } }

    func values() throws -> [String] {
        try lock.withLock { try slots.map { try $0!.get() } }
    }
}
