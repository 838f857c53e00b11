/// The trainee's diagnosis before and after the AI, and their differential, against the key.
public struct DiagnosisEvidence: Codable, Sendable, Equatable {
    public struct Judgement: Codable, Sendable, Equatable {
        public var text: String
        public var correct: Bool
        /// The accepted name, synonym or ICD-10 code it matched.
        public var matched: String?
    }

    /// Committed before the AI recommendation was shown.
    public var initial: Judgement?
    /// Given in the appraisal (the same as `initial` when there was none).
    public var final: Judgement?
    /// Accepted working diagnoses (names), for the debrief.
    public var accepted: [String]
    public var differentialsCovered: [String]
    public var differentialsMissed: [String]

    public var differentialFraction: Double? {
        let total = differentialsCovered.count + differentialsMissed.count
        return total == 0 ? nil : Double(differentialsCovered.count) / Double(total)
    }

    static func judge(_ text: String, key: AnswerKey) -> Judgement {
        for diagnosis in key.diagnoses {
            if let name = TermMatcher.firstMatch(in: text, names: [diagnosis.name] + diagnosis.synonyms) {
                return Judgement(text: text, correct: true, matched: name)
            }
            if TermMatcher.mentionsCode(text, code: diagnosis.icd10) {
                return Judgement(text: text, correct: true, matched: diagnosis.icd10)
            }
        }
        return Judgement(text: text, correct: false, matched: nil)
    }

    static func evaluate(_ scenario: Scenario, _ state: EncounterState) -> DiagnosisEvidence {
        let key = scenario.key
        let initial = state.commitment.map { judge($0.diagnosis, key: key) }
        let final = state.finalDiagnosis.map { judge($0, key: key) }
        let listed = (state.commitment?.differential ?? []).joined(separator: "\n")
        var covered: [String] = []
        var missed: [String] = []
        for differential in key.differentials {
            let names = [differential.name] + differential.synonyms
            let hit =
                state.commitment?.differential.contains { TermMatcher.firstMatch(in: $0, names: names) != nil } ?? false
            if hit || (!listed.isEmpty && TermMatcher.firstMatch(in: listed, names: names) != nil) {
                covered.append(differential.name)
            } else {
                missed.append(differential.name)
            }
        }
        return DiagnosisEvidence(
            initial: initial, final: final, accepted: key.diagnoses.map(\.name), differentialsCovered: covered,
            differentialsMissed: missed)
    }
}
