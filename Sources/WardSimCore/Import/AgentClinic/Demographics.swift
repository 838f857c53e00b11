/// Age, sex and life stage read from AgentClinic's one-line demographics
/// ("35-year-old female", "8-month-old boy", "Newborn, born at 33 weeks of gestation",
/// "1100-g (2-lb 7-oz) newborn, 31 weeks' gestation"), with the history's pronouns as a
/// fallback for sex.
struct Demographics {
    var years: Int
    /// Completed months, for children under three.
    var months: Int?
    var sex: Patient.Sex
    /// Whether the sex came from pronouns in the history rather than the demographics.
    var sexInferred: Bool
    var isNewborn: Bool

    init(_ text: String, history: String) {
        let lower = text.lowercased()
        let words = Set(lower.split { !$0.isLetter }.map(String.init))
        isNewborn = words.contains("newborn") || words.contains("neonate")
        var years = 0
        var months: Int?
        if let (number, unit) = Self.age(in: lower) {
            switch unit {
            case "year": years = number
            case "month": months = number
            default: months = 0  // days or weeks old
            }
        } else if isNewborn {
            months = 0
        }
        if let total = months {
            years = total / 12
            months = years < 3 ? total : nil
        }
        self.years = years
        self.months = months
        if !words.isDisjoint(with: ["female", "woman", "girl", "daughter", "gravida", "mother"]) {
            sex = .female
            sexInferred = false
        } else if !words.isDisjoint(with: ["male", "man", "boy", "son"]) {
            sex = .male
            sexInferred = false
        } else {
            sex = Self.pronounSex(history) ?? .female
            sexInferred = true
        }
    }

    /// Years of age as a number a title can use ("35-year-old").
    var isChild: Bool { years < 18 }

    /// "a 35-year-old woman", "an 8-month-old boy", "a newborn girl".
    var phrase: String {
        let noun: String
        switch (sex, isChild) {
        case (.female, false): noun = "woman"
        case (.male, false): noun = "man"
        case (.female, true): noun = "girl"
        case (.male, true): noun = "boy"
        case (.intersex, _): noun = isChild ? "child" : "person"
        }
        let age: String
        if months == 0 {
            age = "newborn"
        } else if let months, years < 2 {
            age = "\(months)-month-old"
        } else {
            age = "\(years)-year-old"
        }
        let article = age.hasPrefix("8") || age.hasPrefix("11-") || age.hasPrefix("18-") ? "an" : "a"
        return "\(article) \(age) \(noun)"
    }

    /// The first "N-year-old", "N-month-old", "N-week-old" or "N-day-old" in `text`.
    private static func age(in text: String) -> (Int, String)? {
        let tokens = text.split { $0.isWhitespace || $0 == "," }
        for token in tokens {
            let parts = token.split(separator: "-")
            guard parts.count >= 3, parts.last == "old", let number = Int(parts[0]) else { continue }
            let unit = parts[1].hasSuffix("s") ? String(parts[1].dropLast()) : String(parts[1])
            if ["year", "month", "week", "day"].contains(unit) { return (number, unit) }
        }
        return nil
    }

    /// The sex the history's pronouns point to, when they agree.
    private static func pronounSex(_ history: String) -> Patient.Sex? {
        let words = history.lowercased().split { !$0.isLetter }
        let female = words.filter { $0 == "she" || $0 == "her" || $0 == "hers" || $0 == "herself" }.count
        let male = words.filter { $0 == "he" || $0 == "his" || $0 == "him" || $0 == "himself" }.count
        if female > male { return .female }
        if male > female { return .male }
        return nil
    }
}
