import Foundation

/// The embedded, offline voice: says the authored answers, in turn, and nothing else.
///
/// Deterministic and free of network: the default voice, the fallback whenever a model
/// fails or is refused, and the reference the guards are tested against. A repeated
/// question gets the next authored variant, so the patient does not sound robotic.
///
/// ```swift
/// let text = ScriptedVoice().text(for: request)
/// ```
public struct ScriptedVoice: PatientVoice {
    public var kind: VoiceKind { .scripted }

    public init() {}

    public func speak(_ request: VoiceRequest) -> AsyncThrowingStream<String, any Error> {
        let chunks = Self.sentences(text(for: request))
        return AsyncThrowingStream { continuation in
            for (i, chunk) in chunks.enumerated() { continuation.yield(i == 0 ? chunk : " " + chunk) }
            continuation.finish()
        }
    }

    /// The whole reply for `request`.
    public func text(for request: VoiceRequest) -> String {
        let phrasing = PersonaPhrasing(scenario: request.scenario)
        let retrieval = request.retrieval
        let previous = request.transcript
        func count(_ intent: Intent) -> Int { previous.filter { $0.intents.first == intent }.count }

        if retrieval.hasFacts {
            var parts: [String] = []
            if retrieval.intents.contains(.greeting) {
                parts.append(phrasing.greeting(previous.filter { $0.intents.contains(.greeting) }.count))
            }
            for id in retrieval.factIDs {
                guard let fact = request.scenario.fact(id) else { continue }
                let options = [fact.answer] + (fact.variants ?? [])
                let told = previous.filter { $0.factIDs.contains(id) }.count
                parts.append(options[told % options.count])
            }
            if retrieval.intents.contains(.unknowable) { parts.append(phrasing.deflection(count(.unknowable))) }
            return parts.joined(separator: " ")
        }
        let n = count(retrieval.intent)
        switch retrieval.intent {
        case .factQuestion: return phrasing.notUnderstood(n)
        case .unknowable: return phrasing.deflection(n)
        case .checkingUnderstanding: return phrasing.understood(n)
        case .empathy: return phrasing.empathy(n)
        case .explanation: return phrasing.acknowledgement(n)
        case .openQuestion: return request.scenario.patient.openingStatement
        case .greeting: return phrasing.greeting(n)
        case .thanks: return phrasing.welcome(n)
        case .unknown: return phrasing.notUnderstood(n)
        }
    }

    /// Every phrase of its own the voice can use for `scenario` (not the authored answers).
    public static func stockPhrases(for scenario: Scenario) -> [String] {
        PersonaPhrasing(scenario: scenario).stockPhrases
    }

    /// `text` cut after each sentence, for streaming.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            current.append(c)
            let atEnd = i + 1 == chars.count || chars[i + 1] == " "
            if ".!?".contains(c), atEnd {
                result.append(current.trimmedSpaces)
                current = ""
            }
        }
        let rest = current.trimmedSpaces
        if !rest.isEmpty { result.append(rest) }
        return result
    }
}
