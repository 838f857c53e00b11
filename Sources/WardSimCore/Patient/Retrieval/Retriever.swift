import Foundation

/// Maps each trainee utterance to the case facts it asks about.
///
/// Retrieval is the only thing that decides what the patient discloses, so it is
/// deterministic and independent of any language model: grading is reproducible and a
/// prompt injection cannot make the patient reveal what retrieval did not select.
///
/// How it matches, per part of the utterance (see `UtteranceSplitter`):
/// 1. Social statements (greetings, empathy, thanks) that are not questions ask for nothing;
///    a plain demand for the diagnosis asks for nothing the patient knows.
/// 2. Words are normalized (`TextNormalizer`: lexicon, stemming) and corrected for typos
///    against the scenario's topic vocabulary.
/// 3. A fact's topic matches when all its terms are present (long topics, or topics with
///    a word only that fact uses: most of their weight). A fact scores the weight of the
///    question words its topics explain; phrase overlap breaks ties.
/// 4. The best fact is taken if it clears a threshold; a further fact is taken only if a
///    whole topic of it sits in a clause the first did not use ("breathing or
///    swallowing" → two facts; "tablets this morning" → one).
/// 5. A follow-up that names nothing new ("how long has that been going on?") is resolved
///    to the last subject's fact for the asked `aspect`, or to the last fact discussed.
///
/// ```swift
/// let retriever = Retriever(scenario: scenario)
/// let r = retriever.retrieve("any trouble breathing or swallowing?")
/// r.factIDs   // ["breathing", "swallow-voice"]
/// ```
public struct Retriever: Sendable {
    /// Tunable thresholds, in units of term weight (IDF).
    public struct Tuning: Sendable, Equatable {
        /// The least weight a fact must explain to be disclosed.
        public var threshold: Double = 1.5
        /// A further fact must explain at least this share of the first fact's weight.
        public var secondaryShare: Double = 0.3
        /// Long topics (three terms or more) match on this share of their weight.
        public var partialTopicShare: Double = 0.6
        /// Topics with a word no other fact uses match on this share of their weight.
        public var distinctiveTopicShare: Double = 0.5
        /// Added to facts about the last subject when the question points back to it.
        public var contextBonus: Double = 1.0
        /// Added when the asked aspect is the fact's aspect and its subject is in play.
        public var aspectBonus: Double = 1.0
        /// Per word shared with a matched topic's full wording: breaks ties between facts.
        public var phraseBonus: Double = 0.05
        /// A fact matched only partly must explain this share of the question's weight
        /// (words the scenario does not know count as rare words), so an unrelated question
        /// that happens to share one word ("Who won the election?") matches nothing.
        public var partialQuestionShare: Double = 0.4

        public init() {}
    }

    public let scenario: Scenario
    public let tuning: Tuning
    let normalizer: TextNormalizer
    let index: FactIndex
    private let classifier = IntentClassifier()

    public init(scenario: Scenario, normalizer: TextNormalizer = .standard, tuning: Tuning = Tuning()) {
        self.scenario = scenario
        self.normalizer = normalizer
        self.tuning = tuning
        self.index = FactIndex(scenario: scenario, normalizer: normalizer)
    }

    /// The facts and intents of `utterance`, given what was discussed before.
    public func retrieve(_ utterance: String, context: RetrievalContext = RetrievalContext()) -> Retrieval {
        var factIDs: Set<String> = []
        var intents: Set<Intent> = []
        var subject: String?
        var context = context
        for part in UtteranceSplitter.split(utterance) {
            let cues = classifier.cues(for: part.text, endsWithQuestionMark: part.endsWithQuestionMark)
            intents.formUnion(cues.social)
            if cues.isOpenQuestion { intents.insert(.openQuestion) }
            if cues.demandsDiagnosis {
                intents.insert(.unknowable)
                continue
            }
            if !cues.isQuestion && !cues.social.isEmpty { continue }
            // "Does that make sense?" checks understanding; it asks for no fact.
            if cues.onlyChecksUnderstanding { continue }
            // "What brings you in today?" invites the story; it asks for no particular fact.
            if let invitation = cues.invitation, onlyInvites(part.text, invitation: invitation) { continue }
            let found = match(part.text, context: context)
            if found.isEmpty {
                if cues.asksUnknowable { intents.insert(.unknowable) }
                continue
            }
            factIDs.formUnion(found.map(\.fact.id))
            if let s = found.lazy.compactMap(\.fact.subject).first {
                subject = s
                context.lastSubject = s
            }
            context.lastFactIDs = found.map(\.fact.id)
        }
        if !factIDs.isEmpty { intents.insert(.factQuestion) }
        if intents.isEmpty { intents.insert(.unknown) }
        let ordered = index.entries.map(\.fact.id).filter { factIDs.contains($0) }
        return Retrieval(
            factIDs: ordered, intents: Self.priority.filter { intents.contains($0) }, subject: subject)
    }

