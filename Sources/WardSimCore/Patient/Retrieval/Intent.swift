/// What a trainee's utterance (or one part of it) is doing.
///
/// Recorded with every reply: the grader scores communication from these (did the
/// trainee greet, ask an open question, show empathy, check understanding) and the voice
/// picks a fitting reply for utterances that ask for no fact.
public enum Intent: String, Codable, Sendable, CaseIterable {
    /// Asks for something the patient knows (one or more facts were retrieved).
    case factQuestion = "fact-question"
    /// An open invitation to talk ("Tell me what happened", "What brings you in?").
    case openQuestion = "open-question"
    case greeting
    /// Acknowledges the patient's feelings ("That sounds frightening").
    case empathy
    /// Explains, reassures or says what happens next.
    case explanation
    /// Checks the patient has understood ("Does that make sense?").
    case checkingUnderstanding = "checking-understanding"
    /// Thanks the patient or acknowledges an answer.
    case thanks
    /// Asks for what the patient cannot know: results, the diagnosis, the clinician's own job.
    case unknowable
    /// None of the above: the patient deflects in character.
    case unknown
}
