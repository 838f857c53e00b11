/// What the electronic health record shows before the encounter starts.
public struct Chart: Codable, Sendable, Equatable {
    public var problems: [String]
    public var medications: [Medication]
    public var allergies: [Allergy]
    public var vitals: [Vital]
    public var results: [LabResult]
    public var notes: [Note]

    public struct Medication: Codable, Sendable, Equatable {
        public var name: String
        public var dose: String
        public var route: String
        public var frequency: String
    }

    public struct Allergy: Codable, Sendable, Equatable {
        public var substance: String
        public var reaction: String
        public var severity: String
    }

    /// A vital sign with its LOINC code and UCUM unit.
    public struct Vital: Codable, Sendable, Equatable {
        public var name: String
        public var loinc: String
        public var value: String
        public var unit: String
    }

    public struct LabResult: Codable, Sendable, Equatable {
        public var name: String
        public var value: String
        public var unit: String
        public var date: String
    }

    public struct Note: Codable, Sendable, Equatable {
        public var date: String
        public var author: String
        public var text: String
    }
}
