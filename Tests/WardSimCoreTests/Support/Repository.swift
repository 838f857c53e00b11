import Foundation
import Testing

@testable import WardSimCore

/// Files the tests read, found from this file's path so tests work from any directory.
enum Repository {
    /// The repository root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Tests/WardSimCoreTests/ValidatorFixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("ValidatorFixtures")

    static func data(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// A fixture file's bytes, named in problems as `name` (e.g. `Scenarios/chest-pain.json`).
    static func fixture(_ relativePath: String, as name: String) throws -> ContentFile {
        ContentFile(name: name, data: try data(fixtures.appendingPathComponent(relativePath)))
    }

    /// The valid sample scenario as a mutable JSON object, for tests that break one thing.
    static func sampleScenario() throws -> [String: Any] {
        let data = try data(fixtures.appendingPathComponent("valid/cough-and-fever.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// `object` as a content file named `Scenarios/<id>.json` unless `name` is given.
    static func file(_ object: [String: Any], name: String? = nil) throws -> ContentFile {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return ContentFile(name: name ?? "Scenarios/\(object["id"] as? String ?? "scenario").json", data: data)
    }

    /// The shipped competency ids and default table.
    static func shippedCompetencyIDs() throws -> Set<String> {
        let file = ContentFile(
            name: "Curriculum/competencies.json",
            data: try data(root.appendingPathComponent("Curriculum/competencies.json")))
        return try #require(ContentValidator.competencyIDs(in: [file]))
    }

    static func shippedDefaults() throws -> OrderableDefaults {
        let file = ContentFile(
            name: "Scenarios/defaults/orderables.json",
            data: try data(root.appendingPathComponent("Scenarios/defaults/orderables.json")))
        return try #require(ContentValidator().validate([file]).defaults)
    }
}