    /// The order in which intents are listed; the first is the one the voice answers.
    static let priority: [Intent] = [
        .factQuestion, .unknowable, .checkingUnderstanding, .empathy, .explanation, .openQuestion, .greeting,
        .thanks, .unknown,
    ]

    /// Stems that, on their own, only say "tell me more about that": a question made of
    /// nothing else is a follow-up on the last subject.
    static let followUpStems: Set<String> = [
        "durat", "onset", "sever", "when", "start", "often", "time", "where", "better", "wors", "worst", "help",
        "chang", "happen", "much", "mani", "now", "still", "far", "last", "again", "befor", "sinc", "intermitt",
        "speed", "peak", "long", "usual", "feel", "describ", "spread", "anywher", "constant", "doing", "why",
    ]

    // MARK: - Matching one part

    struct Analysis {
        var stems: Set<String>
        /// The weight of the whole question, unknown words counted as rare ones.
        var weight: Double
        var allStems: Set<String>
        /// Every stem in order, stopwords included: for phrase topics.
        var sequence: [String]
        var clauses: [Set<String>]
        var aspect: Fact.Aspect?
        var anaphoric: Bool
    }

    struct Candidate {
        var entry: FactIndex.Entry
        var covered: Set<String>
        var score: Double
        var fullTopic: Bool
        /// Covered terms that came from whole-topic matches only.
        var fullCovered: Set<String>
    }

    private func analyse(_ text: String) -> Analysis {
        var corrections: [TextNormalizer.Token: String] = [:]
        func stems(_ text: String) -> (content: Set<String>, all: [String]) {
            let tokens = normalizer.tokens(text).filter { !index.nameWords.contains($0.word) }
            let content = tokens.filter { !Stopwords.contains($0) }.map { token in
                if let known = corrections[token] { return known }
                let stem = index.corrected(token)
                corrections[token] = stem
                return stem
            }
            return (Set(content), tokens.map(\.stem))
        }
        let whole = stems(text)
        let padded = IntentClassifier.padded(text)
        let unknownWeight = log(1 + Double(max(index.entries.count, 1)))
        let weight = whole.content.reduce(0.0) { $0 + (index.idf[$1] == nil ? unknownWeight : index.weight([$1])) }
        return Analysis(
            stems: whole.content, weight: weight, allStems: Set(whole.all), sequence: whole.all,
            clauses: Self.clauses(of: text).map { stems($0).content },
            aspect: AspectCues.aspect(padded: padded, stems: whole.content),
            anaphoric: AspectCues.isAnaphoric(padded: padded))
    }

