import Foundation
import Testing
import WardSimCore

@testable import WardSimApp

@Suite("xAPI statements")
struct XAPIStatementTests {
    static func statements(_ database: ExportTestDatabase, base: String = "https://wardsim.example.org/") throws
        -> [[String: Any]]
    {
        let (text, _) = try database.export(ExportRequest(format: .xapi, baseURL: base))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    static func isUUID(_ value: Any?) -> Bool {
        guard let text = value as? String, UUID(uuidString: text) != nil else { return false }
        return text == text.lowercased() && text.count == 36
    }

    /// xAPI 1.0.3 §2.4: the properties every statement here must have, with their types.
    @Test func everyStatementHasTheRequiredProperties() throws {
        let database = try ExportTestDatabase()
        let statements = try Self.statements(database)
        // 5 encounters; scored statements for each graded competency (2 + 1 + 3 + 1 + 1).
        #expect(statements.count == 5 + 8)
        for statement in statements {
            #expect(Self.isUUID(statement["id"]))
            let actor = try #require(statement["actor"] as? [String: Any])
            let account = try #require(actor["account"] as? [String: String])
            #expect(account["homePage"] == "https://wardsim.example.org" && account["name"]?.isEmpty == false)
            #expect(actor["mbox"] == nil && actor["mbox_sha1sum"] == nil && actor["name"] == nil)
            let verb = try #require(statement["verb"] as? [String: Any])
            let verbID = try #require(verb["id"] as? String)
            #expect(URL(string: verbID)?.scheme == "http")
            let object = try #require(statement["object"] as? [String: Any])
            #expect((object["id"] as? String)?.hasPrefix("https://wardsim.example.org/") == true)
            #expect(object["objectType"] as? String == "Activity")
            let timestamp = try #require(statement["timestamp"] as? String)
            #expect((try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(timestamp)) != nil)
            let result = try #require(statement["result"] as? [String: Any])
            let scaled = try #require((result["score"] as? [String: Any])?["scaled"] as? Double)
            #expect((-1...1).contains(scaled))
            let context = try #require(statement["context"] as? [String: Any])
            #expect(Self.isUUID(context["registration"]))
        }
    }

    @Test func completedStatementsDescribeTheEncounter() throws {
        let database = try ExportTestDatabase()
        let statements = try Self.statements(database)
        let completed = statements.filter {
            ($0["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/completed"
        }
        #expect(completed.count == 5)
        let first = completed[0]
        let object = try #require(first["object"] as? [String: Any])
        #expect(object["id"] as? String == "https://wardsim.example.org/scenarios/chest-pain")
        #expect(
            (object["definition"] as? [String: Any])?["type"] as? String
                == "http://adlnet.gov/expapi/activities/simulation")
        let result = try #require(first["result"] as? [String: Any])
        #expect(result["success"] as? Bool == false && result["completion"] as? Bool == true)
        #expect(result["duration"] as? String == "PT12M30S")
        #expect(((completed[2]["result"] as? [String: Any])?["duration"] as? String) == "PT1H1M")
        #expect(((completed[2]["result"] as? [String: Any])?["success"] as? Bool) == true)
        let extensions = try #require(result["extensions"] as? [String: Any])
        let bias = extensions["https://wardsim.example.org/xapi/extensions/automation-bias"] as? [String: Bool]
        #expect(bias?["commission"] == true)
        // The encounter without automationBias has no extension.
        #expect((completed[3]["result"] as? [String: Any])?["extensions"] == nil)
    }

    @Test func competencyStatementsHangOffTheScenarioWithTheSameRegistration() throws {
        let database = try ExportTestDatabase()
        let statements = try Self.statements(database)
        var registrations: [String: String] = [:]  // scenario activity id + registration of completed
        for statement in statements {
            let verb = (statement["verb"] as? [String: Any])?["id"] as? String
            let context = try #require(statement["context"] as? [String: Any])
            let registration = try #require(context["registration"] as? String)
            if verb == XAPIStatementBuilder.completedVerb {
                registrations[registration] = (statement["object"] as? [String: Any])?["id"] as? String
                continue
            }
            #expect(verb == "http://adlnet.gov/expapi/verbs/scored")
            let object = try #require(statement["object"] as? [String: Any])
            #expect((object["id"] as? String)?.hasPrefix("https://wardsim.example.org/competencies/") == true)
            let parents = (context["contextActivities"] as? [String: Any])?["parent"] as? [[String: Any]]
            #expect(parents?.count == 1)
            #expect(registrations[registration] != nil, "a scored statement follows its encounter's completed one")
            #expect(parents?.first?["id"] as? String == registrations[registration])
        }
        #expect(Set(registrations.keys).count == 5)
    }

    @Test func idsAreDeterministicAcrossExportsAndBaseURLs() throws {
        let database = try ExportTestDatabase()
        let first = try Self.statements(database).map { $0["id"] as! String }
        let again = try Self.statements(database).map { $0["id"] as! String }
        let elsewhere = try Self.statements(database, base: "http://other.test").map { $0["id"] as! String }
        #expect(first == again && first == elsewhere)
        #expect(Set(first).count == first.count)
        // Version 5, RFC 9562 variant.
        for id in first {
            let uuid = UUID(uuidString: id)!.uuid
            #expect(uuid.6 >> 4 == 5 && uuid.8 >> 6 == 0b10)
        }
        #expect(XAPIIdentifiers.completed(encounterID: "e1") == first[0])
    }

    @Test func durationsAreISO8601() {
        #expect(XAPIStatementBuilder.duration(0) == "PT0S")
        #expect(XAPIStatementBuilder.duration(59.5) == "PT59.5S")
        #expect(XAPIStatementBuilder.duration(754.25) == "PT12M34.25S")
        #expect(XAPIStatementBuilder.duration(3600) == "PT1H")
        #expect(XAPIStatementBuilder.duration(3 * 3600 + 61) == "PT3H1M1S")
    }
}
