public import Foundation

/// A group of trainees who train together, e.g. "ED nurses 2026 Q1".
///
/// Trainees belong to at most one cohort; instructors are assigned to any number of
/// cohorts and see only those cohorts' trainees.
public struct Cohort: Sendable, Equatable, Identifiable {
    public var id: Int64
    /// Unique, case-insensitively.
    public var name: String
    public var createdAt: Date

    public init(id: Int64, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}
