/// Who speaks and how old the patient is must be coherent: a caregiver has a name and a
/// relationship, the patient speaker has neither (their name is `patient.name`), and an
/// age in months agrees with the age in years.
struct PatientRule: ScenarioRule {
    func check(_ scenario: Node, _ context: ScenarioContext, _ problems: inout ProblemList) {
        guard let patient = scenario["patient"] else { return }
        if let speaker = patient["speaker"], let role = speaker["role"]?.string {
            for field in ["name", "relationship"] {
                if role == Patient.Speaker.Role.caregiver.rawValue, speaker[field] == nil {
                    problems.add(
                        speaker.path.appending(field), "required string is missing (the speaker is a caregiver)")
                }
                if role == Patient.Speaker.Role.patient.rawValue, let value = speaker[field] {
                    problems.add(
                        value, "only a caregiver speaker has a \(field) (the patient's own is in patient.name)")
                }
            }
        }
        if let months = patient["ageMonths"]?.int, let age = patient["age"], let years = age.int, years != months / 12 {
            problems.add(age, "must be \(months / 12) when ageMonths is \(months), found \(years)")
        }
    }
}
