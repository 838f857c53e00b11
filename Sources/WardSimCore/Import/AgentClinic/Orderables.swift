import Foundation

/// Turns AgentClinic's physical examination findings and test results into a scenario's
/// exam and investigation items, reusing the default table's ids where one fits so that
/// the case's result replaces the default.
struct Orderables {
    let defaults: OrderableDefaults?

    /// Exam items, one per examination section (sections that map to the same item are
    /// merged), plus any extra text for general inspection.
    func exam(_ sections: [JSONMember], extraInspection: [String]) -> [OrderableItem] {
        var items: [OrderableItem] = []
        for section in sections where !section.key.lowercased().contains("vital") {
            let (id, label, category) = examIdentity(section.key)
            add(
                id: id, label: label, category: category, result: CaseText.flatten(section.value), minutes: 3, cost: 0,
                to: &items)
        }
        if !extraInspection.isEmpty {
            let text = "Observed during the history: " + extraInspection.joined(separator: " ")
            add(
                id: "general-inspection", label: "General inspection", category: "general", result: text, minutes: 1,
                cost: 0, to: &items)
        }
        return items
    }

    /// Investigation items, one per test; a group whose entries are all objects
    /// (`Imaging: {Chest_CT: …, MRI: …}`, or an imaging group of one) becomes one item per entry.
    func investigations(_ tests: [JSONMember], examIDs: Set<String>) -> [OrderableItem] {
        var items: [OrderableItem] = []
        var entries: [JSONMember] = []
        for test in tests where !test.key.lowercased().contains("vital") {
            let group = ["imaging", "imaging_studies", "additional_tests", "other_tests", "radiology", "x_rays"]
                .contains(test.key.lowercased())
            if let members = test.value.members, members.count > 1 || group,
                members.allSatisfy({ $0.value.members != nil })
            {
                entries += members
            } else {
                entries.append(test)
            }
        }
        for entry in entries {
            var (id, label, category) = testIdentity(entry.key)
            if examIDs.contains(id) || defaults?[id]?.kind == .exam { id += "-test" }
            let (minutes, cost) = timing(id: id, category: category, key: entry.key)
            add(
                id: id, label: label, category: category, result: CaseText.flatten(entry.value), minutes: minutes,
                cost: cost, to: &items)
        }
        return items
    }

    private func add(
        id: String, label: String, category: String, result: String, minutes: Int, cost: Double,
        to items: inout [OrderableItem]
    ) {
        let result = CaseText.terminated(result.isEmpty ? "No result given in the source case." : result)
        if let index = items.firstIndex(where: { $0.id == id }) {
            items[index].result += " " + result
            return
        }
        let known = defaults?[id]
        items.append(
            OrderableItem(
                id: id, label: label, category: known?.category ?? category, result: result,
                minutes: known?.minutes ?? minutes, cost: known?.cost ?? cost, needed: true))
    }

    // MARK: - Identities

    private static let examIDs: [(fragments: [String], id: String, label: String, category: String)] = [
        (["cardiopulmonary"], "cardiopulmonary-exam", "Cardiopulmonary examination", "cardiovascular"),
        (["neurolog"], "neurological-exam", "Neurological examination", "neurological"),
        (["abdom"], "abdominal-exam", "Abdominal examination", "abdominal"),
        (["respirat", "chest", "lung", "pulmonary"], "respiratory-exam", "Respiratory examination", "respiratory"),
        (
            ["cardiovascular", "cardiac", "heart"], "cardiovascular-exam", "Cardiovascular examination",
            "cardiovascular"
        ),
        (["skin", "dermatolog"], "skin-exam", "Skin examination", "skin"),
        (["ent_", "ear", "throat"], "ent-exam", "Ear, nose and throat examination", "ent"),
        (["general", "appearance"], "general-inspection", "General inspection", "general"),
        (["musculoskeletal"], "musculoskeletal-exam", "Musculoskeletal examination", "musculoskeletal"),
        (["breast"], "breast-exam", "Breast examination", "breast"),
        (
            ["mental_status", "mental_state", "psychiatric"], "mental-state-exam", "Mental state examination",
            "mental-state"
        ),
    ]

    private func examIdentity(_ key: String) -> (String, String, String) {
        let lower = key.lowercased() + "_"
        if let known = Self.examIDs.first(where: { entry in
            entry.fragments.contains { lower.hasPrefix($0) || lower.contains("_" + $0) }
        }) {
            return (known.id, known.label, known.category)
        }
        let base = key.replacingOccurrences(of: "_Examination", with: "").replacingOccurrences(of: "_Exam", with: "")
        let label = CaseText.label(fromKey: base) + (key.lowercased().contains("exam") ? " examination" : "")
        let id = CaseText.slug(base) + "-exam"
        return (id, label, CaseText.slug(base))
    }

