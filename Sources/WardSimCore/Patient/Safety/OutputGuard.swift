import Foundation

/// Drops everything in a reply that is not the patient speaking, and refuses replies that
/// leak what the patient has not said.
///
/// A model may echo role markers ("Patient:", `<|im_start|>`), act out stage directions
/// ("*sighs*"), announce that it is an AI, or — if injected — name the diagnosis. The
/// guard removes the first two and refuses the rest; the engine then regenerates once
/// and falls back to the scripted voice. It is applied to every reply, scripted ones too.
///
/// ```swift
/// switch OutputGuard(scenario: s).review(reply, disclosure: d) {
/// case .accepted(let clean): …
/// case .refused(let findings): …
/// }
/// ```
public struct OutputGuard: Sendable {
    /// The guard's decision on one reply.
    public enum Verdict: Sendable, Equatable {
        /// The reply, cleaned of markers and stage directions.
        case accepted(String)
        case refused([GuardFinding])
    }

    let scenario: Scenario
    let secrets: SecretText

    public init(scenario: Scenario) {
        self.scenario = scenario
        self.secrets = SecretText(scenario: scenario)
    }

    public func review(_ reply: String, disclosure: Disclosure) -> Verdict {
        let cleaned = clean(reply)
        var findings: [GuardFinding] = []
        let padded = TextNormalizer.padded(cleaned)
        if let marker = Self.selfDisclosures.first(where: { TextSearch.contains(padded, " \($0) ") }) {
            findings.append(GuardFinding(kind: .roleBreak, detail: marker))
        }
        for (term, p) in secrets.keyTerms where TextSearch.contains(padded, p) && !disclosure.contains(padded: p) {
            findings.append(GuardFinding(kind: .keyTerm, detail: term))
        }
        for code in SecretText.icdCodes(in: cleaned) where !disclosure.contains(phrase: code) {
            findings.append(GuardFinding(kind: .keyTerm, detail: code))
        }
        let reply3 = Set(SecretText.shingles(cleaned, size: 3)).subtracting(disclosure.shingles3)
        if let hit = reply3.intersection(secrets.resultShingles).sorted().first {
            findings.append(GuardFinding(kind: .resultText, detail: hit))
        }
        if let hit = reply3.intersection(secrets.recommendationShingles).sorted().first {
            findings.append(GuardFinding(kind: .recommendationText, detail: hit))
        }
        let reply4 = Set(SecretText.shingles(cleaned, size: 4)).subtracting(disclosure.shingles4)
        for (id, shingles) in secrets.factShingles.sorted(by: { $0.key < $1.key }) {
            if let hit = reply4.intersection(shingles).sorted().first {
                findings.append(GuardFinding(kind: .undisclosedFact, detail: "\(id): \(hit)"))
            }
        }
        if !cleaned.contains(where: { $0.isLetter }) { findings.append(GuardFinding(kind: .empty, detail: "")) }
        return findings.isEmpty ? .accepted(cleaned) : .refused(findings)
    }

    /// `reply` without chat-template tokens, speaker labels, stage directions and anything
    /// after a label that starts another speaker's line.
    public func clean(_ reply: String) -> String {
        var text = reply
        if text.contains(where: { "<[#".contains($0) }) {
            for token in Self.templateTokens where TextSearch.contains(text.lowercased(), token.lowercased()) {
                text = text.replacingOccurrences(of: token, with: " ", options: .caseInsensitive)
            }
        }
        text = Self.removeDelimited(text, open: "<|", close: "|>")
        text = Self.stripLeadingRoleWord(text)
        text = Self.cutAtOtherSpeaker(text, patientLabels: patientLabels)
        text = Self.stripLeadingLabel(text, labels: patientLabels)
        text = Self.removeDelimited(text, open: "*", close: "*")
        text = Self.removeDelimited(text, open: "(", close: ")")
        text = Self.removeDelimited(text, open: "[", close: "]")
        text = text.replacingOccurrences(of: "\"", with: "")
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.trimmed(where: { " -:".contains($0) })
    }

    private var patientLabels: [String] {
        let p = scenario.patient
        var labels = ["patient", "me", "response", "answer", "reply", "caregiver", "parent", "mother", "father"]
        labels += p.name.split(separator: " ").map { $0.lowercased() } + [p.name.lowercased()]
        if let name = p.speaker.name {
            labels += [name.lowercased()] + name.split(separator: " ").map { $0.lowercased() }
        }
        return labels
    }

    static let templateTokens = [
        "<|im_start|>", "<|im_end|>", "<|assistant|>", "<|user|>", "<|system|>", "<|endoftext|>", "<|eot_id|>",
        "<s>", "</s>", "[INST]", "[/INST]", "<<SYS>>", "<</SYS>>", "###",
    ]

    /// Labels that start someone else's line: the model writing the clinician's part.
    static let otherSpeakers: Set<String> = [
        "doctor", "dr", "clinician", "nurse", "user", "assistant", "system", "human", "ai", "trainee", "gp",
        "paramedic", "question", "instruction", "instructions", "narrator", "examiner",
    ]

    /// Phrases by which a model gives away that it is not the patient.
    static let selfDisclosures = [
        "as an ai", "an ai language model", "language model", "i am an ai", "i m an ai", "ai assistant",
        "as a chatbot", "i am a chatbot", "openai", "i cannot role play", "i can t role play", "not a real patient",
        "simulated patient", "this is a simulation", "system prompt", "my instructions", "i was instructed",
        "i ve been instructed", "i have been instructed", "my programming", "as a virtual", "i am a virtual",
        "role play", "roleplay",
    ]

    private static func removeDelimited(_ text: String, open: String, close: String) -> String {
        var result = text
        guard TextSearch.contains(result, open) else { return result }
        while let start = result.range(of: open),
            let end = result.range(of: close, range: start.upperBound..<result.endIndex)
        {
            result.replaceSubrange(start.lowerBound..<end.upperBound, with: " ")
        }
        return result
    }

    /// "assistant" left at the start of a line by a chat template ("<|im_start|>assistant\n…").
    private static func stripLeadingRoleWord(_ text: String) -> String {
        var t = text.trimmedWhitespace
        for role in ["assistant", "user", "system", "model"] where t.lowercased().hasPrefix(role) {
            let rest = t.dropFirst(role.count)
            if rest.first.map({ $0.isNewline || $0 == ":" || $0 == " " }) ?? true {
                t = String(rest).trimmedWhitespace
            }
        }
        return t
    }

    private static func stripLeadingLabel(_ text: String, labels: [String]) -> String {
        var t = text.trimmedWhitespace
        while let colon = t.firstIndex(of: ":"), t.distance(from: t.startIndex, to: colon) <= 30 {
            let label = t[..<colon].trimmedSpaces.lowercased()
            guard labels.contains(label) || label.hasPrefix("patient") else { break }
            t = String(t[t.index(after: colon)...]).trimmedSpaces
        }
        return t
    }

    /// Cuts `text` where a line or sentence starts with another speaker's label ("Doctor:").
    private static func cutAtOtherSpeaker(_ text: String, patientLabels: [String]) -> String {
        var wordStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == ":" {
                let label = text[wordStart..<index].lowercased()
                if otherSpeakers.contains(label) { return String(text[..<wordStart]) }
            }
            if !(c.isLetter) { wordStart = text.index(after: index) }
            index = text.index(after: index)
        }
        return text
    }
}
