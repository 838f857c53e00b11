/// One AgentClinic OSCE case, read from a line of `agentclinic_medqa.jsonl`.
///
/// The source is loosely structured (a section may be a string, a list or an object,
/// and key names vary), so each part is kept as parsed JSON in document order and
/// interpreted by the builders.
struct AgentClinicCase {
    var objective: String
    var demographics: String
    var history: String
    var primarySymptom: String
    var secondarySymptoms: [String]
    var pastMedicalHistory: JSONValue?
    var socialHistory: JSONValue?
    var reviewOfSystems: JSONValue?
    /// `Current_Medications`, `Medications` or `Drug_History`, whichever the case has.
    var medications: JSONValue?
    var examination: [JSONMember]
    var tests: [JSONMember]
    var diagnosis: String

    /// Why a line is not a usable case.
    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    init(line: String) throws {
        let root: JSONValue
        do {
            root = try JSONParser.parse(line)
        } catch {
            throw FormatError(description: "not JSON: \(error)")
        }
        guard let osce = root["OSCE_Examination"], osce.members != nil else {
            throw FormatError(description: "no OSCE_Examination object")
        }
        func text(_ value: JSONValue?, _ name: String) throws -> String {
            guard let value, let text = value.string ?? value.array.map({ _ in CaseText.flatten(value) }),
                !text.trimmingWhitespace.isEmpty
            else { throw FormatError(description: "no \(name)") }
            return text.trimmingWhitespace
        }
        let actor = osce["Patient_Actor"]
        objective = try text(osce["Objective_for_Doctor"], "Objective_for_Doctor")
        demographics = try text(actor?["Demographics"], "Patient_Actor.Demographics")
        history = try text(actor?["History"], "Patient_Actor.History")
        diagnosis = try text(osce["Correct_Diagnosis"], "Correct_Diagnosis")
        let symptoms = actor?["Symptoms"]
        primarySymptom = symptoms?["Primary_Symptom"].map(CaseText.flatten) ?? ""
        secondarySymptoms = (symptoms?["Secondary_Symptoms"]?.array ?? []).map(CaseText.flatten).filter { !$0.isEmpty }
        pastMedicalHistory = actor?["Past_Medical_History"]
        socialHistory = actor?["Social_History"]
        reviewOfSystems = actor?["Review_of_Systems"]
        medications = actor?["Current_Medications"] ?? actor?["Medications"] ?? actor?["Drug_History"]
        examination = osce["Physical_Examination_Findings"]?.members ?? []
        tests = osce["Test_Results"]?.members ?? []
    }
}
