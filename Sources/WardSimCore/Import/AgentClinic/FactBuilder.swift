/// Builds a draft's facts from the case notes: the presenting complaint and each further
/// sentence of the history, each secondary symptom as a yes/no answer, and the past
/// medical, medication, social and systems history grouped by what they are about.
///
/// Answers are said in the speaker's voice (`CaseVoice`); topics combine the sentence's
/// keywords, lay synonyms and the section's generic questions (`Topics`). A sentence that
/// names the diagnosis is left out, and clinical observations found in the history
/// ("physical examination shows…") go to general inspection instead.
struct FactBuilder {
    let voice: CaseVoice
    let mentions: DiagnosisMentions
    let isChild: Bool
    /// What the presenting complaint is about ("double vision"), for SOCRATES follow-ups.
    let subject: String?

    private(set) var facts: [Fact] = []
    private(set) var observations: [String] = []
    private(set) var leftOut: [String] = []
    private(set) var emptySections: [String] = []

    private static let presentingQuestions = [
        "what brings you in", "what's the problem", "main problem", "presenting complaint", "PC", "what happened",
        "what's been going on", "why have you come",
    ]
    private static let pastHistoryQuestions = [
        "past medical history", "PMH", "medical history", "medical conditions", "any illnesses", "health problems",
        "operations", "surgery", "previous illnesses",
    ]
    private static let systemsQuestions = [
        "any other symptoms", "review of systems", "ROS", "anything else", "systems review", "other problems",
    ]

    init(voice: CaseVoice, mentions: DiagnosisMentions, isChild: Bool, subject: String?) {
        self.voice = voice
        self.mentions = mentions
        self.isChild = isChild
        self.subject = subject
    }

    // MARK: - Sections

    mutating func addHistory(_ history: String, primarySymptom: String) {
        let sentences = CaseText.sentences(history).filter { keep($0) }
        // The presenting complaint is the sentence sharing most words with the main
        // symptom (the earliest on a tie).
        func words(_ text: String) -> Set<String> {
            Set(Topics.keywords(in: text).flatMap { $0.split(separator: " ").map(String.init) })
        }
        let cues = words(primarySymptom)
        let overlaps = sentences.map { words($0).intersection(cues).count }
        let best = overlaps.max() ?? 0
        let presenting = best == 0 ? 0 : overlaps.firstIndex(of: best) ?? 0
        for (index, sentence) in sentences.enumerated() {
            let categories = FactCategory.of(sentence)
            if index == presenting {
                let topics = Self.presentingQuestions + Topics.keywords(in: primarySymptom)
                append(
                    id: "presenting-complaint", subject: subject, aspect: nil, sentence: sentence, topics: topics,
                    critical: true)
            } else if let category = categories.first(where: routesFromHistory) {
                add(sentence, to: category, critical: true, extra: categories)
            } else {
                let aspect = subject == nil ? nil : HistorySentenceAspects.aspect(of: sentence)
                let id =
                    aspect.map { "\(CaseText.slug(subject ?? "symptom", maxWords: 3))-\($0.rawValue)" }
                    ?? "history-" + CaseText.slug(Topics.keywords(in: sentence).first ?? "detail", maxWords: 3)
                append(
                    id: id, subject: subject, aspect: aspect, sentence: sentence,
                    topics: aspect.map(HistorySentenceAspects.questions(for:)) ?? [], critical: true)
            }
        }
    }

    /// Each secondary symptom as its own yes/no fact.
    mutating func addSymptoms(_ symptoms: [String]) {
        for symptom in symptoms {
            let lower = symptom.lowercased()
            let negative = ["no ", "denies ", "without ", "absence of "].first { lower.hasPrefix($0) }
            let answer: String
            if let negative {
                var rest = String(symptom.dropFirst(negative.count)).trimmingWhitespace
                for filler in ["experiencing ", "having ", "any "] where rest.lowercased().hasPrefix(filler) {
                    rest = String(rest.dropFirst(filler.count))
                }
                answer = "No, no " + CaseText.terminated(rest)
            } else {
                let said = voice.say(symptom)
                let unchanged = said == CaseText.terminated(CaseText.capitalisingFirst(symptom))
                answer = "Yes, " + (unchanged ? CaseText.lowercasingFirst(said) : said)
            }
            guard mentions.firstTerm(in: answer) == nil else {
                leftOut.append(symptom)
                continue
            }
            let id = "symptom-" + CaseText.slug(symptom, maxWords: 4)
            let topics = Topics.keywords(in: symptom) + Topics.synonyms(for: symptom)
            appendFact(id: id, subject: nil, aspect: nil, answer: answer, topics: topics, critical: true)
        }
    }

