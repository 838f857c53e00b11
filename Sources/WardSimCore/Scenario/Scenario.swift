/// A training case: the patient, what they know, what the chart shows, what can be
/// ordered, what the AI assistant will say, and the answer key.
///
/// Decoded from the JSON format documented in `Scenarios/README.md`. A `Scenario` is a
/// value: one immutable version of a case. Encounters keep the version they were played on.
public struct Scenario: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var version: Int
    public var status: Status
    public var useCase: UseCase
    public var setting: String
    public var specialty: String
    public var difficulty: Difficulty
    public var estimatedMinutes: Int
    public var competencies: [String]
    public var learningObjectives: [String]
    public var references: [Reference]
    public var patient: Patient
    public var facts: [Fact]
    public var chart: Chart
    public var exam: [OrderableItem]
    public var investigations: [OrderableItem]
    public var aiRecommendations: [AIRecommendation]
    public var key: AnswerKey
    public var rubric: Rubric
    public var debrief: Debrief

    public enum Status: String, Codable, Sendable, CaseIterable { case draft, published }
    public enum UseCase: String, Codable, Sendable, CaseIterable {
        case diagnostics
        case treatmentPlanning = "treatment-planning"
        case patientSupport = "patient-support"
    }
    public enum Difficulty: String, Codable, Sendable, CaseIterable { case introductory, intermediate, advanced }

    public struct Reference: Codable, Sendable, Equatable {
        public var title: String
        public var url: String
    }

    public struct Rubric: Codable, Sendable, Equatable {
        /// Weight per competency id in the overall score.
        public var weights: [String: Double]
    }

    public struct Debrief: Codable, Sendable, Equatable {
        public var teachingPoints: [String]
    }

    /// The fact with `id`.
    public func fact(_ id: String) -> Fact? { facts.first { $0.id == id } }

    /// Exam and investigation items together, exam first.
    public var orderables: [OrderableItem] { exam + investigations }
}
