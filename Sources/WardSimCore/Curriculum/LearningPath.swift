/// An ordered route through the scenario library for one staff group.
public struct LearningPath: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var audience: String
    public var description: String
    public var modules: [Module]

    /// A group of scenarios taken together, after its prerequisites.
    public struct Module: Codable, Sendable, Equatable, Identifiable {
        public var id: String
        public var title: String
        public var scenarios: [String]
        public var prerequisites: [String]
    }
}
