/// Recognises what a part of an utterance does, apart from asking for facts.
///
/// Phrase lists, not a model: deterministic, explainable in the debrief ("you greeted
/// the patient"), and easy for authors to extend. Phrases are matched as whole words in
/// lowercased text that keeps apostrophes, so "we'll" and "I'm" can be listed as typed.
struct IntentClassifier: Sendable {
    /// What one part of an utterance does.
    struct Cues: Sendable, Equatable {
        /// Written as a question: a question mark, or a question word or request verb first.
        var isQuestion: Bool
        /// Greeting, empathy, explanation, checking understanding, thanks.
        var social: Set<Intent>
        var isOpenQuestion: Bool
        /// Asks for results, the diagnosis or the clinician's opinion.
        var asksUnknowable: Bool
        /// Asks so plainly for the diagnosis that no fact should answer it ("what do you think I have?").
        var demandsDiagnosis: Bool
        /// Only checks understanding ("Does that make sense?"): asks for no fact.
        var onlyChecksUnderstanding: Bool
        /// The open invitation ("what brings you", "how are you") found, if any: with
        /// nothing else asked, it asks for no fact.
        var invitation: String?
    }

    func cues(for text: String, endsWithQuestionMark: Bool) -> Cues {
        let padded = Self.padded(text)
        var social: Set<Intent> = []
        for (intent, phrases) in Self.socialPhrases
        where phrases.contains(where: { TextSearch.contains(padded, " \($0) ") }) {
            social.insert(intent)
        }
        let firstWord = padded.split(separator: " ").first.map(String.init) ?? ""
        if Self.greetingOpeners.contains(firstWord) { social.insert(.greeting) }
        return Cues(
            isQuestion: endsWithQuestionMark || Self.startsLikeQuestion(padded),
            social: social,
            isOpenQuestion: Self.openPhrases.contains { TextSearch.contains(padded, " \($0) ") },
            asksUnknowable: Self.unknowablePhrases.contains { TextSearch.contains(padded, " \($0) ") },
            demandsDiagnosis: Self.diagnosisDemands.contains { TextSearch.contains(padded, " \($0) ") },
            onlyChecksUnderstanding: Self.pureChecks.contains { TextSearch.contains(padded, " \($0) ") },
            invitation: Self.pureOpeners.first { TextSearch.contains(padded, " \($0) ") })
    }