    mutating func addPastHistory(_ value: JSONValue?) {
        guard let sentences = sentences(of: value, section: "past medical history") else { return }
        for sentence in sentences {
            let categories = FactCategory.of(sentence)
            if let category = categories.first {
                add(sentence, to: category, critical: false, extra: categories)
            } else {
                group(
                    id: "past-medical-history", subject: "past medical history", sentence: sentence,
                    topics: Self.pastHistoryQuestions, critical: false)
            }
        }
    }

    mutating func addMedications(_ value: JSONValue?) {
        guard let value else { return }
        let items = value.array.map { $0.map(CaseText.flatten) } ?? [CaseText.flatten(value)]
        let names = items.filter { !$0.isEmpty }
        guard !names.isEmpty else { return }
        let sentence: String
        switch voice.speaker {
        case .patient: sentence = "I take " + CaseText.joinedList(names) + "."
        case .caregiver(_, let child, _): sentence = "\(child) takes " + CaseText.joinedList(names) + "."
        }
        group(
            id: FactCategory.medications.factID, subject: FactCategory.medications.subject, answer: sentence,
            topics: FactCategory.medications.questions + names.flatMap(Topics.keywords), critical: false)
    }

    mutating func addSocialHistory(_ value: JSONValue?) {
        guard let sentences = sentences(of: value, section: "social history") else { return }
        for sentence in sentences {
            for clause in Self.clauses(sentence) {
                let categories = FactCategory.of(clause)
                let social = categories.filter(\.isSocial)
                if let category = categories.first, social.count <= 1 {
                    add(clause, to: category, critical: false, extra: categories)
                } else {
                    group(
                        id: "social-history", subject: "social history", sentence: clause,
                        topics: ["social history", "SHx", "home life"] + categories.flatMap(\.questions),
                        critical: false)
                }
            }
        }
    }

    mutating func addReviewOfSystems(_ value: JSONValue?) {
        if let members = value?.members {
            for member in members {
                guard let sentences = sentences(of: member.value, section: "review of systems") else { continue }
                let system = CaseText.label(fromKey: member.key).lowercased()
                for sentence in sentences {
                    group(
                        id: "ros-" + CaseText.slug(member.key), subject: "other symptoms", sentence: sentence,
                        topics: Self.systemsQuestions + [system], critical: false)
                }
            }
            return
        }
        guard let sentences = sentences(of: value, section: "review of systems") else { return }
        for sentence in sentences {
            group(
                id: "review-of-systems", subject: "other symptoms", sentence: sentence, topics: Self.systemsQuestions,
                critical: false)
        }
    }

    // MARK: - Building facts

    /// Sentences of a section, or nil (noting it) when the source gives nothing.
    private mutating func sentences(of value: JSONValue?, section: String) -> [String]? {
        guard let value else {
            emptySections.append(section)
            return nil
        }
        let texts = value.members.map { $0.map { CaseText.flatten($0.value) } } ?? [CaseText.flatten(value)]
        let sentences = texts.flatMap(CaseText.sentences).filter { keep($0) }
        if sentences.isEmpty { emptySections.append(section) }
        return sentences.isEmpty ? nil : sentences
    }

    /// False for sentences that say the source has nothing ("Information not provided.")
    /// and for clinical observations, which are kept for general inspection.
    private mutating func keep(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        let empty = [
            "not provided", "not specified", "not applicable", "not mentioned", "no additional symptoms provided",
            "no other system review", "no other relevant", "information not",
        ]
        if lower == "n/a" || lower == "na" || lower == "n/a." || lower == "na." || empty.contains(where: lower.contains)
            || [" mentioned", " mentioned.", " provided", " provided."].contains(where: lower.hasSuffix)
            || lower.contains("not specify") || lower.hasPrefix("no pertinent")
        {
            return false
        }
        let observed = [
            "examination shows", "examination reveals", "on examination", "physical examination", "auscultation",
            "on palpation", "pulse is", "respirations are", "blood pressure is", "fontanelle", "is noted to",
            "was noted to", "appears ill", "appears pale", "the patient appears", "is observed", "signs of distress",
            "the infant shows", "the newborn is showing", "attempts telepathic communication during", "murmur heard",
            "is heard", "are heard", "heard at the",
        ]
        if observed.contains(where: lower.contains) {
            observations.append(CaseText.terminated(sentence))
            return false
        }
        return true
    }

