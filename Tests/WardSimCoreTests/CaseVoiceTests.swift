import Testing

@testable import WardSimCore

@Suite("Case voice") struct CaseVoiceTests {
    let patient = CaseVoice(speaker: .patient)
    let mother = CaseVoice(speaker: .caregiver(relationship: "mother", childName: "Leo", childSex: .male))

    @Test func thePatientSpeaksInTheFirstPerson() {
        let cases: [(String, String)] = [
            (
                "The patient reports a 2-week history of fever and cough.",
                "For the past 2 weeks I've had fever and cough."
            ),
            ("She notes that these symptoms worsen after exercise.", "These symptoms worsen after exercise."),
            ("He denies any chest pain.", "I haven't had any chest pain."),
            ("Denies fever, nausea, or vomiting.", "I haven't had fever, nausea, or vomiting."),
            (
                "The patient presents with knee pain that started yesterday.",
                "I've come in with knee pain that started yesterday."
            ),
            ("His wife found him unconscious on the floor.", "My wife found me unconscious on the floor."),
            ("Works as a high school teacher.", "I work as a high school teacher."),
            ("Non-smoker.", "I don't smoke."),
            ("No significant past medical history.", "I've not had any significant health problems."),
            ("No history of urinary incontinence.", "I've never had urinary incontinence."),
            (
                "The patient has been taking her tablets and is feeling better.",
                "I have been taking my tablets and am feeling better."
            ),
            ("He reports having a fever and poor appetite.", "I've been having a fever and poor appetite."),
            ("She describes the pain as sharp.", "I'd describe the pain as sharp."),
        ]
        for (source, expected) in cases { #expect(patient.say(source) == expected, "\(source)") }
    }

    @Test func aParentSpeaksOfTheChildByName() {
        let cases: [(String, String)] = [
            (
                "The mother reports that the infant has had bilious vomiting since birth.",
                "Leo has had bilious vomiting since birth."
            ),
            ("The patient has been very fussy.", "Leo has been very fussy."),
            (
                "Despite this, she believes the child is gaining weight.",
                "Despite this, I believe Leo is gaining weight."
            ),
            ("No additional symptoms noted by the mother.", "No additional symptoms noted by me."),
            ("Lives with parents and one sibling.", "Leo lives with parents and one sibling."),
            ("Newborn, no past medical history.", "Leo hasn't had any significant health problems."),
            ("He denies any headache.", "He hasn't had any headache."),
        ]
        for (source, expected) in cases { #expect(mother.say(source) == expected, "\(source)") }
    }
}
