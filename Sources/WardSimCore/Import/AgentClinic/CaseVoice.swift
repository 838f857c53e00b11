/// Rewrites AgentClinic's clinical narration ("The patient reports a 1-month history of
/// double vision…") into what the speaker would say ("For the past month I've had double
/// vision…"), so the scripted and LLM voices can read answers as they are.
///
/// Rule-based and deliberately modest: it handles who is speaking (the patient in the
/// first person, or a parent speaking of the child by name), the common lead-ins
/// (reports, notes, denies, presents with, history of), verbless fragments ("Non-smoker.")
/// and verb agreement. Every imported draft asks an author to read the answers.
struct CaseVoice {
    enum Speaker {
        case patient
        /// A parent speaking about the child, who is called by `childName`.
        case caregiver(relationship: String, childName: String, childSex: Patient.Sex)
    }

    let speaker: Speaker

    /// The sentence as the speaker would say it.
    func say(_ sentence: String) -> String {
        var words = Words(Self.droppingLifeStage(sentence))
        if words.isEmpty { return sentence }
        switch speaker {
        case .patient:
            words.replacePatientReferences()
        case .caregiver(let relationship, let childName, let childSex):
            words.replaceCaregiverReferences(relationship: relationship, childSex: childSex)
            words.replaceChildReferences(with: childName)
        }
        let hadSubject = rewriteLeadIn(&words)
        words.agreeVerbs()
        var text = words.text
        if !hadSubject { text = rewriteFragment(text) }
        return CaseText.terminated(CaseText.capitalisingFirst(text))
    }

    /// "Newborn, no past medical history." → "No past medical history."
    private static func droppingLifeStage(_ sentence: String) -> String {
        for prefix in ["Newborn, ", "Infant, ", "Neonate, "] where sentence.hasPrefix(prefix) {
            return CaseText.capitalisingFirst(String(sentence.dropFirst(prefix.count)))
        }
        return sentence
    }

    // MARK: - Lead-ins

    private static let reportingVerbs: Set<String> = [
        "reports", "reported", "states", "stated", "notes", "noted", "mentions", "mentioned", "says", "said",
        "endorses", "endorsed", "describes", "described", "recalls", "recalled", "admits", "admitted", "cites",
        "expresses",
    ]
    /// Words in -ing that describe rather than act ("shooting pain").
    private static let adjectivesInIng: Set<String> = [
        "shooting", "burning", "stabbing", "throbbing", "increasing", "worsening", "recurring", "ongoing", "persisting",
        "during", "morning", "evening", "something", "nothing", "anything", "everything", "itching", "tingling",
        "swelling", "bleeding", "bruising", "wheezing", "vomiting", "sweating", "cramping", "gnawing", "aching",
    ]
    private static let adverbs: Set<String> = [
        "also", "additionally", "further", "now", "still", "recently", "previously", "currently", "then",
    ]

    /// Rewrites "SUBJECT [also] VERB …" at the start; false when the sentence has no subject.
    private func rewriteLeadIn(_ words: inout Words) -> Bool {
        guard let person = words.subject() else {
            // A sentence that starts with a verb ("Denies fever…", "Works as a…") has an
            // implied subject: the patient, or for a caregiver, the child.
            guard words.startsWithThirdPersonVerb else { return false }
            switch speaker {
            case .patient: words.insertSubject("I")
            case .caregiver(_, let childName, _): words.insertSubject(childName)
            }
            return rewriteLeadIn(&words)
        }
        var verbIndex = 1
        while verbIndex < words.count - 1, Self.adverbs.contains(words.lower(verbIndex)),
            Self.reportingVerbs.contains(words.lower(verbIndex + 1)) || words.lower(verbIndex + 1) == "denies"
        {
            verbIndex += 1
        }
        guard verbIndex < words.count else { return true }
        let verb = words.lower(verbIndex)
        let rest = verbIndex + 1
        let next = rest < words.count ? words.lower(rest) : ""
        let subject = words[0]
        func form(first: String, plural: String, third: String) -> String {
            switch person {
            case .first: first
            case .plural: plural
            case .third: "\(subject) \(third)"
            }
        }
        switch verb {
        case "denies", "denied":
            if next.hasSuffix("ing") && next.count > 4 && !["experiencing", "having", "anything"].contains(next) {
                words.replace(
                    0..<rest, with: form(first: "I haven't been", plural: "We haven't been", third: "hasn't been"))
            } else {
                let skip = ["experiencing", "having"].contains(next) ? rest + 1 : rest
                words.replace(
                    0..<skip, with: form(first: "I haven't had", plural: "We haven't noticed", third: "hasn't had"))
            }
        case "presents", "presented":
            words.replace(0..<rest, with: form(first: "I've come in", plural: "We've come in", third: "has come in"))
        case "complains" where next == "of":
            words.replace(0..<(rest + 1), with: form(first: "I've got", plural: "We've noticed", third: "has"))
        case _ where Self.reportingVerbs.contains(verb):
            rewriteReport(&words, verb: verb, rest: rest, form: form)
        default:
            break
        }
        return true
    }

