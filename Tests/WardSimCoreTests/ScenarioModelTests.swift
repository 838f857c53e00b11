import Testing
@testable import WardSimCore

@Suite("Scenario model") struct ScenarioModelTests {
    @Test func flawTypesHaveLabels() { #expect(FlawType.allCases.allSatisfy { !$0.label.isEmpty }) }
}
