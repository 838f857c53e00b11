import Foundation
import Testing

@testable import WardSimCore

@Suite("AgentClinic importer") struct AgentClinicImporterTests {
    let importer: AgentClinicImporter

    init() throws {
        importer = AgentClinicImporter(
            competencyIDs: try Repository.shippedCompetencyIDs(), defaults: try Repository.shippedDefaults())
    }

    @Test func everyCaseImportsAsAValidDraft() async throws {
        let lines = try AgentClinicDataset.lines()
        #expect(lines.count == 107)
        let importer = self.importer
        let drafts = try await offPool {
            lines.enumerated().map { importer.importCase($0.element, number: $0.offset + 1) }
        }
        var ids: Set<String> = []
        for draft in drafts {
            #expect(draft.isValid, "\(draft.id): \(draft.problems.map(\.description).joined(separator: "\n"))")
            guard let scenario = draft.scenario else { continue }
            ids.insert(scenario.id)
            #expect(scenario.status == .draft && scenario.aiRecommendations.isEmpty)
            #expect(scenario.facts.count >= 3, "\(draft.id) has \(scenario.facts.count) facts")
            #expect(scenario.facts.contains { $0.critical }, "\(draft.id)")
            #expect(!scenario.investigations.isEmpty || !scenario.exam.isEmpty, "\(draft.id)")
            #expect(scenario.references == [AgentClinicImporter.reference])
            // The file is written in the documented order and reads back to the same draft.
            #expect(try ScenarioDocument.text(for: scenario) == draft.text)
        }
        #expect(ids.count == 107)
    }

    @Test func importsTheFirstCaseFaithfully() throws {
        let draft = importer.importCase(try AgentClinicDataset.lines()[0], number: 1)
        let scenario = try #require(draft.scenario, "\(draft.problems)")
        #expect(scenario.id == "agentclinic-medqa-001")
        #expect(
            scenario.title
                == "Double vision, difficulty climbing stairs, and upper limb weakness in a 35-year-old woman")
        #expect(
            scenario.patient.age == 35 && scenario.patient.sex == .female && scenario.patient.speaker.role == .patient)
        #expect(
            scenario.patient.openingStatement
                == "For the past month I've had double vision (diplopia), difficulty in climbing stairs, and weakness "
                + "when trying to brush my hair.")
        let relieving = try #require(scenario.facts.first { $0.aspect == .relieving })
        #expect(relieving.subject == "double vision")
        #expect(
            relieving.answer
                == "These symptoms tend to worsen after physical activity but improve significantly after a few hours of rest."
        )
        #expect(scenario.fact("smoking")?.answer == "I don't smoke.")
        #expect(scenario.fact("alcohol")?.answer == "I drink wine occasionally.")
        #expect(scenario.fact("occupation")?.answer == "I work as a graphic designer.")
        #expect(scenario.fact("past-medical-history")?.topics.contains("PMH") == true)
        #expect(scenario.chart.vitals.map(\.loinc) == ["8310-5", "8480-6", "8462-4", "8867-4", "9279-1"])
        #expect(scenario.chart.vitals.first?.value == "36.6")
        #expect(scenario.exam.map(\.id) == ["neurological-exam"])
        #expect(scenario.investigations.map(\.id) == ["blood-tests", "electromyography", "chest-ct"])
        #expect(
            scenario.key.diagnoses == [AnswerKey.Diagnosis(name: "Myasthenia gravis", synonyms: [], icd10: "G70.0")])
        #expect(draft.needsAuthor.isEmpty)
    }

    @Test func aChildsCaseIsToldByAParentInTheirOwnWords() throws {
        let draft = importer.importCase(try AgentClinicDataset.lines()[2], number: 3)
        let scenario = try #require(draft.scenario, "\(draft.problems)")
        let child = scenario.patient.name.split(separator: " ")[0]
        #expect(scenario.patient.age == 0 && scenario.patient.ageMonths == 8 && scenario.patient.sex == .male)
        #expect(scenario.patient.speaker.role == .caregiver && scenario.patient.speaker.relationship == "mother")
        #expect(
            scenario.patient.openingStatement
                == "\(child) has been very fussy and has shown decreased interest in feeding for the past few days.")
        #expect(
            scenario.facts.contains {
                $0.answer == "Despite the feeding difficulties, I believe \(child) has been gaining weight."
            })
        #expect(scenario.specialty == "paediatrics")
        #expect(scenario.key.diagnoses.first?.icd10 == "Q43.1")
        #expect(draft.needsAuthor.contains("results name the diagnosis: Barium enema"))
    }

    @Test func leavesOutWhatNamesTheDiagnosis() throws {
        let line = """
            {"OSCE_Examination": {"Objective_for_Doctor": "Assess the patient presenting with wheeze.",
             "Patient_Actor": {"Demographics": "30-year-old man", "History": "The patient reports wheeze at night. He was told he has asthma as a child.",
              "Symptoms": {"Primary_Symptom": "Wheeze", "Secondary_Symptoms": ["Asthma attacks in childhood", "Cough at night"]},
              "Past_Medical_History": "Asthma.", "Social_History": "Information not provided.", "Review_of_Systems": "Denies fever."},
             "Physical_Examination_Findings": {"Vital_Signs": {"Heart_Rate": "88 bpm"}, "Respiratory_Examination": {"Auscultation": "Expiratory wheeze."}},
             "Test_Results": {"Spirometry": {"Findings": "Reversible obstruction consistent with asthma."}},
             "Correct_Diagnosis": "Asthma"}}
            """.replacingOccurrences(of: "\n", with: " ")
        let draft = importer.importCase(line, number: 200)
        let scenario = try #require(draft.scenario, "\(draft.problems)")
        #expect(scenario.id == "agentclinic-medqa-200")
        #expect(scenario.facts.allSatisfy { !$0.answer.lowercased().contains("asthma") })
        #expect(scenario.facts.first?.answer == "I've had wheeze at night.")
        #expect(draft.needsAuthor.contains("left out 3 statements naming the diagnosis"))
        #expect(draft.needsAuthor.contains("not in the source: social history"))
        #expect(draft.needsAuthor.contains("results name the diagnosis: Spirometry"))
        #expect(scenario.investigations.first?.minutes == 30)
    }

    @Test func reportsALineThatIsNotACase() {
        let draft = importer.importCase(#"{"something": "else"}"#, number: 4)
        #expect(!draft.isValid && draft.text == nil)
        #expect(draft.problems.map(\.description) == ["line 4: $: no OSCE_Examination object"])
    }
}
