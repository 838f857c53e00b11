/// A competency the grader scores and the progress model tracks.
public struct Competency: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var family: Family
    public var name: String
    public var description: String
    public var behaviours: [String]
    /// For AI competencies: the Russell et al. 2023 domain.
    public var domain: String?

    public enum Family: String, Codable, Sendable, CaseIterable { case clinical, ai }
}
