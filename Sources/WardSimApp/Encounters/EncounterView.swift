import Foundation
import WardSimCore

/// An encounter as the trainee's browser sees it: never the key, never results not yet
/// ordered, never the AI recommendation before the diagnosis is committed.
struct EncounterView: Encodable {
    struct PatientView: Encodable {
        var name: String
        var age: Int
        var ageMonths: Int?
        var sex: String
        var speaker: Patient.Speaker
        var openingStatement: String
    }

    struct TurnView: Encodable {
        var turn: Int
        var question: String
        var reply: String
        var facts: [String]
        var voice: String
        var fellBack: Bool
        var at: Date
    }

    struct OrderView: Encodable {
        var itemId: String
        var label: String
        var kind: String
        var category: String
        var result: String
        var isDefault: Bool
        var minutes: Int
        var cost: Double
        var at: Date
    }

    struct DiagnosisView: Encodable {
        var diagnosis: String
        var differential: [String]
        var plan: String
    }

    struct RecommendationView: Encodable {
        var id: String
        var text: String
        var confidence: Double
        var citations: [String]
    }

    struct FlawTypeView: Encodable {
        var id: String
        var label: String
    }

    struct Clock: Encodable {
        var minutes: Int
        var cost: Double
    }

    var id: String
    var scenarioId: String
    var scenarioVersion: Int
    var title: String
    var useCase: String
    var setting: String
    var state: String
    var practice: Bool
    var patient: PatientView
    var chart: Chart
    var transcript: [TurnView]
    var orders: [OrderView]
    var orderable: [Examiner.Option]
    var clock: Clock
    var findings: [Finding]
    var diagnosis: DiagnosisView?
    var recommendation: RecommendationView?
    var appraisal: Appraisal?
    var drafts: [String: String]
    var flawTypes: [FlawTypeView]
    var startedAt: Date
    var submittedAt: Date?

    init(_ loaded: EncounterService.Loaded, drafts: [String: String]) {
        let scenario = loaded.scenario
        let state = loaded.machine.state
        let examiner = loaded.machine.examiner
        let menu = Dictionary(examiner.menu.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        id = loaded.stored.id
        scenarioId = scenario.id
        scenarioVersion = scenario.version
        title = scenario.title
        useCase = scenario.useCase.rawValue
        setting = scenario.setting
        self.state = state.phase.rawValue
        practice = loaded.stored.practice
        patient = PatientView(
            name: scenario.patient.name, age: scenario.patient.age, ageMonths: scenario.patient.ageMonths,
            sex: scenario.patient.sex.rawValue, speaker: scenario.patient.speaker,
            openingStatement: scenario.patient.openingStatement)
        chart = scenario.chart
        transcript = Self.turns(loaded.machine.entries)
        orders = state.orders.map { order in
            let option = menu[order.itemId]
            return OrderView(
                itemId: order.itemId, label: option?.label ?? examiner.label(order.itemId),
                kind: option?.kind.rawValue ?? "investigation", category: option?.category ?? "",
                result: order.result, isDefault: order.isDefault, minutes: order.minutes, cost: order.cost, at: order.at
            )
        }
        orderable = examiner.menu
        clock = Clock(minutes: state.elapsedMinutes, cost: state.totalCost)
        findings = state.findings
        diagnosis = state.commitment.map {
            DiagnosisView(diagnosis: $0.diagnosis, differential: $0.differential, plan: $0.plan)
        }
        if state.phase >= .recommendationShown, let shown = loaded.machine.recommendation {
            recommendation = RecommendationView(
                id: shown.id, text: shown.text, confidence: shown.confidence, citations: shown.citations)
        }
        appraisal = state.appraisal
        self.drafts = drafts
        flawTypes = FlawType.allCases.map { FlawTypeView(id: $0.rawValue, label: $0.label) }
        startedAt = loaded.stored.startedAt
        submittedAt = loaded.stored.submittedAt
    }

    /// Question/reply pairs from the event log, numbered from 1.
    static func turns(_ entries: [EncounterEntry]) -> [TurnView] {
        var turns: [TurnView] = []
        var question: String?
        for entry in entries {
            switch entry.event {
            case .question(let text):
                question = text
            case .reply(let text, let factIds, _, _, let voice, let fellBack):
                turns.append(
                    TurnView(
                        turn: turns.count + 1, question: question ?? "", reply: text, facts: factIds,
                        voice: voice.rawValue, fellBack: fellBack, at: entry.at))
                question = nil
            default:
                break
            }
        }
        return turns
    }
}