    /// Lowercase words separated by single spaces, apostrophes kept, padded with spaces.
    static func padded(_ text: String) -> String {
        var out = " "
        var lastWasSpace = true
        for c in TextNormalizer.fold(text) {
            if TextNormalizer.isWordCharacter(c) || c == "'" {
                out.append(c)
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        if !lastWasSpace { out.append(" ") }
        return out
    }

    private static let leadingFillers: Set<String> = [
        "and", "so", "ok", "okay", "right", "also", "then", "now", "well", "and", "but", "plus", "oh", "sorry",
    ]
    private static let questionStarters: Set<String> = [
        "how", "what", "what's", "whats", "when", "where", "why", "who", "which", "whose", "do", "does", "did",
        "is", "are", "was", "were", "have", "has", "had", "can", "could", "would", "will", "any", "anything",
        "ever", "tell", "describe", "explain", "list", "talk", "walk", "shall", "should", "may", "might", "u",
        "r", "wat", "wot", "how's", "hows", "where's", "when's", "who's", "isn't", "aren't", "don't", "didn't",
        "doesn't", "haven't", "hasn't", "anyone", "anybody", "someone", "got",
    ]

    private static func startsLikeQuestion(_ padded: String) -> Bool {
        let words = padded.split(separator: " ").map(String.init)
        guard let first = words.first(where: { !leadingFillers.contains($0) }) else { return false }
        return questionStarters.contains(first)
    }

    static let socialPhrases: [(Intent, [String])] = [
        (
            .greeting,
            [
                "hi", "hello", "hey", "hiya", "good morning", "good afternoon", "good evening", "my name is",
                "my name's", "i'm dr", "i am dr", "i'm a nurse", "i am a nurse", "i'm a doctor", "i am a doctor",
                "i'm the", "i am the", "i'm one of the", "i am one of the", "this is dr", "this is the",
                "nice to meet", "pleased to meet", "welcome", "come in", "have a seat", "take a seat",
                "sit down",
            ]
        ),
        (
            .empathy,
            [
                "sorry", "that sounds", "sounds really", "sounds awful", "sounds horrible", "sounds hard",
                "sounds difficult", "sounds frightening", "sounds scary", "sounds like a lot", "sounds worrying",
                "must be", "must have been", "i understand", "i can see", "i can imagine", "i can hear",
                "poor thing", "that's hard", "that is hard", "that's tough", "that is tough", "worrying for you",
                "frightening for you", "scary for you", "understandable", "of course you", "you poor",
                "going through", "tough few", "tough time", "hard time", "difficult time", "i hear you",
                "no wonder", "that's awful", "that is awful", "how awful", "how horrible", "oh no",
                "take your time", "doing really well", "you're doing well", "doing so well", "in your own time",
            ]
        ),
        (
            .explanation,
            [
                "we will", "we'll", "i will", "i'll", "we are going to", "we're going to", "i am going to",
                "i'm going to", "let me", "don't worry", "dont worry", "do not worry", "did the right thing",
                "you were right to", "right to message", "right to call", "right to come",
                "right thing", "it is important", "it's important", "the plan is", "the plan", "we need to",
                "you need to", "you should", "i'd like to", "i would like to", "i'd recommend", "i recommend",
                "i advise", "i'd advise", "my advice", "what happens next", "next step", "next steps",
                "sensible question", "good question", "great question", "sensible to ask", "nothing to worry",
                "reassure", "reassuring", "this means", "that means", "please stop", "stop taking",
                "keep taking", "call 999", "ambulance", "we can arrange", "i can arrange", "i've arranged",
                "we've arranged", "i have arranged",
            ]
        ),
        (
            .checkingUnderstanding,
            [
                "does that make sense", "make sense", "makes sense", "do you understand", "did you understand",
                "any questions", "anything you want to ask", "anything you'd like to ask", "is that clear",
                "clear to you", "repeat back", "explain back", "say back", "what we discussed",
                "what i've said", "what i have said", "what i said", "what do you understand",
                "what have you understood", "are you happy with that", "is that ok with you",
                "is that okay with you", "does that sound ok", "does that sound okay", "how does that sound",
                "happy with the plan", "does that sound", "what you'll do if", "what will you do if",
                "what would you do if",
            ]
        ),
        (
            .thanks,
            [
                "thank you", "thanks", "thank u", "cheers", "thx", "really helpful", "really useful",
                "that's helpful", "that's useful", "very helpful", "very useful", "appreciate it",
                "appreciate that", "that helps",
            ]
        ),
    ]

    /// Checks of understanding that cannot also be a question about the case.
    static let pureChecks: [String] = [
        "does that make sense", "make sense", "makes sense", "is that clear", "any questions", "repeat back",
        "explain back", "say back", "does that sound", "how does that sound", "happy with that",
        "happy with the plan", "ok with you", "okay with you", "what we discussed",
    ]

    /// Open invitations that name no topic.
    static let pureOpeners: [String] = [
        "what brings you", "what brought you", "what's brought you", "what has brought you", "how can i help",
        "how can we help", "what can i do for you", "what can we do for you", "what seems to be the problem",
        "what's the problem", "what is the problem", "how are you", "how have you been", "what's going on",
        "what is going on", "in your own words", "start from the beginning", "is there anything else",
    ]

    /// Words that greet only when they open the sentence ("Morning, Derek", not "this morning").
    static let greetingOpeners: Set<String> = ["morning", "afternoon", "evening", "hiya", "welcome", "greetings"]

    static let diagnosisDemands: [String] = [
        "what do you think i have", "what do you think i've got", "what do you think you have",
        "what do you think you've got", "what have i got", "what do i have", "diagnosis", "what's my diagnosis",
        "what's wrong with me", "what is wrong with me", "icd", "icd-10", "answer key",
    ]

    static let openPhrases: [String] = [
        "tell me about", "tell me more", "tell me what", "what brings you", "what brought you", "how can i help",
        "how can we help", "what can i do for you", "what can we do for you", "what's been happening",
        "what has been happening", "what happened", "in your own words", "how are you feeling", "how are you",
        "what's going on", "what is going on", "describe", "start from the beginning", "talk me through",
        "walk me through", "what seems to be", "what's the problem", "what is the problem", "how have you been",
        "what's been going on", "what has been going on", "is there anything else", "anything else you want",
        "anything else you'd like", "what's brought you", "what has brought you", "how's it going",
    ]

    static let unknowablePhrases: [String] = [
        "diagnosis", "diagnose", "diagnosed with", "differential", "what's wrong with you", "what is wrong with you",
        "what do you have", "what have you got", "result", "results", "ecg", "ekg", "troponin", "x-ray",
        "x ray", "xray", "scan show", "ct show", "what did the scan", "blood test show", "bloods show",
        "test show", "tests show", "what did the test", "lab", "labs", "icd", "icd-10", "what condition",
        "which condition", "what disease", "which disease", "the answer", "answer key", "what is the cause",
        "the cause", "what's causing", "what is causing", "what do you think i have", "what do you think is wrong",
        "what would you do", "what should i do", "what treatment", "which treatment", "what should we do",
        "your opinion", "as a doctor", "what would you prescribe", "recommend", "recommendation", "the ai",
        "decision support", "system prompt", "your prompt", "instructions", "ignore", "prompt",
        "examination findings", "exam findings", "what did you find", "what's the verdict", "the verdict",
        "blood pressure reading", "your observations", "your obs", "vital signs", "vitals",
    ]
}
