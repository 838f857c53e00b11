import Foundation
import Testing
import WardSimCore
import WardSimStore

@testable import WardSimApp

@Suite("Report and analytics routes")
struct ReportRoutesTests {
    /// A server with two cohorts (Red, Blue), a trainee in each with graded encounters,
    /// and an instructor who teaches Red only.
    struct Setup {
        let app: TestApp
        let admin: TestClient
        let instructor: TestClient
        let trainee: TestClient
        let red: Int64
        let blue: Int64
    }

    static func setUp() async throws -> Setup {
        let app = try TestApp()
        let red = try app.createCohort("Red").id
        let blue = try app.createCohort("Blue").id
        let ana = try app.createUser("ana", role: .trainee, cohort: "Red").id
        let bob = try app.createUser("bob", role: .trainee, cohort: "Blue", displayName: "=2+3").id
        let pool = app.app.database
        let chest = try ReportFixtures.scenario(pool, "chest-pain-inferior-stemi", title: "Chest pain")
        let rash = try ReportFixtures.scenario(pool, "care-home-urosepsis", title: "Urosepsis")
        try ReportFixtures.encounter(
            pool, "e1", user: ana, scenario: chest, started: "2026-02-01T09:00:00Z", overall: 0.8,
            scores: [("history-taking", 0.8), ("ai-output-evaluation", 0.9)],
            report: ReportFixtures.report(sound: false, decision: "reject", missed: [("onset", true)]))
        try ReportFixtures.encounter(
            pool, "e2", user: ana, scenario: rash, started: "2026-02-08T09:00:00Z", overall: 0.6,
            scores: [("history-taking", 0.6)], report: ReportFixtures.report(sound: true, decision: "accept"))
        try ReportFixtures.encounter(
            pool, "e3", user: bob, scenario: chest, started: "2026-03-01T09:00:00Z", overall: 0.3,
            scores: [("history-taking", 0.3)],
            report: ReportFixtures.report(sound: false, decision: "accept", commission: true))
        let admin = try await app.signedInClient("root", role: .admin)
        let instructor = try await app.signedInClient("teach", role: .instructor)
        let teacherID = try #require(try pool.read { try UserRepository($0).find(username: "teach")?.id })
        try pool.write { try CohortRepository($0).assign(instructorID: teacherID, cohortID: red) }
        let trainee = try await app.signedInClient("tia", role: .trainee, cohort: "Red")
        return Setup(app: app, admin: admin, instructor: instructor, trainee: trainee, red: red, blue: blue)
    }

    static let reportPaths = [
        "/api/admin/reports/progress.csv", "/api/admin/reports/attempts.csv", "/api/admin/reports/xapi",
        "/api/instructor/reports/progress.csv", "/api/instructor/reports/attempts.csv",
        "/api/instructor/analytics/scenarios/chest-pain-inferior-stemi", "/api/instructor/analytics/cohorts/1",
    ]

    @Test func anonymousCallersGet401AndTraineesGet403() async throws {
        let setup = try await Self.setUp()
        for path in Self.reportPaths {
            #expect(try await setup.app.newClient().request("GET", path).status == 401, "\(path)")
            #expect(try await setup.trainee.request("GET", path).status == 403, "\(path)")
        }
        for path in Self.reportPaths where path.hasPrefix("/api/admin/") {
            #expect(try await setup.instructor.request("GET", path).status == 403, "\(path)")
        }
    }

    @Test func administratorsDownloadProgressForEveryone() async throws {
        let setup = try await Self.setUp()
        let reply = try await setup.admin.request("GET", "/api/admin/reports/progress.csv")
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type")?.hasPrefix("text/csv; charset=utf-8") == true)
        #expect(reply.header("Content-Disposition")?.contains("attachment; filename=\"wardsim-progress-") == true)
        #expect(Array(reply.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let (_, rows) = try RFC4180.table(reply.text)
        let competencies = try ReportCurriculum.load(folder: ExportTestDatabase.curriculumPath).competencies.count
        // ana, bob and tia are trainees.
        #expect(rows.count == 3 * competencies)
        #expect(rows.contains { $0["username"] == "bob" && $0["display_name"] == "'=2+3" && $0["cohort"] == "Blue" })
        let history = try #require(rows.first { $0["username"] == "ana" && $0["competency"] == "history-taking" })
        #expect(history["attempts"] == "2")

        let blueOnly = try await setup.admin.request("GET", "/api/admin/reports/attempts.csv?cohort=blue")
        #expect(try RFC4180.table(blueOnly.text).rows.map { $0["encounter_id"]! } == ["e3"])
        let since = try await setup.admin.request("GET", "/api/admin/reports/attempts.csv?since=2026-02-05")
        #expect(try RFC4180.table(since.text).rows.map { $0["encounter_id"]! } == ["e2", "e3"])
        #expect(try await setup.admin.request("GET", "/api/admin/reports/attempts.csv?since=yesterday").status == 400)
        #expect(try await setup.admin.request("GET", "/api/admin/reports/attempts.csv?cohort=Green").status == 404)
    }

