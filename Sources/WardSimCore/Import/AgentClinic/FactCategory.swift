import Foundation

/// What a sentence of the case notes is about, for grouping facts and giving them the
/// questions a trainee would ask ("do you smoke?", "any family history?").
enum FactCategory: String, CaseIterable {
    case medications, allergies, family, birth, immunisations, menstrual
    case smoking, alcohol, drugs, occupation, home, travel, sexual

    /// Social-history categories, which may share one source sentence.
    var isSocial: Bool { [.smoking, .alcohol, .drugs, .occupation, .home, .travel, .sexual].contains(self) }

    var factID: String {
        switch self {
        case .medications: "medications"
        case .allergies: "allergies"
        case .family: "family-history"
        case .birth: "birth-history"
        case .immunisations: "immunisations"
        case .menstrual: "menstrual-history"
        case .smoking: "smoking"
        case .alcohol: "alcohol"
        case .drugs: "recreational-drugs"
        case .occupation: "occupation"
        case .home: "home-life"
        case .travel: "travel"
        case .sexual: "sexual-history"
        }
    }

    var subject: String {
        switch self {
        case .medications: "medications"
        case .allergies: "allergies"
        case .family: "family history"
        case .birth: "pregnancy and birth"
        case .immunisations: "immunisations"
        case .menstrual: "periods"
        case .smoking: "smoking"
        case .alcohol: "alcohol"
        case .drugs: "recreational drugs"
        case .occupation: "work"
        case .home: "home"
        case .travel: "travel"
        case .sexual: "sexual history"
        }
    }

    var questions: [String] {
        switch self {
        case .medications: ["medications", "meds", "medicines", "tablets", "what do you take", "prescriptions", "DHx"]
        case .allergies: ["allergies", "allergic", "NKDA", "drug allergies"]
        case .family: ["family history", "FHx", "run in the family", "relatives", "anyone in the family"]
        case .birth: ["pregnancy", "birth", "delivery", "born", "birth history", "antenatal", "obstetric history"]
        case .immunisations: ["vaccinations", "immunisations", "jabs", "vaccines up to date"]
        case .menstrual: ["periods", "menstrual history", "LMP", "last period"]
        case .smoking: ["smoke", "smoking", "cigarettes", "tobacco"]
        case .alcohol: ["alcohol", "drink", "drinking", "units"]
        case .drugs: ["recreational drugs", "illicit drugs", "street drugs", "cannabis"]
        case .occupation: ["work", "job", "occupation", "what do you do", "school"]
        case .home: ["who do you live with", "home", "live with", "married", "partner"]
        case .travel: ["travel", "been abroad", "recent travel", "trips"]
        case .sexual: ["sexual history", "sexually active", "partners", "sex"]
        }
    }

    private var cues: [String] {
        switch self {
        case .medications:
            [
                "medication", "medicine", "taking", "takes ", "prescribed", "inhaler", "tablets", "pills",
                "drug history", "treated with",
            ]
        case .allergies: ["allerg"]
        case .family: ["family history", "runs in the family", "runs in his family", "runs in her family"]
        case .birth:
            [
                "born", "birth", "delivery", "delivered", "gestation", "prenatal", "antenatal", "pregnancy", "apgar",
                "gravida",
            ]
        case .immunisations: ["immuniz", "immunis", "vaccin"]
        case .menstrual: ["menstrua", "menarche", "periods", "lmp"]
        case .smoking: ["smok", "cigarette", "tobacco", "vape", "pack-year", "pack year"]
        case .alcohol: ["alcohol", "drink", "wine", "beer", "ethanol", "spirits"]
        case .drugs:
            [
                "illicit", "recreational", "cocaine", "heroin", "marijuana", "cannabis", "intravenous drug",
                "substance", "methamphetamine",
            ]
        case .occupation:
            [
                "works ", "works as", "work as", "employed", "job", "occupation", "student", "retired", "teacher",
                "unemployed", "career", "school",
            ]
        case .home:
            [
                "lives ", "living with", "married", "wife", "husband", "partner", "divorced", "widow", "prison",
                "incarcerat", "homeless", "shelter",
            ]
        case .travel: ["travel", "trip", "visited", "camping", "abroad", "conference", "vacation", "holiday"]
        case .sexual: ["sexual", "sexually", "condom", "intercourse"]
        }
    }

    private static let relatives = [
        "mother", "father", "brother", "sister", "uncle", "aunt", "grandfather", "grandmother", "cousin", "sibling",
        "parent",
    ]
    private static let illness = [
        "had ", "has a ", "history of", "diagnosed", "died", "underwent", "suffer", "similar", "condition", "disease",
    ]

    /// Whether `relative` appears as family ("his brother", "an uncle") rather than as the
    /// informant ("the mother reports", "the patient's mother").
    private static func isFamily(_ relative: String, in text: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: relative, range: searchStart..<text.endIndex) {
            searchStart = range.upperBound
            let before = text[..<range.lowerBound]
            let after = text[range.upperBound...]
            let informant =
                before.hasSuffix("the ") || before.hasSuffix("patient's ") || before.hasSuffix("patient’s ")
                || [" report", " note", " state", " mention", " is concerned", " says"].contains { after.hasPrefix($0) }
            if !informant { return true }
        }
        return false
    }

    /// The categories `sentence` mentions, in declaration order. A relative counts as
    /// family history only with an illness ("his brother had…", not "his brother saw…").
    static func of(_ sentence: String) -> [FactCategory] {
        let lower = " " + sentence.lowercased() + " "
        return allCases.filter { category in
            if category == .family, illness.contains(where: lower.contains),
                relatives.contains(where: { isFamily($0, in: lower) })
            {
                return true
            }
            return category.cues.contains { lower.contains($0) }
        }
    }
}
