import Foundation
import WardSimCore

/// Reads `Curriculum/` (competencies, levels and the mastery model, learning paths) for
/// reports and analytics.
///
/// A seam like `ReportMastery`: the scenario-library work brings the validated loader
/// to WardSimCore; when it lands, `load` calls it. Until then this decodes the three
/// documented files (Curriculum/README.md) with the Core types' own `Codable`.
enum ReportCurriculum {
    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    static func load(folder: String) throws -> Curriculum {
        struct Competencies: Decodable { let competencies: [Competency] }
        struct Levels: Decodable {
            let levels: [MasteryLevel]
            let model: MasteryModelParameters
        }
        struct Paths: Decodable { let paths: [LearningPath] }

        func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LoadError(description: "cannot read \(path) (is --curriculum the Curriculum folder?)")
            }
            do {
                return try JSONDecoder().decode(T.self, from: data)
            } catch {
                throw LoadError(description: "\(path) is not a valid curriculum file: \(error)")
            }
        }
        let levels = try decode(Levels.self, "levels.json")
        return Curriculum(
            competencies: try decode(Competencies.self, "competencies.json").competencies, levels: levels.levels,
            model: levels.model, paths: try decode(Paths.self, "paths.json").paths)
    }
}