    private func match(_ text: String, context: RetrievalContext) -> [FactIndex.Entry] {
        let analysis = analyse(text)
        let isFollowUp =
            analysis.stems.isSubset(of: Self.followUpStems)
            && (context.lastSubject != nil || !context.lastFactIDs.isEmpty)
        // A follow-up ("how long for?") refers back, unless it is word for word one of a
        // fact's own topics ("had this before?", "how many times?").
        let worded = isFollowUp ? index.entries.filter { wordedLike(analysis, $0) } : []
        if isFollowUp, worded.isEmpty, let entry = followUp(analysis, context: context) { return [entry] }

        var remaining = analysis.stems
        var chosen: [Candidate] = []
        var usedClauses: Set<Int> = []
        while true {
            let candidates = index.entries
                .filter { entry in !chosen.contains { $0.entry.order == entry.order } }
                .map { candidate($0, stems: remaining, analysis: analysis, context: context) }
                .filter { $0.score >= tuning.threshold }
            let ranked = candidates.sorted { a, b in
                (a.score, a.covered.count, -a.entry.order) > (b.score, b.covered.count, -b.entry.order)
            }
            guard let first = chosen.first else {
                guard let best = ranked.first else { break }
                chosen.append(best)
                remaining.subtract(best.covered)
                usedClauses.formUnion(
                    analysis.clauses.indices.filter { !analysis.clauses[$0].isDisjoint(with: best.covered) })
                continue
            }
            // A further fact: a whole topic in a clause no chosen fact has used.
            let next = ranked.first { c in
                c.fullTopic && !c.fullCovered.isEmpty && c.score >= tuning.secondaryShare * first.score
                    && analysis.clauses.indices.contains {
                        !usedClauses.contains($0) && c.fullCovered.isSubset(of: analysis.clauses[$0])
                    }
            }
            guard let next else { break }
            chosen.append(next)
            remaining.subtract(next.covered)
            usedClauses.formUnion(
                analysis.clauses.indices.filter { !analysis.clauses[$0].isDisjoint(with: next.covered) })
            if remaining.isEmpty { break }
        }
        if chosen.isEmpty, let entry = worded.first { return [entry] }
        if chosen.isEmpty, analysis.aspect != nil || analysis.anaphoric || isFollowUp,
            let entry = followUp(analysis, context: context)
        {
            return [entry]
        }
        return chosen.map(\.entry)
    }

    private func candidate(
        _ entry: FactIndex.Entry, stems: Set<String>, analysis: Analysis, context: RetrievalContext
    ) -> Candidate {
        var covered: Set<String> = []
        var fullCovered: Set<String> = []
        var phrase = 0
        for topic in entry.topics {
            if topic.stems.isSubset(of: stems) {
                covered.formUnion(topic.stems)
                fullCovered.formUnion(topic.stems)
                phrase = max(phrase, topic.allStems.intersection(analysis.allStems).count)
                continue
            }
            let matched = topic.stems.intersection(stems)
            guard !matched.isEmpty, topic.stems.count >= 2 else { continue }
            let share = index.weight(matched) / max(topic.weight, .leastNonzeroMagnitude)
            let distinctive = matched.contains { index.documentFrequency[$0] == 1 && !Stopwords.weak.contains($0) }
            if (topic.stems.count >= 3 && share >= tuning.partialTopicShare)
                || (distinctive && share >= tuning.distinctiveTopicShare)
            {
                covered.formUnion(matched)
            }
        }
        if fullCovered.isEmpty && index.weight(covered) < tuning.partialQuestionShare * analysis.weight {
            covered = []
        }
        var score = index.weight(covered)
        if score > 0 { score += tuning.phraseBonus * Double(phrase) }
        // "what do you do" (all common words) counts when it appears word for word.
        let phraseTopic = entry.phrases.contains { Self.contains(analysis.sequence, $0) }
        if phraseTopic { score += tuning.threshold }
        // With nothing discussed yet, "it" is the presenting complaint (the first fact's subject).
        let lastSubject = context.lastSubject ?? index.entries.first?.fact.subject
        let aboutLastSubject = analysis.anaphoric && entry.fact.subject != nil && entry.fact.subject == lastSubject
        let subjectNamed = !entry.subjectStems.isEmpty && entry.subjectStems.isSubset(of: stems)
        let aspectMatches = analysis.aspect != nil && entry.fact.aspect == analysis.aspect
        if aboutLastSubject {
            // "Is there any blood in it?" after diarrhoea: any word of the fact's topics counts.
            let loose = index.weight(entry.allTerms.intersection(stems))
            if score > 0 || aspectMatches || loose > 0 {
                covered.formUnion(entry.allTerms.intersection(stems))
                score = max(score, 0.5 * loose) + tuning.contextBonus
            }
        }
        if aspectMatches && (subjectNamed || aboutLastSubject) && score > 0 { score += tuning.aspectBonus }
        return Candidate(
            entry: entry, covered: covered, score: score, fullTopic: !fullCovered.isEmpty || phraseTopic,
            fullCovered: fullCovered)
    }

    /// Every fact's score for `text` (for tuning and tests).
    func scores(_ text: String, context: RetrievalContext) -> [(id: String, score: Double, covered: [String])] {
        let analysis = analyse(text)
        return index.entries.map { candidate($0, stems: analysis.stems, analysis: analysis, context: context) }
            .filter { $0.score > 0 }
            .map { ($0.entry.fact.id, $0.score, $0.covered.sorted()) }
    }
}
