import Foundation
import WardSimCore

/// Shipped content for tests, found relative to this file (not through `Bundle.module`,
/// which SwiftPM on Linux only provides next to the built binary).
///
/// `WARDSIM_CONTENT_ROOT` overrides the repository root, so content that lives in another
/// checkout can be tested before it is merged.
enum TestContent {
    static let repositoryRoot: URL = {
        if let override = ProcessInfo.processInfo.environment["WARDSIM_CONTENT_ROOT"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // WardSimCoreTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }()

    static var scenariosDirectory: URL { repositoryRoot.appendingPathComponent("Scenarios") }
    static var curriculumDirectory: URL { repositoryRoot.appendingPathComponent("Curriculum") }
    static var retrievalFixturesDirectory: URL {
        repositoryRoot.appendingPathComponent("Tests/WardSimCoreTests/Fixtures/retrieval")
    }
    /// Attacks live beside the tests in this checkout, not under the content root.
    static var injectionAttacksFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("InjectionFixtures/attacks.json")
    }

    /// Every shipped scenario (`Scenarios/*.json`, not schemas), sorted by id.
    static let scenarios: [Scenario] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: scenariosDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted().compactMap {
            try? JSONDecoder().decode(
                Scenario.self, from: Data(contentsOf: scenariosDirectory.appendingPathComponent($0)))
        }
    }()

    static func scenario(_ id: String) throws -> Scenario {
        try JSONDecoder().decode(
            Scenario.self, from: Data(contentsOf: scenariosDirectory.appendingPathComponent("\(id).json")))
    }

    /// The worked example every checkout has.
    static func chestPain() throws -> Scenario { try scenario("chest-pain-inferior-stemi") }

    static func orderableDefaults() throws -> OrderableDefaults {
        try JSONDecoder().decode(
            OrderableDefaults.self,
            from: Data(contentsOf: scenariosDirectory.appendingPathComponent("defaults/orderables.json")))
    }

    static func curriculum() throws -> Curriculum {
        struct Competencies: Decodable { var competencies: [Competency] }
        struct Levels: Decodable {
            var levels: [MasteryLevel]
            var model: MasteryModelParameters
        }
        struct Paths: Decodable { var paths: [LearningPath] }
        let decoder = JSONDecoder()
        func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
            try decoder.decode(T.self, from: Data(contentsOf: curriculumDirectory.appendingPathComponent(name)))
        }
        let levels = try load("levels.json", as: Levels.self)
        return Curriculum(
            competencies: try load("competencies.json", as: Competencies.self).competencies, levels: levels.levels,
            model: levels.model, paths: try load("paths.json", as: Paths.self).paths)
    }
}
