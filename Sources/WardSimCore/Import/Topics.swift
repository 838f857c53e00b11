/// The phrasings a fact answers: keywords taken from the source sentence, the lay words
/// and clinicians' abbreviations for them, and the generic questions of its section
/// ("PMH", "any other symptoms?", "do you smoke?").
///
/// Retrieval matches a trainee's question against these, so they favour the words a
/// trainee would actually type over the words in the case notes.
enum Topics {
    /// At most this many topics per fact: enough for synonyms, few enough to stay specific.
    static let limit = 20

    /// Keyword phrases from `text`: runs of content words between stop words and
    /// punctuation (at most three words), each run's last word on its own when it is a
    /// real word, and the contents of parentheses ("diplopia").
    static func keywords(in text: String) -> [String] {
        var phrases: [String] = []
        var run: [String] = []
        func flush() {
            defer { run.removeAll() }
            guard !run.isEmpty else { return }
            let phrase = run.suffix(3).joined(separator: " ")
            phrases.append(phrase)
            if run.count > 1, let last = run.last, last.count >= 4, !genericWords.contains(last) {
                phrases.append(last)
            }
        }
        var word = ""
        for character in text.lowercased().replacingApostrophes + " " {
            if character.isLetter || character.isNumber || ((character == "-" || character == "'") && !word.isEmpty) {
                word.append(character)
                continue
            }
            let trimmed = word.hasSuffix("'s") ? String(word.dropLast(2)) : word
            word = ""
            if !trimmed.isEmpty {
                if stopWords.contains(trimmed) || genericWords.contains(trimmed) || trimmed.first!.isNumber
                    || trimmed.count < 3
                {
                    flush()
                } else {
                    run.append(trimmed)
                }
            }
            if !character.isWhitespace { flush() }
        }
        flush()
        return unique(phrases)
    }

    /// Lay words and abbreviations for the clinical terms in `text`.
    static func synonyms(for text: String) -> [String] {
        let lower = " " + text.lowercased() + " "
        return unique(laySynonyms.filter { lower.contains($0.key) }.sorted { $0.key < $1.key }.flatMap(\.value))
    }