    private func routesFromHistory(_ category: FactCategory) -> Bool {
        switch category {
        case .family, .medications, .allergies, .immunisations: true
        case .birth: isChild
        case .menstrual: false
        default: category.isSocial
        }
    }

    private mutating func add(_ sentence: String, to category: FactCategory, critical: Bool, extra: [FactCategory]) {
        group(
            id: category.factID, subject: category.subject, sentence: sentence,
            topics: extra.flatMap(\.questions), critical: critical)
    }

    /// Appends to the fact with `id` (creating it), merging answers and topics.
    private mutating func group(id: String, subject: String, sentence: String, topics: [String], critical: Bool) {
        let answer = voice.say(sentence)
        guard mentions.firstTerm(in: answer) == nil else {
            leftOut.append(sentence)
            return
        }
        group(id: id, subject: subject, answer: answer, topics: topics + keywords(sentence), critical: critical)
    }

    private mutating func group(id: String, subject: String, answer: String, topics: [String], critical: Bool) {
        if let index = facts.firstIndex(where: { $0.id == id }) {
            facts[index].answer += " " + answer
            facts[index].topics = clean(facts[index].topics + topics)
            facts[index].critical = facts[index].critical || critical
        } else {
            appendFact(id: id, subject: subject, aspect: nil, answer: answer, topics: topics, critical: critical)
        }
    }

    private mutating func append(
        id: String, subject: String?, aspect: Fact.Aspect?, sentence: String, topics: [String], critical: Bool
    ) {
        let answer = voice.say(sentence)
        guard mentions.firstTerm(in: answer) == nil else {
            leftOut.append(sentence)
            return
        }
        appendFact(
            id: id, subject: subject, aspect: aspect, answer: answer, topics: topics + keywords(sentence),
            critical: critical)
    }

    private mutating func appendFact(
        id: String, subject: String?, aspect: Fact.Aspect?, answer: String, topics: [String], critical: Bool
    ) {
        var unique = id.isEmpty || id.hasSuffix("-") ? "fact" : id
        var counter = 2
        while facts.contains(where: { $0.id == unique }) {
            unique = "\(id)-\(counter)"
            counter += 1
        }
        let subject = subject.flatMap { mentions.firstTerm(in: $0) == nil ? $0 : nil }
        var topics = clean(topics)
        if topics.isEmpty { topics = [subject ?? "tell me more"] }
        facts.append(
            Fact(
                id: unique, topics: topics, subject: subject, aspect: aspect, answer: answer, critical: critical,
                redFlag: false))
    }

    private func keywords(_ sentence: String) -> [String] {
        Topics.keywords(in: sentence) + Topics.synonyms(for: sentence)
    }

    /// Unique topics without any that name the diagnosis, within the limit.
    private func clean(_ topics: [String]) -> [String] {
        Topics.unique(topics.filter { mentions.firstTerm(in: $0) == nil }, limit: Topics.limit)
    }

    // MARK: - Clauses

    /// "Non-smoker, drinks wine occasionally" → two clauses, when each is about something
    /// different; otherwise the sentence whole.
    static func clauses(_ sentence: String) -> [String] {
        let parts = sentence.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmingWhitespace }
        guard parts.count > 1, parts.allSatisfy({ !FactCategory.of($0).isEmpty }),
            !parts.contains(where: { $0.lowercased().hasPrefix("or ") || $0.lowercased().hasPrefix("and ") }),
            Set(parts.compactMap { FactCategory.of($0).first }).count == parts.count
        else { return [sentence] }
        return parts.map { CaseText.capitalisingFirst(CaseText.terminated($0)) }
    }
}
