/// Which SOCRATES aspect a question asks about, from its wording alone.
///
/// Used to resolve follow-ups that name no subject: "and how long has that been going
/// on?" asks for `duration` of whatever was last discussed.
enum AspectCues {
    static func aspect(padded: String, stems: Set<String>) -> Fact.Aspect? {
        func has(_ phrases: [String]) -> Bool { phrases.contains { TextSearch.contains(padded, " \($0) ") } }
        if stems.contains("durat") || has(["how long", "since when", "lasted", "going on for", "how many days"]) {
            return .duration
        }
        if stems.contains("sever") || has(["how bad", "out of ten", "out of 10", "scale", "score", "worst"]) {
            return .severity
        }
        if has(["where"]) { return .location }
        if has(["spread", "radiate", "go anywhere", "move anywhere", "travel"]) { return .radiation }
        if has(["better", "help", "helped", "relieve", "ease", "eased", "tried", "take anything", "taken anything"]) {
            return .relieving
        }
        if has(["worse", "aggravate", "trigger", "triggers", "brings it on", "bring it on"]) { return .aggravating }
        if has(["feel like", "describe", "what kind", "what type", "what sort", "what's it like", "what is it like"]) {
            return .character
        }
        if has(["when", "start", "started", "begin", "began", "come on", "came on", "first notice", "onset"]) {
            return .onset
        }
        if has(["before", "how often", "come and go", "comes and goes", "pattern", "previous", "again"]) {
            return .timing
        }
        if has(["anything else", "other symptoms", "along with", "at the same time"]) { return .associated }
        return nil
    }

    /// Words that point back to the last subject ("it", "that") or continue the last question ("and …").
    static func isAnaphoric(padded: String) -> Bool {
        let pointers = [" it ", " that ", " this ", " they ", " them ", " those ", " these ", " the same "]
        if pointers.contains(where: { TextSearch.contains(padded, $0) }) { return true }
        return padded.hasPrefix(" and ") || padded.hasPrefix(" what about ") || padded.hasPrefix(" how about ")
    }
}
