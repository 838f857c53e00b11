import Foundation

/// Scores an encounter: a pure function of the scenario version and the event log.
///
/// It reads only recorded events (the facts retrieval disclosed, the intents, the orders,
/// the notebook, the diagnosis, the appraisal) and the scenario's key and rubric, never a
/// model, never the clock. Every competency the scenario lists is scored in [0, 1] with
/// an explanation and evidence; `docs/grading.md` documents each mapping.
///
/// ```swift
/// let report = Grader(curriculum: curriculum).grade(scenario: scenario, entries: log)
/// report.competencies.map { ($0.id, $0.score) }
/// ```
public struct Grader: Sendable {
    public let curriculum: Curriculum?
    /// Defaults for items the scenario does not list (labels only).
    public let defaults: OrderableDefaults

    public init(curriculum: Curriculum? = nil, defaults: OrderableDefaults = .empty) {
        self.curriculum = curriculum
        self.defaults = defaults
    }

    /// The report for `entries`, which must be a log of `scenario` (this version).
    public func grade(scenario: Scenario, entries: [EncounterEntry]) -> GradeReport {
        let state = EncounterState.fold(entries)
        let examiner = Examiner(scenario: scenario, defaults: defaults)
        let history = HistoryEvidence.evaluate(scenario, state)
        let redFlags = RedFlagEvidence.evaluate(scenario, state)
        let investigations = InvestigationEvidence.evaluate(scenario, state, examiner: examiner)
        let findings = FindingsEvidence.evaluate(scenario, state)
        let diagnosis = DiagnosisEvidence.evaluate(scenario, state)
        let plan = PlanEvidence.evaluate(scenario, state)
        let appraisal = AppraisalEvidence.evaluate(scenario, state)
        let communication = CommunicationEvidence.evaluate(state)
        let bias = AutomationBias.evaluate(appraisal, diagnosis: diagnosis)
        let evidence = CompetencyScorer.Evidence(
            scenario: scenario, history: history, redFlags: redFlags, investigations: investigations,
            findings: findings, diagnosis: diagnosis, plan: plan, appraisal: appraisal, communication: communication,
            automationBias: bias)

        let competencies = scenario.competencies.map { id in
            let (score, explanation, items) = CompetencyScorer.score(id, evidence)
            return CompetencyScore(
                id: id, name: curriculum?.competency(id)?.name ?? id, score: score,
                weight: scenario.rubric.weights[id] ?? 1, explanation: explanation, evidence: items)
        }
        let totalWeight = competencies.reduce(0) { $0 + $1.weight }
        let overall = totalWeight > 0 ? competencies.reduce(0) { $0 + $1.weight * $1.score } / totalWeight : 0
        let outcome = appraisal.flatMap { a in
            scenario.aiRecommendations.first { $0.id == a.recommendationId }?.outcomes.text(for: a.decision)
        }
        return GradeReport(
            scenarioId: scenario.id, scenarioVersion: scenario.version, overall: Self.rounded(overall),
            competencies: competencies.map {
                var c = $0; c.score = Self.rounded(c.score); return c
            },
            history: history, redFlags: redFlags, investigations: investigations, findings: findings,
            diagnosis: diagnosis, plan: plan, appraisal: appraisal, communication: communication,
            automationBias: bias, outcome: outcome, teachingPoints: scenario.debrief.teachingPoints)
    }

    /// The same for bare events (timestamps do not affect grades).
    public func grade(scenario: Scenario, events: [EncounterEvent]) -> GradeReport {
        grade(scenario: scenario, entries: events.map { EncounterEntry(at: .distantPast, event: $0) })
    }

    /// Scores are kept to four decimals so reports compare equal across platforms.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
