/// Who the trainee meets, and how they come across.
public struct Patient: Codable, Sendable, Equatable {
    public var name: String
    public var age: Int
    public var ageMonths: Int?
    public var sex: Sex
    public var speaker: Speaker
    public var persona: Persona
    public var openingStatement: String

    public enum Sex: String, Codable, Sendable, CaseIterable { case female, male, intersex }

    /// Who answers: the patient, or a caregiver speaking for them (a parent for a child).
    public struct Speaker: Codable, Sendable, Equatable {
        public var role: Role
        public var name: String?
        public var relationship: String?

        public enum Role: String, Codable, Sendable, CaseIterable { case patient, caregiver }
    }

    public struct Persona: Codable, Sendable, Equatable {
        public var demeanour: String
        public var healthLiteracy: HealthLiteracy
        public var languageLevel: String
        public var worries: [String]
        public var volunteering: Volunteering

        public enum HealthLiteracy: String, Codable, Sendable, CaseIterable { case low, medium, high }
        public enum Volunteering: String, Codable, Sendable, CaseIterable { case reluctant, average, forthcoming }
    }

    /// The name of whoever speaks.
    public var speakerName: String {
        speaker.role == .caregiver ? (speaker.name ?? "the caregiver") : name
    }
}
