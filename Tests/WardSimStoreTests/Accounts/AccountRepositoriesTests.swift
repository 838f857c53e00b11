import Foundation
import Testing
import WardSimCore
import WardSimStore

@Suite("Account repositories")
struct AccountRepositoriesTests {
    let database: TemporaryDatabase
    let now = Date(timeIntervalSince1970: 1_800_000_000.25)

    init() throws { database = try TemporaryDatabase() }

    func makeUser(_ name: String, _ role: Role, cohort: Int64? = nil, hash: String = "$argon2id$stub") throws -> User {
        try database.pool.write { db throws in
            try UserRepository(db).insert(
                NewUser(
                    username: name, displayName: name.capitalized, role: role, cohortID: cohort, passwordHash: hash),
                at: now)
        }
    }

    @Test func usersRoundTripAndLookUpCaseInsensitively() throws {
        let ana = try makeUser("ana", .trainee)
        #expect(ana.id > 0)
        #expect(ana.createdAt == now)
        #expect(ana.hasPassword)
        try database.pool.read { db throws in
            let users = UserRepository(db)
            #expect(try users.find(username: "ANA") == ana)
            #expect(try users.credentials(username: "Ana")?.passwordHash == "$argon2id$stub")
            #expect(try users.find(username: "nobody") == nil)
        }
        let imported = try makeUser("ben", .trainee, hash: UserRepository.noPassword)
        #expect(!imported.hasPassword)
        #expect(throws: DatabaseError.self) { try makeUser("ANA", .admin) }
    }

    @Test func updatesEditableFields() throws {
        var ana = try makeUser("ana", .trainee)
        ana.role = .instructor
        ana.displayName = "Ana López"
        ana.isDisabled = true
        let later = now.addingTimeInterval(60)
        let stored = try database.pool.write { db in try UserRepository(db).update(ana, at: later) }
        #expect(stored.role == .instructor)
        #expect(stored.displayName == "Ana López")
        #expect(stored.isDisabled)
        #expect(stored.updatedAt == later)
        #expect(try database.pool.read { db in try UserRepository(db).activeAdminCount() } == 0)
    }

    @Test func instructorsSeeOnlyTheirCohortsTrainees() throws {
        let (north, south) = try database.pool.write { db throws in
            let cohorts = CohortRepository(db)
            return (try cohorts.insert(name: "North", at: now), try cohorts.insert(name: "South", at: now))
        }
        let teacher = try makeUser("teacher", .instructor)
        let inNorth = try makeUser("nora", .trainee, cohort: north.id)
        _ = try makeUser("sam", .trainee, cohort: south.id)
        try database.pool.write { db throws in
            try CohortRepository(db).setInstructors(cohortID: north.id, instructorIDs: [teacher.id, teacher.id])
        }
        try database.pool.read { db throws in
            #expect(try UserRepository(db).trainees(instructedBy: teacher.id).map(\.id) == [inNorth.id])
            #expect(try UserRepository(db).trainees().count == 2)
            #expect(try CohortRepository(db).cohortIDs(instructedBy: teacher.id) == [north.id])
            #expect(try CohortRepository(db).traineeCounts() == [north.id: 1, south.id: 1])
            #expect(try CohortRepository(db).find(name: "north")?.id == north.id)
        }
    }

    @Test func sessionsJoinTheirUserAndExpire() throws {
        let ana = try makeUser("ana", .trainee)
        let record = SessionRecord(tokenHash: "abc", userID: ana.id, createdAt: now, lastSeenAt: now)
        try database.pool.write { db in try SessionRepository(db).insert(record) }
        let found = try database.pool.read { db in try SessionRepository(db).find(tokenHash: "abc") }
        #expect(found?.session == record)
        #expect(found?.user == ana)
        try database.pool.write { db throws in
            let sessions = SessionRepository(db)
            try sessions.touch(tokenHash: "abc", at: now.addingTimeInterval(100))
            #expect(try sessions.deleteExpired(lastSeenBefore: now.addingTimeInterval(50), createdBefore: now) == 0)
            #expect(try sessions.deleteExpired(lastSeenBefore: now.addingTimeInterval(101), createdBefore: now) == 1)
        }
    }

    @Test func setupTokensBurnOnce() throws {
        try database.pool.write { db throws in
            let tokens = SetupTokenRepository(db)
            try tokens.insert(tokenHash: "t1", at: now)
            #expect(try tokens.markUsed(tokenHash: "t1", at: now))
            #expect(try !tokens.markUsed(tokenHash: "t1", at: now))
            #expect(try !tokens.markUsed(tokenHash: "unknown", at: now))
            #expect(try tokens.find(tokenHash: "t1")?.usedAt == now)
        }
    }

    @Test func throttleRecordsUpsert() throws {
        try database.pool.write { db throws in
            let throttle = LoginThrottleRepository(db)
            try throttle.save(ThrottleRecord(key: "k", failures: 1, lockedUntil: now, lastFailureAt: now))
            try throttle.save(ThrottleRecord(key: "k", failures: 2, lockedUntil: now, lastFailureAt: now))
            #expect(try throttle.find(key: "k")?.failures == 2)
            try throttle.prune(lastFailureBefore: now.addingTimeInterval(1))
            #expect(try throttle.find(key: "k") == nil)
        }
    }

    @Test func auditLogPagesNewestFirst() throws {
        try database.pool.write { db throws in
            let audit = AuditLogRepository(db)
            for index in 1...5 {
                try audit.append(AuditEntry(at: now, actorID: nil, actor: "cli:root", action: "test.\(index)"))
            }
        }
        let first = try database.pool.read { db in try AuditLogRepository(db).page(before: nil, limit: 2) }
        #expect(first.map(\.action) == ["test.5", "test.4"])
        let second = try database.pool.read { db in try AuditLogRepository(db).page(before: first.last!.id, limit: 10) }
        #expect(second.map(\.action) == ["test.3", "test.2", "test.1"])
    }

    @Test func scenarioCatalogListsNewestVersions() throws {
        #expect(try database.pool.read { db in try ScenarioCatalogRepository(db).latestVersions() }.isEmpty)
        try database.pool.write { db throws in
            for version in 1...2 {
                try db.execute(
                    """
                    INSERT INTO scenario_versions (scenario_id, version, status, source, document, created_at)
                    VALUES ('chest-pain', ?, 'published', 'library', ?, '2026-01-01T00:00:00.000Z')
                    """, [version, #"{"title":"Chest pain v\#(version)"}"#])
            }
        }
        let listed = try database.pool.read { db in try ScenarioCatalogRepository(db).latestVersions() }
        #expect(
            listed == [
                ScenarioVersionSummary(
                    scenarioID: "chest-pain", version: 2, status: "published", source: "library", title: "Chest pain v2"
                )
            ])
    }
}