    /// `candidates` without repeats (ignoring case), in order, limited to `limit`.
    static func unique(_ candidates: [String], limit: Int = .max) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for candidate in candidates {
            let text = candidate.trimmingWhitespace
            guard !text.isEmpty, seen.insert(text.lowercased()).inserted else { continue }
            result.append(text)
            if result.count == limit { break }
        }
        return result
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "without", "from", "by",
        "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "it", "its", "this",
        "that", "these", "those", "there", "their", "they", "them", "he", "she", "his", "her", "him", "i", "my", "me",
        "we", "our", "you", "your", "which", "who", "whom", "what", "when", "where", "while", "after", "before",
        "during", "over", "under", "into", "about", "than", "then", "also", "any", "all", "some", "no", "not", "nor",
        "very", "more", "most", "such", "can", "could", "would", "should", "will", "may", "might", "does", "did", "do",
        "since", "until", "up", "down", "out", "off", "so", "if", "because", "both", "each", "other", "same", "just",
        "only", "per", "via", "upon", "within", "including", "includes", "include", "like", "around", "approximately",
        "despite", "although", "though", "however", "once", "already", "ve", "i've", "i'm", "haven't", "hasn't",
        "isn't", "don't", "doesn't", "didn't", "there's", "it's",
    ]

    /// Words of case-note narration that say nothing a trainee would ask about.
    static let genericWords: Set<String> = [
        "patient", "patients", "reports", "reported", "notes", "noted", "mentions", "mentioned", "states", "stated",
        "denies", "denied", "presents", "presented", "history", "experiencing", "experienced", "significant",
        "recent", "recently", "currently", "current", "past", "ago", "days", "weeks", "months", "years", "day",
        "week", "month", "year", "hours", "hour", "minutes", "time", "times", "several", "few", "many", "much",
        "well", "known", "unknown", "otherwise", "further", "additionally", "information", "provided", "specified",
        "available", "noticed", "found", "describes", "described", "brought", "including", "reports", "began",
        "started", "episode", "episodes", "symptoms", "symptom", "complaints", "complaint", "associated",
        "accompanied", "following", "followed", "prior", "previous", "previously", "occasionally", "often",
        "usually", "sometimes", "remarkable", "unremarkable", "normal", "mother", "father", "parents", "infant",
        "newborn", "child", "baby", "said", "says", "feels", "felt", "feel", "get", "gets", "got", "made", "make",
        "like", "seen", "see", "shows", "show", "appears", "appear", "evaluation", "evaluated", "assessment",
        "concerned", "concern", "concerns", "regarding", "related", "since", "cites", "believes", "think",
        "tend", "tends", "significantly", "slightly", "markedly", "somewhat", "increasingly", "progressively",
        "persisting", "ongoing", "trying", "attempted", "including", "respectively", "approximately",
    ]

    /// Clinical terms → what a trainee might type instead.
    static let laySynonyms: [String: [String]] = [
        "shortness of breath": ["SOB", "breathless", "short of breath"],
        "dyspnea": ["breathless", "short of breath", "SOB"], "dyspnoea": ["breathless", "short of breath", "SOB"],
        "breathlessness": ["short of breath", "SOB"], "chest pain": ["CP", "pain in the chest"],
        "fever": ["temperature", "feverish", "hot"], "nausea": ["feel sick", "nauseous"],
        "vomiting": ["being sick", "throwing up", "vomit"], "diarrhea": ["diarrhoea", "loose stools", "runny poo"],
        "diarrhoea": ["loose stools", "runny poo"], "constipation": ["bowels", "constipated"],
        "hematuria": ["blood in urine", "blood in your pee"], "blood in his urine": ["haematuria", "blood in urine"],
        "blood in her urine": ["haematuria", "blood in urine"],
        "dysuria": ["pain passing urine", "burning when peeing"],
        "headache": ["head hurts", "head pain"], "palpitations": ["heart racing", "pounding heart", "fluttering"],
        "syncope": ["faint", "passed out", "blackout"],
        "loss of consciousness": ["faint", "passed out", "blackout", "LOC"],
        "seizure": ["fit", "convulsion", "seizures"], "rash": ["spots", "skin rash"], "itch": ["itchy", "scratching"],
        "pruritus": ["itchy", "itching"], "weight loss": ["losing weight", "lost weight"],
        "fatigue": ["tired", "tiredness", "energy"], "lethargy": ["sleepy", "drowsy", "floppy"],
        "cough": ["coughing"], "diplopia": ["double vision", "seeing double"],
        "double vision": ["seeing double", "eyesight"],
        "abdominal pain": ["tummy pain", "stomach ache", "belly pain"],
        "abdominal distension": ["swollen tummy", "bloated"],
        "distended": ["swollen tummy", "bloated"], "jaundice": ["yellow skin", "yellow eyes"],
        "night sweats": ["sweating at night", "sweats"], "appetite": ["eating", "hungry"], "weakness": ["weak"],
        "dizziness": ["dizzy", "giddy", "lightheaded"], "vertigo": ["dizzy", "room spinning", "spinning"],
        "rectal bleeding": ["blood in stool", "bleeding from the bottom", "PR bleed"],
        "hematochezia": ["blood in stool"],
        "urination": ["peeing", "waterworks", "passing urine"], "urinary": ["waterworks", "peeing"],
        "bruising": ["bruises", "bruise easily"], "swelling": ["swollen", "lump"],
        "feeding": ["feeds", "eating", "milk"],
        "sore throat": ["throat"], "joint pain": ["joints", "aching joints"], "back pain": ["backache", "back"],
        "vision": ["eyesight", "seeing"], "hearing": ["ears", "hearing loss"], "memory": ["forgetful", "forgetting"],
        "anxiety": ["worried", "anxious", "nervous"], "depression": ["low mood", "depressed"], "mood": ["feeling low"],
        "sleep": ["sleeping", "insomnia"], "bleeding": ["blood", "bleed"], "stool": ["poo", "bowel movements"],
        "bowel": ["poo", "bowels"], "menstrua": ["periods", "LMP"], "period": ["menstruation", "LMP"],
        "pregnan": ["pregnant", "pregnancy"], "gestation": ["pregnancy", "born early", "weeks"],
        "contraception": ["the pill", "contraceptive"], "contraceptive": ["the pill", "contraception"],
        "vaginal": ["down below"], "sexual": ["sex", "intercourse"], "tremor": ["shaking", "shaky"],
        "numbness": ["numb", "pins and needles"], "tingling": ["pins and needles"],
        "confusion": ["confused", "muddled"],
        "wheez": ["wheezy", "whistling"], "sputum": ["phlegm", "spit"], "hemoptysis": ["coughing up blood"],
        "urinary tract infection": ["UTI", "water infection"], "immuniz": ["vaccines", "jabs", "immunisations"],
        "vaccin": ["jabs", "immunisations"], "alcohol": ["drink", "drinking"], "smok": ["smoking", "cigarettes"],
        "hypertension": ["high blood pressure", "HTN", "BP"], "diabetes": ["sugar", "DM"],
    ]
}