    /// "… reports that X" → "X"; "… reports having Y" → "I've been having Y";
    /// "… reports a 2-week history of Z" → "For the past 2 weeks I've had Z".
    private func rewriteReport(
        _ words: inout Words, verb: String, rest: Int, form: (String, String, String) -> String
    ) {
        let next = rest < words.count ? words.lower(rest) : ""
        let after = rest + 1 < words.count ? words.lower(rest + 1) : ""
        if next == "that" {
            words.replace(0..<(rest + 1), with: nil)
        } else if ["describes", "described"].contains(verb) {
            words.replace(0..<rest, with: form("I'd describe", "We'd describe", "would describe"))
        } else if verb == "expresses" {
            words.replace(0..<rest, with: form("I've talked about", "We've talked about", "has talked about"))
        } else if ["recalls", "recalled"].contains(verb) {
            words.replace(0..<rest, with: form("I remember", "We remember", "remembers"))
        } else if next == "having" && after == "had" {
            words.replace(0..<(rest + 2), with: form("I had", "We had", "had"))
        } else if next == "being" {
            words.replace(0..<(rest + 1), with: form("I've been", "We've been", "has been"))
        } else if next.hasSuffix("ing") && next.count > 4 && !Self.adjectivesInIng.contains(next) {
            let past = words.text.lowercased().contains(" ago ")
            words.replace(
                0..<rest, with: past ? form("I was", "We were", "was") : form("I've been", "We've been", "has been"))
        } else if let history = words.historyPhrase(at: rest) {
            let had = form("I've had", "we've noticed", "has had")
            words.replace(0..<history.end, with: "For the past \(history.duration) \(had)")
        } else if words.startsClause(at: rest) {
            words.replace(0..<rest, with: nil)
        } else {
            words.replace(0..<rest, with: form("I've had", "We've noticed", "has had"))
        }
    }

    // MARK: - Fragments

    /// Rewrites the verbless fragments case notes are full of ("Non-smoker.", "No history
    /// of …", "History of …") into sentences.
    private func rewriteFragment(_ text: String) -> String {
        let lower = text.lowercased()
        let child: String?
        if case .caregiver(_, let name, _) = speaker { child = name } else { child = nil }
        func form(_ first: String, _ third: String) -> String { child.map { "\($0) \(third)" } ?? first }
        let healthy = form("I've not had any significant health problems", "hasn't had any significant health problems")
        let medical = ["medical history", "medical or surgical history", "psychiatric history", "surgical history"]
        if lower.hasPrefix("no "), medical.contains(where: lower.contains), !lower.contains("family"), lower.count < 90
        {
            return healthy
        }
        if lower.contains("history"), lower.contains("unremarkable"), !lower.contains("family"), lower.count < 90 {
            return healthy
        }
        let rules: [(prefix: String, replacement: String)] = [
            ("non-smoker", form("I don't smoke", "doesn't smoke")),
            ("nonsmoker", form("I don't smoke", "doesn't smoke")),
            ("former smoker", form("I used to smoke", "used to smoke")),
            ("no family history of", child == nil ? "Nobody in my family has had" : "Nobody in the family has had"),
            ("no history of", form("I've never had", "has never had")),
            ("no known", form("I have no known", "has no known")),
            ("moderate alcohol", form("I drink a moderate amount of alcohol", "drinks a moderate amount of alcohol")),
            ("negative for ", "No "),
            ("occasional alcohol", form("I drink alcohol occasionally", "drinks alcohol occasionally")),
            ("social drinker", form("I drink socially", "drinks socially")),
            ("past medical history of", form("I've had", "has had")),
            ("past medical history includes", form("I've had", "has had")),
            ("history of smoking", form("I've smoked", "has smoked")),
            ("history of", form("I've had", "has had")),
            ("generally healthy", form("I'm generally healthy", "is generally healthy")),
            ("family history includes", child == nil ? "In my family, there's" : "In the family, there's"),
            ("family history of", child == nil ? "In my family, there's" : "In the family, there's"),
            ("currently taking", form("I'm currently taking", "is currently taking")),
            ("not on any", form("I'm not on any", "is not on any")),
            ("immunizations up to date", form("My immunisations are up to date", "is up to date with immunisations")),
            ("immunisations up to date", form("My immunisations are up to date", "is up to date with immunisations")),
            ("enrolled in", form("I'm enrolled in", "is enrolled in")),
        ]
        for rule in rules where lower.hasPrefix(rule.prefix) {
            let rest = String(text.dropFirst(rule.prefix.count))
            let joiner =
                rule.replacement.hasSuffix(" ") || rest.first.map { $0 == " " || $0.isPunctuation } ?? true ? "" : " "
            return rule.replacement + joiner + rest
        }
        return text
    }
}
