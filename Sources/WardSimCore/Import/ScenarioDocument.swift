import Foundation

/// A scenario as the file an author would write: fields in the order
/// `Scenarios/README.md` documents them, two-space indentation, a final newline.
public enum ScenarioDocument {
    public static func text(for scenario: Scenario) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let value = try JSONParser.parse(try encoder.encode(scenario))
        return JSONWriter.prettyPrinted(Shape.scenario.ordering(value)) + "\n"
    }
}
