import Foundation

/// Follow-ups, invitations and clause splitting: how the retriever reads a part of an
/// utterance in the light of what came before it.
extension Retriever {
    /// A question that points back to the last subject: its fact for the asked aspect, or the last fact.
    func followUp(_ analysis: Analysis, context: RetrievalContext) -> FactIndex.Entry? {
        let named = index.entries.first { !$0.subjectStems.isEmpty && $0.subjectStems.isSubset(of: analysis.stems) }
        if let subject = named?.fact.subject ?? context.lastSubject {
            let ofSubject = index.entries.filter { $0.fact.subject == subject }
            if let aspect = analysis.aspect {
                if let exact = ofSubject.first(where: { $0.fact.aspect == aspect }) { return exact }
                // "How long has it been going on?" when the case answers it with the onset.
                if aspect == .duration, let onset = ofSubject.first(where: { $0.fact.aspect == .onset }) {
                    return onset
                }
            }
        }
        guard named == nil, let last = context.lastFactIDs.first else { return nil }
        return index.entries.first { $0.fact.id == last }
    }

    /// Whether `text` says nothing beyond `invitation`, the patient's name and "today".
    func onlyInvites(_ text: String, invitation: String) -> Bool {
        let skip = Set(normalizer.words(invitation)).union(index.nameWords).union(Self.invitationFiller)
        return normalizer.terms(text).allSatisfy { skip.contains($0.word) }
    }

    static let invitationFiller: Set<String> = [
        "today", "tonight", "here", "doing", "feeling", "feel", "now", "morning", "afternoon", "evening", "then",
    ]

    /// Whether one of `entry`'s topics is worded like the question: every word of a topic of
    /// two words or more appears in it, the two say exactly the same, or a phrase topic
    /// ("by when") appears in it word for word.
    func wordedLike(_ analysis: Analysis, _ entry: FactIndex.Entry) -> Bool {
        let topic = entry.topics.contains { topic in
            topic.stems.isSubset(of: analysis.stems)
                && ((topic.allStems.count >= 2 && topic.allStems.isSubset(of: analysis.allStems))
                    || topic.allStems == analysis.allStems)
        }
        return topic || entry.phrases.contains { $0.count >= 2 && Self.contains(analysis.sequence, $0) }
    }

    /// Whether `sequence` contains `phrase` contiguously.
    static func contains(_ sequence: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, sequence.count >= phrase.count else { return false }
        return (0...(sequence.count - phrase.count)).contains { Array(sequence[$0..<($0 + phrase.count)]) == phrase }
    }

    /// The clauses of one part: split at commas, "or", "and", slashes.
    static func clauses(of text: String) -> [String] {
        var pieces = [text.lowercased()]
        for separator in [",", " or ", " and ", "/", "&", " plus ", " as well as ", " nor ", " - "] {
            pieces = pieces.flatMap { piece in
                TextSearch.contains(piece, separator) ? piece.components(separatedBy: separator) : [piece]
            }
        }
        return pieces.filter { $0.contains(where: \.isLetter) }
    }
}
