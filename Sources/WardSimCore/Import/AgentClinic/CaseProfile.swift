/// Who the imported patient is and who speaks: names, age, sex, speaker and voice,
/// decided once per case from the demographics and the history.
struct CaseProfile {
    let demographics: Demographics
    let name: String
    let speaker: Patient.Speaker
    let voice: CaseVoice

    init(_ source: AgentClinicCase, number: Int) {
        demographics = Demographics(source.demographics, history: source.history)
        let surname = FictionalNames.surname(number)
        let first = FictionalNames.first(number, sex: demographics.sex)
        name = "\(first) \(surname)"
        let history = source.history.lowercased()
        let parentReports = [
            "mother reports", "parents report", "father reports", "mother is concerned", "mother notes",
        ]
        .contains(where: history.contains)
        guard demographics.years < 12 || (demographics.isChild && parentReports) else {
            speaker = Patient.Speaker(role: .patient, name: nil, relationship: nil)
            voice = CaseVoice(speaker: .patient)
            return
        }
        let father = history.contains("father") && !history.contains("mother")
        let parentsOnly = history.contains("parents") && !history.contains("mother") && !father
        let relationship = father ? "father" : "mother"
        let parent = FictionalNames.first(number, sex: father ? .male : .female, offset: 1)
        speaker = Patient.Speaker(role: .caregiver, name: "\(parent) \(surname)", relationship: relationship)
        voice = CaseVoice(
            speaker: .caregiver(
                relationship: parentsOnly ? "parents" : relationship, childName: first, childSex: demographics.sex))
    }

    var firstName: String { String(name.split(separator: " ").first ?? "") }
    var isCaregiver: Bool { speaker.role == .caregiver }

    func persona(subject: String?, mentions: DiagnosisMentions) -> Patient.Persona {
        let about = subject.map { "the \($0)" } ?? "the symptoms"
        let worries =
            isCaregiver
            ? ["What is wrong with \(firstName)", "Whether \(firstName) will need to stay in hospital"]
            : ["What is causing \(about)", "Whether it is something serious"]
        let demeanour =
            isCaregiver
            ? "A worried \(speaker.relationship ?? "parent") who answers for \(firstName) and keeps an eye on them throughout."
            : "Polite and a little anxious; answers what is asked but does not volunteer much."
        return Patient.Persona(
            demeanour: demeanour, healthLiteracy: .medium, languageLevel: "Plain everyday English.",
            worries: worries.filter { mentions.firstTerm(in: $0) == nil }, volunteering: .average)
    }
}
