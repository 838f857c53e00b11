/// Words that carry clinical content, by kind: what a model reply must not add on its own.
///
/// Lists rather than a model: a reply is refused if it uses one of these and the
/// disclosed facts and persona do not. Drug names are also caught by their stems
/// (-pril, -olol, -statin, …) so an unlisted drug cannot slip through.
enum ClinicalLexicon {
    /// Common drug names (generic and a few UK brands), lowercase.
    static let drugs: Set<String> = [
        "paracetamol", "acetaminophen", "ibuprofen", "naproxen", "diclofenac", "aspirin", "codeine", "morphine",
        "tramadol", "oxycodone", "fentanyl", "nurofen", "panadol", "calpol", "gaviscon", "omeprazole",
        "lansoprazole", "ranitidine", "metformin", "gliclazide", "insulin", "sitagliptin", "empagliflozin",
        "dapagliflozin", "pioglitazone", "warfarin", "heparin", "apixaban", "rivaroxaban", "edoxaban",
        "dabigatran", "clopidogrel", "ticagrelor", "amlodipine", "nifedipine", "ramipril", "lisinopril",
        "enalapril", "perindopril", "losartan", "candesartan", "bisoprolol", "atenolol", "propranolol",
        "metoprolol", "furosemide", "bumetanide", "bendroflumethiazide", "indapamide", "spironolactone",
        "digoxin", "amiodarone", "atorvastatin", "simvastatin", "rosuvastatin", "pravastatin", "levothyroxine",
        "prednisolone", "prednisone", "hydrocortisone", "dexamethasone", "salbutamol", "ventolin", "seretide",
        "symbicort", "tiotropium", "beclometasone", "budesonide", "montelukast", "amoxicillin", "penicillin",
        "flucloxacillin", "co-amoxiclav", "augmentin", "clarithromycin", "erythromycin", "azithromycin",
        "doxycycline", "trimethoprim", "nitrofurantoin", "ciprofloxacin", "levofloxacin", "metronidazole",
        "cefalexin", "ceftriaxone", "gentamicin", "vancomycin", "co-trimoxazole", "cetirizine", "loratadine",
        "chlorphenamine", "piriton", "fexofenadine", "adrenaline", "epinephrine", "epipen", "sertraline",
        "fluoxetine", "citalopram", "mirtazapine", "amitriptyline", "diazepam", "lorazepam", "zopiclone",
        "gabapentin", "pregabalin", "sumatriptan", "ondansetron", "metoclopramide", "cyclizine",
        "domperidone", "loperamide", "lactulose", "senna", "laxative", "antibiotic", "antibiotics", "steroid",
        "steroids", "statin", "statins", "antihistamine", "antihistamines", "inhaler", "antacid", "nitrate",
        "gtn", "glyceryl", "thrombolysis", "alteplase", "tenecteplase", "methotrexate", "allopurinol",
        "colchicine", "lithium", "sodium valproate", "valproate", "levetiracetam", "phenytoin", "carbamazepine",
        "lamotrigine", "vitamin", "folic", "iron", "ferrous", "calcium", "magnesium", "potassium", "oxygen",
    ]

    /// Drug-name endings that identify a drug class.
    static let drugSuffixes: [String] = [
        "pril", "sartan", "olol", "dipine", "statin", "mab", "nib", "cillin", "mycin", "micin", "floxacin",
        "cycline", "prazole", "tidine", "gliptin", "gliflozin", "glutide", "parin", "xaban", "gatran", "triptan",
        "setron", "azepam", "zolam", "oxetine", "triptyline", "azepine", "profen", "fenac", "afil", "terol",
        "tropium", "lukast", "thiazide", "semide", "peridol", "barbital", "cortisone", "olone", "asone", "caine",
        "vir", "navir", "conazole", "dazole",
    ]

