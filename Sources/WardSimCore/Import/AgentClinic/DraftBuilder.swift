/// Assembles one draft scenario from a parsed AgentClinic case (see `AgentClinicImporter`).
struct DraftBuilder {
    let source: AgentClinicCase
    let number: Int
    let id: String
    let defaults: OrderableDefaults?

    struct Draft {
        var scenario: Scenario
        var imported: String
        var notes: [String]
    }

    func build() -> Draft {
        let profile = CaseProfile(source, number: number)
        let (diagnosis, codeNote) = self.diagnosis()
        let mentions = DiagnosisMentions(terms: [diagnosis.name] + diagnosis.synonyms)
        let subject = Self.subject(from: source.primarySymptom).flatMap { mentions.firstTerm(in: $0) == nil ? $0 : nil }
        var notes: [String] = []

        // Facts.
        var facts = FactBuilder(
            voice: profile.voice, mentions: mentions, isChild: profile.demographics.isChild, subject: subject)
        facts.addHistory(source.history, primarySymptom: source.primarySymptom)
        facts.addSymptoms(source.secondarySymptoms)
        facts.addPastHistory(source.pastMedicalHistory)
        facts.addMedications(source.medications)
        facts.addSocialHistory(source.socialHistory)
        facts.addReviewOfSystems(source.reviewOfSystems)

        // Vital signs, examination and investigations.
        let vitalSections = (source.examination + source.tests).filter { $0.key.lowercased().contains("vital") }
        let (vitals, unread) = VitalSigns.read(vitalSections.flatMap { $0.value.members ?? [] })
        let orderables = Orderables(defaults: defaults)
        var exam = orderables.exam(source.examination, extraInspection: facts.observations)
        if !unread.isEmpty {
            exam.insert(
                OrderableItem(
                    id: "vital-signs", label: "Vital signs", category: "general",
                    result: CaseText.terminated(unread.joined(separator: "; ")), minutes: 2, cost: 0, needed: true),
                at: 0)
            notes.append("vital signs without numbers (\(unread.count)) were kept as an exam item")
        }
        let investigations = orderables.investigations(source.tests, examIDs: Set(exam.map(\.id)))

        // What the trainee sees first.
        let phrase = profile.demographics.phrase
        let title = self.title(phrase: phrase, subject: subject, mentions: mentions)
        let opening = self.opening(profile: profile, facts: facts.facts, subject: subject, mentions: mentions)
        let objective =
            mentions.firstTerm(in: source.objective) == nil
            ? CaseText.terminated(source.objective)
            : "Take a focused history, examine and investigate to reach a working diagnosis."

        let patient = Patient(
            name: profile.name, age: profile.demographics.years, ageMonths: profile.demographics.months,
            sex: profile.demographics.sex, speaker: profile.speaker,
            persona: profile.persona(subject: subject, mentions: mentions),
            openingStatement: opening)
        let evidence = investigations.map { CaseText.lowercasingFirst($0.label) }
        let teachingPoint =
            evidence.isEmpty
            ? "The diagnosis in this case (\(diagnosis.name)) rests on the history and examination findings."
            : "The diagnosis in this case (\(diagnosis.name)) is supported by the \(CaseText.joinedList(evidence))."
        let scenario = Scenario(
            id: id, title: title, version: 1, status: .draft, useCase: .diagnostics, setting: "Simulated OSCE station",
            specialty: specialty(icd10: diagnosis.icd10, demographics: profile.demographics), difficulty: .intermediate,
            estimatedMinutes: 15, competencies: AgentClinicImporter.competencies, learningObjectives: [objective],
            references: [AgentClinicImporter.reference], patient: patient, facts: facts.facts,
            chart: Chart(problems: [], medications: [], allergies: [], vitals: vitals, results: [], notes: []),
            exam: exam, investigations: investigations, aiRecommendations: [],
            key: AnswerKey(
                diagnoses: [diagnosis], differentials: [], criticalFindings: [], redFlags: [], aiDecisions: [],
                management: []),
            rubric: Scenario.Rubric(weights: [
                "history-taking": 1, "examination-investigation": 1, "clinical-reasoning": 1.5,
            ]),
            debrief: Scenario.Debrief(teachingPoints: [teachingPoint]))

        // What an author still has to do for this case (AgentClinicImporter.authorTasks
        // lists what every draft needs).
        if let codeNote { notes.append(codeNote) }
        if profile.demographics.sexInferred { notes.append("sex not stated; taken from the history's pronouns") }
        if !facts.emptySections.isEmpty {
            notes.append("not in the source: " + CaseText.joinedList(Array(Set(facts.emptySections)).sorted()))
        }
        if !facts.leftOut.isEmpty {
            notes.append(
                "left out \(facts.leftOut.count) statement\(facts.leftOut.count == 1 ? "" : "s") naming the diagnosis")
        }
        if !facts.observations.isEmpty {
            notes.append(
                "\(facts.observations.count) clinical observation\(facts.observations.count == 1 ? "" : "s") from the history moved to general inspection"
            )
        }
        let revealing = (exam + investigations).filter { mentions.firstTerm(in: $0.result) != nil }.map(\.label)
        if !revealing.isEmpty { notes.append("results name the diagnosis: " + CaseText.joinedList(revealing)) }
        let pending = investigations.filter { $0.result.lowercased().contains("pending") }.map(\.label)
        if !pending.isEmpty { notes.append("no result in the source for: " + CaseText.joinedList(pending)) }
        if source.medications != nil {
            notes.append("medications are in the facts, not the chart (no doses in the source)")
        }

        let imported = [
            count(facts.facts.count, "fact"), count(exam.count, "exam item"),
            count(investigations.count, "investigation"),
            count(vitals.count, "vital sign"),
        ].joined(separator: ", ")
        return Draft(scenario: scenario, imported: imported, notes: notes)
    }

