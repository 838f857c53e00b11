/// Which SOCRATES aspect of a symptom a history sentence answers ("it gets better with
/// rest" → relieving), and the questions that ask for each aspect, so a trainee's
/// follow-up ("what makes it worse?") finds the right fact.
enum HistorySentenceAspects {
    static let cues: [(Fact.Aspect, [String])] = [
        (.relieving, ["better", "improve", "relie", "eased", "resolve", "subside"]),
        (.aggravating, ["worse", "worsen", "aggravat", "exacerbat", "trigger", "on exertion"]),
        (.radiation, ["radiat", "spread", "moves to", "down the side", "into the"]),
        (
            .character,
            ["sharp", "dull", "burning", "throbbing", "stabbing", "cramp", "aching", "crushing", "shooting", "tight"]
        ),
        (.severity, ["severe", "mild", "moderate", "out of 10", "/10", "excruciating", "worst"]),
        (.onset, ["started", "began", "came on", "onset", "suddenly", "first noticed", "ago"]),
        (.duration, ["for the past", "history of", "persist", "ongoing", "lasting", "for several", "for over"]),
        (
            .timing,
            ["episodes", "intermittent", "comes and goes", "at night", "in the morning", "every", "after eating"]
        ),
        (.associated, ["accompanied", "associated", "along with"]),
    ]

    /// The SOCRATES aspect a sentence answers, from cues at the start of words
    /// ("released" is not "eased").
    static func aspect(of sentence: String) -> Fact.Aspect? {
        let lower = " " + sentence.lowercased().map { $0.isLetter || $0.isNumber || $0 == "/" ? $0 : " " }
        return cues.first { entry in
            entry.1.contains { cue in lower.contains(cue.hasPrefix(" ") || cue.hasPrefix("/") ? cue : " " + cue) }
        }?.0
    }

    static func questions(for aspect: Fact.Aspect) -> [String] {
        switch aspect {
        case .onset: ["when did it start", "onset", "how did it start"]
        case .duration: ["how long", "duration", "how long has it been going on"]
        case .timing: ["how often", "timing", "when does it happen"]
        case .aggravating: ["what makes it worse", "worse", "aggravating factors"]
        case .relieving: ["what makes it better", "better", "anything help"]
        case .severity: ["how bad", "severity", "how severe"]
        case .character: ["what does it feel like", "describe it"]
        case .location: ["where", "location", "where exactly"]
        case .radiation: ["does it spread", "radiate", "go anywhere else"]
        case .associated: ["any other symptoms", "associated symptoms", "anything else"]
        }
    }

}