    /// Words that name or imply a diagnosis.
    static let diseases: Set<String> = [
        "cancer", "tumour", "tumor", "malignancy", "malignant", "leukaemia", "leukemia", "lymphoma", "carcinoma",
        "disorder", "disease", "syndrome", "infection", "sepsis", "septic", "meningitis", "meningococcal",
        "pneumonia", "stroke", "infarction", "infarct", "angina", "aneurysm", "haemorrhage", "hemorrhage",
        "thrombosis", "embolism", "embolus", "clot", "diabetes", "diabetic", "hypertension", "asthma", "copd",
        "emphysema", "bronchitis", "appendicitis", "gastritis", "reflux", "gord", "gerd", "ulcer", "hernia",
        "fracture", "migraine", "epilepsy", "dementia", "delirium", "depression", "psychosis", "schizophrenia",
        "anaemia", "anemia", "failure", "anaphylaxis", "anaphylactic", "angioedema", "angio-oedema", "urticaria",
        "eczema", "psoriasis", "arthritis", "gout", "lupus", "covid", "influenza", "virus", "viral", "bacterial",
        "tuberculosis", "hiv", "hepatitis", "cirrhosis", "pancreatitis", "cholecystitis", "colitis", "crohn's",
        "dvt", "uti", "stemi", "nstemi", "acs", "sah", "tia", "ckd", "aki", "fibrillation", "arrhythmia",
        "eclampsia", "pre-eclampsia", "ectopic", "miscarriage", "dissection", "pericarditis", "myocarditis",
        "endocarditis", "cellulitis", "abscess", "neuropathy", "ketoacidosis", "dka", "hypoglycaemia",
        "hyperglycaemia", "hypothyroidism", "hyperthyroidism", "thyroid", "interaction", "overdose", "toxicity",
        "poisoning", "allergy", "allergic", "disorders", "condition", "diagnosis", "bleed", "haematoma",
        "subarachnoid", "cardiac", "coronary", "myocardial", "pulmonary", "renal",
    ]

    /// Diagnosis-word endings (-itis, -osis, -oma, …).
    static let diseaseSuffixes: [String] = ["itis", "osis", "aemia", "emia", "pathy", "plasia", "ectomy", "oma"]

    /// Words a clinician would write as a finding on examination or in a symptom list.
    static let findings: Set<String> = [
        "swollen", "swelling", "rash", "lump", "mass", "bruise", "bruising", "bleeding", "blood", "fever",
        "temperature", "pale", "sweaty", "sweating", "clammy", "cyanosed", "blue", "jaundice", "jaundiced",
        "yellow", "numb", "numbness", "weakness", "weak", "tingling", "stiff", "stiffness", "tender", "murmur",
        "wheeze", "wheezy", "crackles", "pulse", "saturation", "sats", "discharge", "pus", "sore", "spots",
        "blisters", "hives", "itch", "itchy", "redness", "vomit", "vomiting", "sick", "diarrhoea", "cough",
        "coughing", "sputum", "phlegm", "breathless", "puffed", "dizzy", "faint", "fainted", "confused",
        "confusion", "drowsy", "seizure", "fit", "palpitations", "pain", "painful", "ache", "aching", "hurts",
        "headache", "nausea", "nauseous", "tight", "tightness", "pressure", "burning", "throbbing", "stabbing",
        "crushing", "radiating", "cramp", "cramps", "lethargic", "tired", "exhausted", "thirsty", "thirst",
        "urine", "wee", "pee", "stool", "stools", "constipated", "bloated", "weight", "appetite", "chills",
        "shivering", "rigors", "fatigue", "insomnia", "anxious", "shaking", "tremor", "limp", "floppy",
        "mottled", "grey", "flushed", "hoarse", "swallow", "swallowing", "breath", "breathing", "breathe",
    ]

    /// Words that make a number or duration out of plain language.
    static let durationUnits: Set<String> = [
        "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "fortnight",
        "month", "months", "year", "years", "decade", "decades", "yesterday", "overnight", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november", "december", "teenager", "childhood",
        "old", "aged", "age",
    ]

    /// Number words and their values ("one" is left out: "no one", "one of those").
    static let numberWords: [String: Double] = [
        "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
        "once": 1, "twice": 2, "half": 0.5, "dozen": 12,
    ]

    /// Stems of `findings`, so "swells" or "coughed" are recognised.
    static let findingStems: Set<String> = Set(findings.map(PorterStemmer.stem))

    static func isDrug(_ word: String) -> Bool {
        drugs.contains(word) || (word.count >= 6 && drugSuffixes.contains { word.hasSuffix($0) })
    }

    static func isDisease(_ word: String) -> Bool {
        diseases.contains(word)
            || (word.count >= 6 && diseaseSuffixes.contains { word.hasSuffix($0) } && !commonWords.contains(word))
    }

    /// Everyday words that happen to end like a diagnosis.
    static let commonWords: Set<String> = ["diploma", "aroma", "stomach", "sympathy", "empathy", "telepathy"]
}