    // MARK: - Parts

    /// The key's diagnosis: the name without a trailing "(ABBREVIATION)", which becomes a
    /// synonym, plus the synonyms and ICD-10 code of `DiagnosisCodes`.
    private func diagnosis() -> (AnswerKey.Diagnosis, String?) {
        var name = source.diagnosis
        var synonyms: [String] = []
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            synonyms.append(String(name[name.index(after: open)..<name.index(before: name.endIndex)]))
            name = String(name[..<open]).trimmingWhitespace
        }
        guard let entry = DiagnosisCodes.entry(for: source.diagnosis) else {
            let diagnosis = AnswerKey.Diagnosis(name: name, synonyms: synonyms, icd10: "R69")
            return (
                diagnosis, "no ICD-10 code known for '\(source.diagnosis)': R69 (unspecified) was used; set the code"
            )
        }
        let all = Topics.unique(synonyms + entry.synonyms).filter { $0.lowercased() != name.lowercased() }
        let note = entry.check ? "check the ICD-10 code \(entry.icd10) (closest match in the importer's table)" : nil
        return (AnswerKey.Diagnosis(name: name, synonyms: all, icd10: entry.icd10), note)
    }

    /// "Knee pain, specifically over…" → "knee pain": the symptom's head, lowercased.
    static func subject(from symptom: String) -> String? {
        var text = symptom.trimmingWhitespace
        for cut in [
            ",", ";", " with ", " especially", " specifically", " after ", " since ", " for ", " daily", " in the ",
        ] {
            if let range = text.range(of: cut) { text = String(text[..<range.lowerBound]) }
        }
        if text.hasSuffix(".") { text.removeLast() }
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= 5, !text.lowercased().contains("report") else { return nil }
        return CaseText.lowercasingFirst(words.joined(separator: " "))
    }

    /// From the objective ("…presenting with double vision and weakness") and the
    /// patient ("in a 35-year-old woman"), never naming the diagnosis.
    private func title(phrase: String, subject: String?, mentions: DiagnosisMentions) -> String {
        var candidates: [String] = []
        let objective = source.objective.trimmingWhitespace
        for marker in ["presenting with ", "presents with ", "who presents with "] {
            if let range = objective.range(of: marker) {
                var complaint = String(objective[range.upperBound...])
                for end in [". ", ", and provide", " and provide", " and diagnose", ", and diagnose", "."] {
                    if let cut = complaint.range(of: end) { complaint = String(complaint[..<cut.lowerBound]) }
                }
                candidates.append(CaseText.capitalisingFirst(complaint) + " in " + phrase)
                break
            }
        }
        if let subject { candidates.append(CaseText.capitalisingFirst(subject) + " in " + phrase) }
        candidates.append("Assessment of " + phrase)
        return candidates.first { $0.count <= 110 && mentions.firstTerm(in: $0) == nil } ?? "Assessment of " + phrase
    }

    /// The presenting complaint in the speaker's words, or a plain opener.
    private func opening(profile: CaseProfile, facts: [Fact], subject: String?, mentions: DiagnosisMentions) -> String {
        if let first = facts.first(where: { $0.id == "presenting-complaint" }), first.answer.count <= 240 {
            return first.answer
        }
        if let subject {
            let text =
                profile.isCaregiver
                ? "I've brought \(profile.firstName) in because of the \(subject)."
                : "I've come in about the \(subject)."
            if mentions.firstTerm(in: text) == nil { return text }
        }
        return profile.isCaregiver
            ? "I'm worried about \(profile.firstName) and wanted someone to look at them."
            : "I haven't been feeling right and wanted to get it looked at."
    }

    private func specialty(icd10: String, demographics: Demographics) -> String {
        let chapter = icd10.first ?? "R"
        let number = Int(icd10.dropFirst().prefix(2)) ?? 0
        if chapter == "P" || (demographics.isNewborn && demographics.years == 0) { return "neonatology" }
        if demographics.years < 16 { return "paediatrics" }
        switch chapter {
        case "A", "B": return "infectious diseases"
        case "C": return number >= 81 ? "haematology" : "oncology"
        case "D": return number < 50 ? "oncology" : "haematology"
        case "E": return "endocrinology"
        case "F": return "psychiatry"
        case "G": return "neurology"
        case "H": return number < 60 ? "ophthalmology" : "ENT"
        case "I": return "cardiology"
        case "J": return "respiratory medicine"
        case "K": return "gastroenterology"
        case "L": return "dermatology"
        case "M": return "musculoskeletal medicine"
        case "N": return number < 40 ? "nephrology and urology" : (number < 60 ? "urology" : "gynaecology")
        case "O": return "obstetrics"
        case "Q": return (20...28).contains(number) ? "cardiology" : "congenital conditions"
        case "S", "T": return "emergency medicine"
        default: return "general medicine"
        }
    }

    private func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
