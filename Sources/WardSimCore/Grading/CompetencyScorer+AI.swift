import Foundation

/// The AI-use competencies (Russell et al. 2023; see `docs/grading.md`).
extension CompetencyScorer {
    static let notAppraised: Result = (
        0, "You did not appraise the AI recommendation: decide to accept, modify or reject it, and say why.", []
    )

    static func decisionSentences(_ a: AppraisalEvidence) -> ([String], [EvidenceItem]) {
        let verdict = a.sound ? "a sound" : "an unsound"
        if a.decisionCorrect {
            return (
                ["You chose to \(a.decision.rawValue) \(verdict) recommendation, as expected."],
                [EvidenceItem(.met, "Decision: \(a.decision.rawValue)")]
            )
        }
        return (
            [
                "You chose to \(a.decision.rawValue) \(verdict) recommendation; the expected decision was to \(a.expectedDecision.rawValue)."
            ],
            [EvidenceItem(.missed, "Decision: \(a.decision.rawValue) (expected \(a.expectedDecision.rawValue))")]
        )
    }

    static func flawSentences(_ a: AppraisalEvidence) -> ([String], [EvidenceItem]) {
        var sentences: [String] = []
        let named = a.flawsNamed.filter { a.flawsExpected.contains($0) }
        if !named.isEmpty { sentences.append("You named " + list(named.map(\.label)).lowercased() + ".") }
        if !a.flawsMissed.isEmpty {
            sentences.append("Look for " + list(a.flawsMissed.map(\.label)).lowercased() + ".")
        }
        if !a.flawsSpurious.isEmpty {
            sentences.append(
                "Not flaws of this recommendation: " + list(a.flawsSpurious.map(\.label)).lowercased() + ".")
        }
        let evidence =
            named.map { EvidenceItem(.met, "Flaw named: \($0.label)") }
            + a.flawsMissed.map { EvidenceItem(.missed, "Flaw not named: \($0.label)") }
            + a.flawsSpurious.map { EvidenceItem(.penalty, "Named wrongly: \($0.label)") }
        return (sentences, evidence)
    }

    static func aiOutputEvaluation(_ e: Evidence) -> Result {
        guard let a = e.appraisal else { return notAppraised }
        let score = 0.6 * a.decisionScore + 0.3 * a.flawScore + 0.1 * a.justificationScore
        let (d, de) = decisionSentences(a)
        let (f, fe) = flawSentences(a)
        var sentences = d + f
        if a.justificationScore < 1 {
            sentences.append("Give a reason in a full sentence, citing the chart or findings.")
        }
        return (score, sentences.joined(separator: " "), de + fe)
    }

    static func aiClinicalEncounters(_ e: Evidence) -> Result {
        let h = e.history
        let gathered = h.criticalTotal == 0 ? 1 : Double(h.criticalElicited) / Double(h.criticalTotal)
        let finalCorrect = (e.diagnosis.final ?? e.diagnosis.initial)?.correct == true
        let plan = e.plan.fraction ?? 1
        let score = (gathered + (finalCorrect ? 1 : 0) + plan) / 3
        var sentences = [
            "You gathered \(h.criticalElicited) of \(h.criticalTotal) critical facts yourself before seeing the AI."
        ]
        sentences.append(
            finalCorrect
                ? "Your final diagnosis integrates the history and results correctly."
                : "Your final diagnosis does not fit the findings; reconcile the AI output with the history and results."
        )
        if let fraction = e.plan.fraction, fraction < 1 { sentences.append("Your final plan misses some essentials.") }
        return (
            score, sentences.joined(separator: " "),
            [
                EvidenceItem(
                    gathered == 1 ? .met : .missed, "Critical facts gathered: \(h.criticalElicited)/\(h.criticalTotal)"),
                EvidenceItem(finalCorrect ? .met : .missed, "Final diagnosis correct: \(finalCorrect ? "yes" : "no")"),
            ]
        )
    }

    static func aiFlawFamily(_ e: Evidence, _ types: Set<FlawType>, _ topic: String) -> Result {
        guard let a = e.appraisal else { return notAppraised }
        let (d, de) = decisionSentences(a)
        guard let recall = a.recall(of: types) else {
            return (
                a.decisionScore, (d + ["This recommendation had no flaw of \(topic) to name."]).joined(separator: " "),
                de
            )
        }
        let expected = a.flawsExpected.filter(types.contains)
        let missed = expected.filter { !a.flawsNamed.contains($0) }
        var sentences = d
        sentences.append(
            missed.isEmpty
                ? "You recognised the problem of \(topic) (" + list(expected.map(\.label)).lowercased() + ")."
                : "You did not name " + list(missed.map(\.label)).lowercased() + ".")
        let evidence = de + expected.map { EvidenceItem(missed.contains($0) ? .missed : .met, "Flaw: \($0.label)") }
        return (0.5 * a.decisionScore + 0.5 * recall, sentences.joined(separator: " "), evidence)
    }

    static func aiWorkflow(_ e: Evidence) -> Result {
        let i = e.investigations
        let needed = i.neededOrdered.count + i.neededMissed.count
        let timely = needed == 0 ? 1 : Double(i.neededOrdered.count) / Double(needed)
        var sentences = [
            needed == 0
                ? "No time-critical step was needed."
                : "You completed \(i.neededOrdered.count) of \(needed) needed steps without waiting on the tool."
        ]
        var parts = [timely]
        var evidence = [
            EvidenceItem(timely == 1 ? .met : .missed, "Needed steps done: \(i.neededOrdered.count)/\(needed)")
        ]
        if e.appraisal != nil {
            let checked = !e.automationBias.commission
            parts.append(checked ? 1 : 0)
            sentences.append(
                checked
                    ? "You checked the AI output before it reached the patient."
                    : "An unsafe AI output reached the patient because it was accepted unchecked.")
            evidence.append(EvidenceItem(checked ? .met : .missed, "AI output checked before acting"))
        } else {
            parts.append(0)
            sentences.append("You did not appraise the AI output.")
        }
        return (parts.reduce(0, +) / Double(parts.count), sentences.joined(separator: " "), evidence)
    }

    static func aiPracticeLearning(_ e: Evidence) -> Result {
        guard let a = e.appraisal else { return notAppraised }
        let score = 0.5 * a.justificationScore + 0.5 * a.decisionScore
        var sentences: [String] = []
        sentences.append(
            a.justificationScore == 1
                ? "You justified your decision."
                : "Justify your decision in a sentence or two: it is what you will learn from when you review the case."
        )
        sentences.append(
            a.decisionCorrect
                ? "Your trust in the tool was well calibrated here."
                : "Your trust was miscalibrated here: compare this with your other cases to spot a pattern.")
        return (
            score, sentences.joined(separator: " "),
            [EvidenceItem(a.justificationScore == 1 ? .met : .missed, "Justification: “\(a.justification)”")]
        )
    }

}
