/// ICD-10 (WHO) codes and common synonyms for the diagnoses of the AgentClinic MedQA
/// cases, so imported drafts carry a coded, gradable key instead of a placeholder.
///
/// Keyed by the normalised diagnosis name (`DiagnosisMentions.normalize`). Entries marked
/// `check` are the closest catch-all code and are reported for an author to confirm.
enum DiagnosisCodes {
    struct Entry {
        var icd10: String
        var synonyms: [String]
        var check = false
    }

    static func entry(for diagnosis: String) -> Entry? {
        table[DiagnosisMentions.normalize(diagnosis)]
    }

    // Abbreviations that are also English words ("ALL", "ODD") are left out: the leak
    // check matches whole words regardless of case.
    static let table: [String: Entry] = [
        "myasthenia gravis": Entry(icd10: "G70.0", synonyms: []),
        "progressive multifocal encephalopathy pml": Entry(
            icd10: "A81.2", synonyms: ["PML", "progressive multifocal leukoencephalopathy"]),
        "progressive multifocal leukoencephalopathy": Entry(icd10: "A81.2", synonyms: ["PML"]),
        "hirschsprung disease": Entry(
            icd10: "Q43.1", synonyms: ["Hirschsprung's disease", "congenital aganglionic megacolon"]),
        "hirschsprung s disease": Entry(
            icd10: "Q43.1", synonyms: ["Hirschsprung disease", "congenital aganglionic megacolon"]),
        "diffuse large b cell lymphoma": Entry(icd10: "C83.3", synonyms: ["DLBCL"]),
        "acute interstitial nephritis": Entry(icd10: "N10", synonyms: ["acute tubulointerstitial nephritis", "AIN"]),
        "pes anserine bursitis": Entry(icd10: "M70.5", synonyms: ["anserine bursitis", "pes anserinus bursitis"]),
        "situational syncope": Entry(icd10: "R55", synonyms: ["micturition syncope"]),
        "congenital rubella infection": Entry(
            icd10: "P35.0", synonyms: ["congenital rubella syndrome", "congenital rubella"]),
        "phyllodes tumor": Entry(icd10: "D48.6", synonyms: ["phyllodes tumour", "cystosarcoma phyllodes"]),
        "endometritis": Entry(icd10: "O86.1", synonyms: ["postpartum endometritis"]),
        "hemorrhoids": Entry(icd10: "K64.2", synonyms: ["haemorrhoids", "piles", "internal haemorrhoids"]),
        "complex partial seizure": Entry(
            icd10: "G40.2", synonyms: ["focal impaired awareness seizure", "complex partial seizures"]),
        "posterior hip dislocation": Entry(
            icd10: "S73.0", synonyms: ["dislocated hip", "posterior dislocation of the hip"]),
        "rupture of the flexor digitorum profundus tendon at its point of insertion": Entry(
            icd10: "S66.1", synonyms: ["jersey finger", "flexor digitorum profundus avulsion", "FDP avulsion"]),
        "epidermoid cyst": Entry(icd10: "L72.0", synonyms: ["epidermal cyst", "epidermal inclusion cyst"]),
        "c difficile colitis": Entry(
            icd10: "A04.7",
            synonyms: ["Clostridioides difficile colitis", "Clostridium difficile colitis", "C diff colitis"]),
        "pyoderma gangrenosum": Entry(icd10: "L88", synonyms: []),
        "uterine rupture": Entry(icd10: "O71.1", synonyms: ["ruptured uterus", "rupture of the uterus"]),
        "disc herniation": Entry(
            icd10: "M51.1", synonyms: ["herniated disc", "slipped disc", "prolapsed intervertebral disc"]),
        "cytomegalovirus retinitis": Entry(icd10: "B25.8", synonyms: ["CMV retinitis"]),
        "reactive arthritis": Entry(icd10: "M02.9", synonyms: ["Reiter syndrome", "Reiter's syndrome"]),
        "malignant melanoma": Entry(icd10: "C43.9", synonyms: ["melanoma"]),
        "irritable bowel syndrome": Entry(icd10: "K58.9", synonyms: ["IBS"]),
        "meigs syndrome": Entry(icd10: "D27", synonyms: ["Meigs' syndrome"]),
        "primary sclerosing cholangitis": Entry(icd10: "K83.0", synonyms: ["PSC"]),
        "interstitial cystitis": Entry(icd10: "N30.1", synonyms: ["bladder pain syndrome"]),
        "adhesive capsulitis": Entry(icd10: "M75.0", synonyms: ["frozen shoulder"]),
        "lung cancer": Entry(icd10: "C34.9", synonyms: ["lung carcinoma", "bronchial carcinoma"]),
        "disseminated gonococcal infection": Entry(icd10: "A54.8", synonyms: ["DGI", "disseminated gonorrhoea"]),
        "respiratory distress syndrome": Entry(
            icd10: "P22.0", synonyms: ["RDS", "hyaline membrane disease", "surfactant deficiency"]),
        "neonatal respiratory distress syndrome nrds": Entry(
            icd10: "P22.0", synonyms: ["NRDS", "respiratory distress syndrome", "hyaline membrane disease"]),
        "chronic lymphocytic leukemia": Entry(icd10: "C91.1", synonyms: ["CLL", "chronic lymphocytic leukaemia"]),
        "fulminant hepatic failure": Entry(
            icd10: "K72.0", synonyms: ["acute liver failure", "fulminant liver failure"]),
        "coarctation of the aorta": Entry(icd10: "Q25.1", synonyms: ["aortic coarctation"]),
        "erythema infectiosum": Entry(
            icd10: "B08.3", synonyms: ["fifth disease", "slapped cheek syndrome", "parvovirus B19 infection"]),
        "glanzmann s thrombasthenia": Entry(icd10: "D69.1", synonyms: ["Glanzmann thrombasthenia"]),
        "osteoclastoma": Entry(icd10: "D48.0", synonyms: ["giant cell tumour of bone", "giant cell tumor of bone"]),
        "multiple system atrophy": Entry(icd10: "G90.3", synonyms: ["MSA"]),
        "duodenal atresia": Entry(icd10: "Q41.0", synonyms: []),
        "essential thrombocythemia": Entry(icd10: "D47.3", synonyms: ["essential thrombocythaemia"]),
        "medullary sponge kidney": Entry(icd10: "Q61.5", synonyms: []),
        "genitopelvic pain disorder": Entry(icd10: "F52.6", synonyms: ["genito-pelvic pain/penetration disorder"]),
        "active chronic hepatitis b infection": Entry(
            icd10: "B18.1", synonyms: ["chronic hepatitis B", "chronic HBV infection"]),
        "acute mesenteric ischemia": Entry(
            icd10: "K55.0", synonyms: ["acute mesenteric ischaemia", "mesenteric ischaemia"]),
        "asthma": Entry(icd10: "J45.9", synonyms: []),
        "roseola infantum": Entry(icd10: "B08.2", synonyms: ["roseola", "exanthema subitum", "sixth disease"]),
        "eczematous dermatitis": Entry(icd10: "L30.9", synonyms: ["eczema"]),
        "osteoarthritis": Entry(icd10: "M15.9", synonyms: ["osteoarthrosis", "degenerative joint disease"]),
        "hemophilia": Entry(icd10: "D66", synonyms: ["haemophilia", "haemophilia A", "hemophilia A"], check: true),
        "hemophilia a": Entry(icd10: "D66", synonyms: ["haemophilia A", "haemophilia", "factor VIII deficiency"]),
        "steven johnson syndrome": Entry(icd10: "L51.1", synonyms: ["Stevens-Johnson syndrome", "SJS"]),
        "aromatase deficiency": Entry(icd10: "E34.8", synonyms: [], check: true),
        "atrial septal defect": Entry(icd10: "Q21.1", synonyms: ["ASD"]),
        "pancreatic adenocarcinoma": Entry(
            icd10: "C25.9", synonyms: ["pancreatic cancer", "carcinoma of the pancreas"]),
        "benign paroxysmal positional vertigo bppv": Entry(
            icd10: "H81.1", synonyms: ["BPPV", "benign positional vertigo"]),
        "benign paroxysmal positional vertigo": Entry(icd10: "H81.1", synonyms: ["BPPV", "benign positional vertigo"]),
        "schizotypal personality disorder": Entry(icd10: "F21", synonyms: ["schizotypal disorder"]),
        "bowen s disease": Entry(icd10: "D04.9", synonyms: ["Bowen disease", "squamous cell carcinoma in situ"]),
        "oppositional defiant disorder": Entry(icd10: "F91.3", synonyms: []),
        "lisdexamfetamine intoxication": Entry(
            icd10: "T43.6", synonyms: ["stimulant intoxication", "amphetamine intoxication"]),
        "pelvic inflammatory disease": Entry(icd10: "N73.9", synonyms: ["PID"]),
        "glossopharyngeal neuralgia": Entry(icd10: "G52.1", synonyms: []),
        "double aortic arch": Entry(icd10: "Q25.4", synonyms: []),
        "molluscum contagiosum": Entry(icd10: "B08.1", synonyms: ["molluscum"]),
        "schizoaffective disorder": Entry(icd10: "F25.9", synonyms: []),
        "bed bug bite": Entry(icd10: "T14.0", synonyms: ["bed bug bites", "bedbug bites", "cimicosis"], check: true),
        "membranous nephropathy": Entry(icd10: "N04.2", synonyms: ["membranous glomerulonephritis"]),
        "impaired erythropoietin production": Entry(
            icd10: "P61.2", synonyms: ["anaemia of prematurity", "anemia of prematurity"]),
        "acute lymphoblastic leukemia": Entry(icd10: "C91.0", synonyms: ["acute lymphoblastic leukaemia"]),
        "de quervain tenosynovitis": Entry(
            icd10: "M65.4", synonyms: ["De Quervain's tenosynovitis", "radial styloid tenosynovitis"]),
        "dumping syndrome": Entry(icd10: "K91.1", synonyms: []),
        "seborrheic dermatitis": Entry(icd10: "L21.1", synonyms: ["seborrhoeic dermatitis", "cradle cap"]),
        "labyrinthitis": Entry(icd10: "H83.0", synonyms: []),
        "physiological neonatal jaundice": Entry(
            icd10: "P59.9", synonyms: ["physiological jaundice", "physiologic jaundice"]),
        "frontotemporal dementia": Entry(icd10: "G31.0", synonyms: ["FTD", "Pick disease"]),
        "granulosa cell tumor": Entry(icd10: "D39.1", synonyms: ["granulosa cell tumour"]),
        "intraventricular hemorrhage": Entry(icd10: "P52.3", synonyms: ["IVH", "intraventricular haemorrhage"]),
        "syringomyelia": Entry(icd10: "G95.0", synonyms: ["syrinx"]),
        "pneumonia": Entry(icd10: "J18.9", synonyms: []),
        "listeriosis": Entry(icd10: "A32.9", synonyms: ["Listeria infection"]),
        "huntington disease": Entry(icd10: "G10", synonyms: ["Huntington's disease", "Huntington chorea"]),
        "breast milk jaundice": Entry(icd10: "P59.3", synonyms: []),
        "neuroleptic malignant syndrome": Entry(icd10: "G21.0", synonyms: ["NMS"]),
        "nightmare disorder": Entry(icd10: "F51.5", synonyms: []),
        "leprosy": Entry(icd10: "A30.9", synonyms: ["Hansen disease", "Hansen's disease"]),
        "actinic keratosis": Entry(icd10: "L57.0", synonyms: ["solar keratosis"]),
        "normal behavior": Entry(
            icd10: "Z00.3", synonyms: ["normal behaviour", "normal adolescent behaviour"], check: true),
        "parkinson disease": Entry(icd10: "G20", synonyms: ["Parkinson's disease"]),
        "waldenstrom macroglobulinemia": Entry(
            icd10: "C88.0", synonyms: ["Waldenström macroglobulinaemia", "lymphoplasmacytic lymphoma"]),
        "apical lung tumor": Entry(
            icd10: "C34.1", synonyms: ["Pancoast tumour", "Pancoast tumor", "superior sulcus tumour"]),
        "tuberculosis": Entry(icd10: "A16.2", synonyms: ["pulmonary tuberculosis", "TB"]),
        "boerhaave syndrome": Entry(
            icd10: "K22.3", synonyms: ["oesophageal rupture", "esophageal rupture", "oesophageal perforation"]),
        "chronic venous insufficiency": Entry(icd10: "I87.2", synonyms: ["venous insufficiency"]),
        "akathisia": Entry(icd10: "G25.8", synonyms: ["drug-induced akathisia"], check: true),
        "acute myelogenous leukemia": Entry(
            icd10: "C92.0", synonyms: ["AML", "acute myeloid leukaemia", "acute myeloid leukemia"]),
        "schizophreniform disorder": Entry(icd10: "F20.8", synonyms: []),
        "testicular torsion": Entry(icd10: "N44", synonyms: ["torsion of the testis", "torsion of testis"]),
        "serum sickness like reaction": Entry(icd10: "T88.7", synonyms: ["serum sickness"], check: true),
        "legg calve perthes disease lcpd": Entry(
            icd10: "M91.1", synonyms: ["LCPD", "Perthes disease", "Legg-Calve-Perthes disease"]),
        "bronchiectasis": Entry(icd10: "J47", synonyms: []),
        "erythema toxicum": Entry(icd10: "P83.1", synonyms: ["erythema toxicum neonatorum"]),
        "pemphigus vulgaris": Entry(icd10: "L10.0", synonyms: []),
    ]
}