    @Test func instructorsSeeOnlyTheirCohorts() async throws {
        let setup = try await Self.setUp()
        let progress = try await setup.instructor.request("GET", "/api/instructor/reports/progress.csv")
        #expect(progress.status == 200)
        let usernames = Set(try RFC4180.table(progress.text).rows.compactMap { $0["username"] })
        #expect(usernames == ["ana", "tia"])
        let attempts = try await setup.instructor.request("GET", "/api/instructor/reports/attempts.csv")
        #expect(try RFC4180.table(attempts.text).rows.map { $0["encounter_id"]! } == ["e1", "e2"])
        #expect(
            try await setup.instructor.request("GET", "/api/instructor/reports/progress.csv?cohort=Blue").status == 403)
        #expect(
            try await setup.instructor.request("GET", "/api/instructor/reports/progress.csv?cohort=Red").status == 200)
        #expect(
            try await setup.instructor.request("GET", "/api/instructor/analytics/cohorts/\(setup.blue)").status == 403)
        // Administrators may use the instructor routes, for every cohort.
        #expect(try await setup.admin.request("GET", "/api/instructor/analytics/cohorts/\(setup.blue)").status == 200)
    }

    @Test func theXAPIRouteServesStatementsForTheHostAsReached() async throws {
        let setup = try await Self.setUp()
        let reply = try await setup.admin.request("GET", "/api/admin/reports/xapi")
        #expect(reply.status == 200 && reply.header("Content-Type")?.hasPrefix("application/json") == true)
        let statements = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]])
        #expect(statements.count == 3 + 4)
        let actor = (statements[0]["actor"] as? [String: Any])?["account"] as? [String: String]
        #expect(actor?["homePage"] == setup.app.baseURL && actor?["name"] == "ana")
    }

    @Test func scenarioAnalyticsForInstructorsCoverTheirCohorts() async throws {
        let setup = try await Self.setUp()
        let admin = try await setup.admin.request(
            "GET", "/api/instructor/analytics/scenarios/chest-pain-inferior-stemi")
        #expect(admin.status == 200)
        #expect(admin.json["attempts"] as? Int == 2)
        let matrix = admin.json["aiDecisions"] as? [String: [String: Int]]
        #expect(matrix?["unsound"]?["reject"] == 1 && matrix?["unsound"]?["accept"] == 1)
        let teacher = try await setup.instructor.request(
            "GET", "/api/instructor/analytics/scenarios/chest-pain-inferior-stemi")
        #expect(teacher.json["attempts"] as? Int == 1)
        let facts = teacher.json["missedCriticalFacts"] as? [[String: Any]]
        #expect(facts?.first?["id"] as? String == "onset" && facts?.first?["rate"] as? Double == 1)
        let discrimination = teacher.json["discrimination"] as? [String: Any]
        #expect(discrimination?["method"] is String && discrimination?["pointBiserial"] == nil)
        #expect(try await setup.admin.request("GET", "/api/instructor/analytics/scenarios/nope").status == 404)
    }

    @Test func cohortAnalyticsAndTheReportPage() async throws {
        let setup = try await Self.setUp()
        let reply = try await setup.instructor.request("GET", "/api/instructor/analytics/cohorts/\(setup.red)")
        #expect(reply.status == 200)
        #expect((reply.json["cohort"] as? [String: Any])?["name"] as? String == "Red")
        let heatmap = try #require(reply.json["heatmap"] as? [[String: Any]])
        #expect(heatmap.compactMap { $0["username"] as? String } == ["ana", "tia"])
        let timeline = try #require(reply.json["masteryOverTime"] as? [String: Any])
        #expect(timeline["weeks"] as? [String] == ["2026-01-26", "2026-02-02"])
        let bias = try #require(reply.json["automationBias"] as? [String: Any])
        #expect(bias["unsoundSeen"] as? Int == 1 && bias["commissionRate"] as? Double == 0)
        let trainees = try #require(reply.json["trainees"] as? [[String: Any]])
        #expect(trainees.first { $0["username"] as? String == "tia" }?["behind"] as? Bool == true)

        // The page is a shell like every page: no data in it, which comes from the API above.
        let page = try await setup.app.newClient().request("GET", "/instructor/reports/cohort/\(setup.red)")
        #expect(page.status == 200 && page.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(page.text.contains("/assets/js/report.js") && !page.text.contains("<script>"))
        #expect(!page.text.contains("Red"))
        let script = try await setup.app.newClient().request("GET", "/assets/js/report.js")
        #expect(script.status == 200 && !script.text.contains("innerHTML"))
        #expect(try await setup.app.newClient().request("GET", "/assets/css/report.css").text.contains("@media print"))
    }
}