    private static let testIDs: [(names: Set<String>, id: String)] = [
        (["complete_blood_count", "cbc", "full_blood_count", "hematology", "haematology", "blood_count"], "fbc"),
        (["chest_x-ray", "chest_xray", "chest_x_ray", "chest_radiograph", "cxr"], "chest-xray"),
        (["urinalysis", "urine_analysis", "urine_dipstick"], "urinalysis"),
        (["liver_function_tests", "liver_function_test", "lfts", "lft"], "lft"),
        (["electrocardiogram", "ecg", "ekg"], "ecg"),
        (["echocardiogram", "echocardiography", "echo"], "echocardiogram"),
        (["blood_cultures", "blood_culture"], "blood-cultures"),
        (
            [
                "coagulation_profile", "coagulation_test_results", "coagulation_tests", "coagulation_studies",
                "coagulation",
            ], "coagulation"
        ),
        (["thyroid_function_tests", "thyroid_function_test", "thyroid_panel"], "tsh"),
        (
            ["serum_electrolytes", "electrolytes", "renal_function_tests", "renal_function", "kidney_function_tests"],
            "u-and-e"
        ),
        (["blood_glucose_level", "blood_glucose", "glucose"], "glucose"),
        (["abdominal_ultrasound", "ultrasound_abdomen"], "abdominal-ultrasound"),
        (["ct_head", "head_ct"], "ct-head"),
        (["ct_abdomen", "abdominal_ct", "ct_abdomen_and_pelvis"], "ct-abdomen"),
        (["lumbar_puncture", "csf_analysis"], "lumbar-puncture"),
        (["arterial_blood_gas", "blood_gas", "abg"], "blood-gas"),
        (["spirometry", "pulmonary_function_tests"], "spirometry"),
        (["pregnancy_test", "urine_pregnancy_test", "beta_hcg"], "pregnancy-test"),
        (["lipid_profile", "lipid_panel", "lipids"], "lipids"),
        (["hba1c"], "hba1c"), (["d-dimer", "d_dimer"], "d-dimer"), (["troponin"], "troponin"), (["bnp"], "bnp"),
        (["creatine_kinase", "ck"], "ck"), (["crp", "c-reactive_protein"], "crp"),
        (["urine_culture"], "urine-culture"), (["sputum_culture"], "sputum-culture"),
    ]

    private func testIdentity(_ key: String) -> (String, String, String) {
        let lower = key.lowercased()
        let id = Self.testIDs.first { $0.names.contains(lower) }?.id ?? CaseText.slug(key, maxWords: 8)
        let label = defaults?[id]?.label ?? CaseText.label(fromKey: key)
        return (id, label, Self.category(of: lower))
    }

    private static func category(of key: String) -> String {
        let rules: [(fragments: [String], category: String)] = [
            (
                [
                    "x-ray", "xray", "x_ray", "ct", "mri", "ultrasound", "imaging", "scan", "mammogra", "radiograph",
                    "pyelogram",
                    "enema", "angiogra", "doppler", "fluoroscopy",
                ], "imaging"
            ),
            (["echocardio", "electrocardio", "ecg", "ekg"], "cardiology"),
            (["culture", "swab", "serology", "pcr", "elisa", "stool", "torch", "gram"], "microbiology"),
            (["biopsy", "histolog", "cytolog", "aspirate", "smear"], "pathology"),
            (
                ["electroencephalo", "electromyo", "nerve_conduction", "eeg", "emg", "audiometry", "hearing"],
                "physiology"
            ),
            (["urin"], "urine"),
            (["scopy", "arthrocentesis", "puncture", "consult"], "procedure"),
        ]
        for rule in rules where rule.fragments.contains(where: key.contains) { return rule.category }
        return "blood"
    }

    private func timing(id: String, category: String, key: String) -> (Int, Double) {
        if let known = defaults?[id] { return (known.minutes, known.cost) }
        let lower = key.lowercased()
        switch category {
        case "imaging":
            if lower.contains("mri") { return (240, 500) }
            if lower.contains("ct") { return (90, 400) }
            if lower.contains("ultrasound") { return (240, 150) }
            return (60, 80)
        case "cardiology": return (60, 100)
        case "microbiology": return (2880, 30)
        case "pathology": return (4320, 300)
        case "physiology": return (120, 200)
        case "urine": return (10, 5)
        case "procedure": return (120, 200)
        default: return (60, 15)
        }
    }
}
