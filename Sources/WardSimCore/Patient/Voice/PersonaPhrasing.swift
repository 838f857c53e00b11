import Foundation

/// Stock replies in the persona's register, and persona worries turned into first-person speech.
///
/// The scripted voice says nothing clinical that is not authored: its only own words are
/// these short, content-free phrases, and the persona's worries (which the author wrote).
/// A caregiver speaks of the patient in the third person ("that's why I brought him in").
struct PersonaPhrasing: Sendable {
    let patient: Patient
    let isPortal: Bool

    init(scenario: Scenario) {
        self.patient = scenario.patient
        let setting = scenario.setting.lowercased()
        self.isPortal = setting.contains("portal") || setting.contains("message") || setting.contains("online")
    }

    var isCaregiver: Bool { patient.speaker.role == .caregiver }

    /// "him", "her" or "them" for the patient, as a caregiver refers to them.
    var patientObject: String {
        switch patient.sex {
        case .male: "him"
        case .female: "her"
        case .intersex: "them"
        }
    }

    func greeting(_ n: Int) -> String {
        pick(isPortal ? ["Hello, thank you for replying.", "Hello again."] : ["Hello.", "Hello again."], n)
    }

    func deflection(_ n: Int) -> String {
        if isPortal { return pick(["I don't know, that's why I'm asking you.", "I really don't know, sorry."], n) }
        if isCaregiver {
            return pick(["I don't know, that's why I brought \(patientObject) in.", "I really don't know, sorry."], n)
        }
        return pick(["I don't know, that's why I'm here.", "I really don't know, sorry."], n)
    }

    func notUnderstood(_ n: Int) -> String {
        pick(["Sorry, I'm not sure what you mean.", "Sorry, I don't follow.", "I'm not sure I understand, sorry."], n)
    }

    func acknowledgement(_ n: Int) -> String {
        patient.persona.healthLiteracy == .low
            ? pick(["Okay.", "Okay, thank you."], n) : pick(["Okay, thank you.", "Right, I see.", "Okay."], n)
    }

    func understood(_ n: Int) -> String { pick(["Yes, I think so.", "Yes, that makes sense."], n) }

    func welcome(_ n: Int) -> String { pick(["That's okay.", "No problem."], n) }

    func empathy(_ n: Int) -> String {
        let worries = patient.persona.worries
        guard !worries.isEmpty else { return pick(["Thank you, that's kind.", "Thank you."], n) }
        return "Thank you. What worries me most is \(firstPerson(worries[n % worries.count]))."
    }

    /// Every stock phrase the voice can say: allowed text for the output guard.
    var stockPhrases: [String] {
        (0..<3).flatMap { n in
            [greeting(n), deflection(n), notUnderstood(n), acknowledgement(n), understood(n), welcome(n)]
        } + ["Thank you, that's kind.", "Thank you.", "Thank you. What worries me most is"]
    }

    private func pick(_ options: [String], _ n: Int) -> String { options[n % options.count] }

    /// An author's worry ("That he is making a fuss over indigestion") as the speaker
    /// would say it ("that I am making a fuss over indigestion").
    func firstPerson(_ worry: String) -> String {
        var words = worry.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return worry }
        if words[0].lowercased() != "i" { words[0] = words[0].lowercased() }
        if let last = words.last, last.hasSuffix(".") { words[words.count - 1] = String(last.dropLast()) }
        guard let own = speakerPronouns else { return words.joined(separator: " ") }
        var out: [String] = []
        var i = 0
        while i < words.count {
            let (core, trailing) = Self.splitPunctuation(words[i])
            let lower = core.lowercased()
            let next = i + 1 < words.count ? Self.splitPunctuation(words[i + 1]).0.lowercased() : ""
            if lower == own.subject {
                out.append("I" + trailing)
                if trailing.isEmpty, i + 1 < words.count, let verb = Self.firstPersonVerb(next) {
                    out.append(verb + Self.splitPunctuation(words[i + 1]).1)
                    i += 2
                    continue
                }
            } else if lower == own.subject + "'s" {
                out.append("I'm" + trailing)
            } else if lower == own.possessive && lower == own.object {
                // "her": possessive before a noun, object otherwise.
                let isObject = next.isEmpty || !trailing.isEmpty || Self.objectFollowers.contains(next)
                out.append((isObject ? "me" : "my") + trailing)
            } else if lower == own.possessive {
                out.append("my" + trailing)
            } else if lower == own.object {
                out.append("me" + trailing)
            } else if lower == own.subject + "self" || lower == "himself" && own.subject == "he"
                || lower == "herself" && own.subject == "she"
            {
                out.append("myself" + trailing)
            } else {
                out.append(words[i])
            }
            i += 1
        }
        return out.joined(separator: " ")
    }

    /// The pronouns the author used for whoever speaks, when they cannot be confused with
    /// the patient's (a mother speaking of her daughter: both "she"; then nothing is changed).
    private var speakerPronouns: (subject: String, object: String, possessive: String)? {
        func pronouns(for sex: Patient.Sex) -> (String, String, String) {
            switch sex {
            case .male: ("he", "him", "his")
            case .female: ("she", "her", "her")
            case .intersex: ("they", "them", "their")
            }
        }
        guard isCaregiver else { return pronouns(for: patient.sex) }
        let relationship = (patient.speaker.relationship ?? "").lowercased()
        let speakerSex: Patient.Sex?
        if ["mother", "mum", "mom", "wife", "daughter", "sister", "grandmother", "aunt"].contains(where: {
            relationship.contains($0)
        }) {
            speakerSex = .female
        } else if ["father", "dad", "husband", "son", "brother", "grandfather", "uncle"].contains(where: {
            relationship.contains($0)
        }) {
            speakerSex = .male
        } else {
            speakerSex = nil
        }
        guard let speakerSex, speakerSex != patient.sex else { return nil }
        return pronouns(for: speakerSex)
    }

    private static let objectFollowers: Set<String> = [
        "to", "for", "with", "about", "in", "on", "at", "and", "or", "if", "when", "that", "up", "down", "out", "off",
        "again", "too", "before", "after", "from",
    ]

    /// "is" → "am", "has" → "have", "stops" → "stop" after "I".
    private static func firstPersonVerb(_ verb: String) -> String? {
        switch verb {
        case "is": return "am"
        case "was": return "was"
        case "has": return "have"
        case "does": return "do"
        case "are": return "am"
        case "were": return "was"
        case "will", "would", "can", "could", "might", "may", "should", "must", "did", "had": return verb
        default:
            guard verb.count > 3, verb.hasSuffix("s"), !verb.hasSuffix("ss") else { return nil }
            if verb.hasSuffix("ies") { return String(verb.dropLast(3)) + "y" }
            if verb.hasSuffix("ches") || verb.hasSuffix("shes") || verb.hasSuffix("xes") {
                return String(verb.dropLast(2))
            }
            return String(verb.dropLast())
        }
    }

    private static func splitPunctuation(_ word: String) -> (String, String) {
        var core = word
        var trailing = ""
        while let last = core.last, last.isPunctuation, last != "'" {
            trailing = String(last) + trailing
            core.removeLast()
        }
        return (core, trailing)
    }
}
