import Foundation

/// Maps the evidence of one encounter to a score and an explanation per competency.
///
/// One function per competency, each documented in `docs/grading.md`. Explanations say
/// what earned the score and what to do differently, naming the questions, tests and
/// terms involved.
enum CompetencyScorer {
    struct Evidence {
        var scenario: Scenario
        var history: HistoryEvidence
        var redFlags: RedFlagEvidence
        var investigations: InvestigationEvidence
        var findings: FindingsEvidence
        var diagnosis: DiagnosisEvidence
        var plan: PlanEvidence
        var appraisal: AppraisalEvidence?
        var communication: CommunicationEvidence
        var automationBias: AutomationBias
    }

    typealias Result = (score: Double, explanation: String, evidence: [EvidenceItem])

    static func score(_ id: String, _ e: Evidence) -> Result {
        switch id {
        case "history-taking": history(e)
        case "examination-investigation": investigation(e)
        case "clinical-reasoning": reasoning(e)
        case "management-planning": management(e)
        case "communication-empathy": communication(e)
        case "safety-escalation": safety(e)
        case "documentation": documentation(e)
        case "ai-output-evaluation": aiOutputEvaluation(e)
        case "ai-clinical-encounters": aiClinicalEncounters(e)
        case "ai-basic-knowledge":
            aiFlawFamily(e, [.hallucinatedEvidence, .miscalibratedConfidence], "what the tool can and cannot know")
        case "ai-ethics-social": aiFlawFamily(e, [.demographicBias, .privacyBreach], "bias and privacy")
        case "ai-workflow-integration": aiWorkflow(e)
        case "ai-practice-learning": aiPracticeLearning(e)
        default: (0, "WardSim does not grade the competency '\(id)'.", [EvidenceItem(.note, "Unknown competency id.")])
        }
    }

    // MARK: - Wording

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
