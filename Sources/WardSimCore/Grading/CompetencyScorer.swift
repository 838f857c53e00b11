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

    // MARK: - Clinical

    static func history(_ e: Evidence) -> Result {
        let h = e.history
        let weight: (HistoryEvidence.FactResult) -> Double = { $0.redFlag ? 2 : 1 }
        let total = (h.elicited + h.missed).reduce(0) { $0 + weight($1) }
        guard total > 0 else { return (1, "This case has no critical facts to elicit.", []) }
        let score = h.elicited.reduce(0) { $0 + weight($1) } / total
        var sentences = [
            "You elicited \(h.criticalElicited) of \(h.criticalTotal) critical facts"
                + (e.redFlags.fraction == nil
                    ? "."
                    : " and \(e.redFlags.elicited.count) of \(e.redFlags.elicited.count + e.redFlags.missed.count) red flags.")
        ]
        if h.missed.isEmpty {
            sentences.append("You covered every fact that matters; red flags count double.")
        } else {
            let asks = h.missed.prefix(3).compactMap { fact in
                fact.exampleQuestion.map { "“\($0)”" + (fact.redFlag ? " (a red flag)" : "") }
            }
            sentences.append("Next time also ask " + list(asks) + ".")
        }
        let evidence =
            h.elicited.map { EvidenceItem(.met, "Elicited \($0.id)\($0.redFlag ? " (red flag)" : ""): “\($0.answer)”") }
            + h.missed.map {
                EvidenceItem(
                    .missed, "Missed \($0.id)\($0.redFlag ? " (red flag)" : ""): ask “\($0.exampleQuestion ?? $0.id)”")
            }
        return (score, sentences.joined(separator: " "), evidence)
    }

    static func investigation(_ e: Evidence) -> Result {
        let i = e.investigations
        let needed = i.neededOrdered.count + i.neededMissed.count
        let base = needed == 0 ? 1 : Double(i.neededOrdered.count) / Double(needed)
        let penalty = 0.05 * Double(max(0, i.unnecessaryOrdered.count - 2))
        var sentences: [String] = []
        sentences.append(
            needed == 0
                ? "This case needs no particular examination or test."
                : "You did \(i.neededOrdered.count) of \(needed) needed examinations and investigations.")
        if !i.neededMissed.isEmpty {
            sentences.append(
                "Order " + list(i.neededMissed.map(\.label)) + ": the case cannot be managed safely without them.")
        }
        if !i.unnecessaryOrdered.isEmpty {
            sentences.append(
                "\(i.unnecessaryOrdered.count) item\(i.unnecessaryOrdered.count == 1 ? " was" : "s were") not needed"
                    + (penalty > 0 ? " (more than two unneeded items cost 0.05 each)" : "")
                    + "; before ordering, say what question each test answers.")
        }
        sentences.append("Total cost \(format(i.totalCost)), \(i.elapsedMinutes) simulated minutes.")
        let evidence =
            i.neededOrdered.map { EvidenceItem(.met, "Ordered \($0.label)") }
            + i.neededMissed.map { EvidenceItem(.missed, "Did not order \($0.label)") }
            + i.unnecessaryOrdered.map { EvidenceItem(.penalty, "Not needed: \($0.label) (cost \(format($0.cost)))") }
        return (base - penalty, sentences.joined(separator: " "), evidence)
    }

    static func reasoning(_ e: Evidence) -> Result {
        let d = e.diagnosis
        guard let initial = d.initial else {
            return (0, "You did not commit to a diagnosis; commit to a working diagnosis and differentials.", [])
        }
        let finalCorrect = d.final?.correct ?? initial.correct
        let score: Double
        if let fraction = d.differentialFraction {
            score = 0.4 * (initial.correct ? 1 : 0) + 0.3 * (finalCorrect ? 1 : 0) + 0.3 * fraction
        } else {
            score = 0.55 * (initial.correct ? 1 : 0) + 0.45 * (finalCorrect ? 1 : 0)
        }
        var sentences: [String] = []
        var evidence: [EvidenceItem] = []
        if initial.correct {
            sentences.append("Your working diagnosis “\(initial.text)” matches the key (\(initial.matched ?? "")).")
            evidence.append(EvidenceItem(.met, "Working diagnosis: \(initial.text)"))
        } else {
            sentences.append(
                "Your working diagnosis “\(initial.text)” does not match; the accepted diagnosis is \(list(d.accepted))."
            )
            evidence.append(EvidenceItem(.missed, "Working diagnosis: \(initial.text)"))
        }
        if let final = d.final, final.text != initial.text {
            sentences.append(
                finalCorrect
                    ? "After the AI recommendation you gave “\(final.text)”, which is correct."
                    : "After the AI recommendation you changed to “\(final.text)”, which is not correct.")
            evidence.append(EvidenceItem(finalCorrect ? .met : .missed, "Final diagnosis: \(final.text)"))
        }
        if d.differentialFraction != nil {
            let total = d.differentialsCovered.count + d.differentialsMissed.count
            sentences.append("You listed \(d.differentialsCovered.count) of \(total) essential differentials.")
            if !d.differentialsMissed.isEmpty {
                sentences.append("Consider and rule out " + list(d.differentialsMissed) + ".")
            }
            evidence += d.differentialsCovered.map { EvidenceItem(.met, "Differential: \($0)") }
            evidence += d.differentialsMissed.map { EvidenceItem(.missed, "Differential not listed: \($0)") }
        }
        return (score, sentences.joined(separator: " "), evidence)
    }

    static func management(_ e: Evidence) -> Result {
        let p = e.plan
        guard let fraction = p.fraction else {
            return (1, "This case lists no plan essentials.", [])
        }
        let total = p.included.count + p.missed.count
        var sentences = ["Your final plan includes \(p.included.count) of \(total) essentials."]
        if !p.missed.isEmpty { sentences.append("It should also include " + list(p.missed.map(\.description)) + ".") }
        let evidence =
            p.included.map { EvidenceItem(.met, "\($0.description) (“\($0.matchedTerm ?? "")”)") }
            + p.missed.map { EvidenceItem(.missed, $0.description) }
        return (fraction, sentences.joined(separator: " "), evidence)
    }

    static func communication(_ e: Evidence) -> Result {
        let c = e.communication
        let behaviours: [(String?, String, String)] = [
            (c.greeting, "You greeted the patient", "Greet the patient and introduce yourself"),
            (
                c.openQuestion, "You began with an open question",
                "Ask an open question such as “What brings you in today?”"
            ),
            (
                c.empathy, "You acknowledged their feelings",
                "Acknowledge their worries (for example “That sounds frightening”)"
            ),
            (
                c.checkedUnderstanding, "You checked their understanding",
                "Check understanding, for example “Does that make sense?”"
            ),
        ]
        let done = behaviours.filter { $0.0 != nil }.map(\.1)
        let todo = behaviours.filter { $0.0 == nil }.map(\.2)
        var sentences: [String] = []
        if !done.isEmpty { sentences.append(done.joined(separator: "; ") + ".") }
        if !todo.isEmpty { sentences.append("Next time: " + todo.joined(separator: "; ") + ".") }
        let evidence = behaviours.map { b in
            b.0.map { EvidenceItem(.met, "\(b.1): “\($0)”") } ?? EvidenceItem(.missed, b.2)
        }
        return (c.score, sentences.joined(separator: " "), evidence)
    }

    static func safety(_ e: Evidence) -> Result {
        var parts: [Double] = []
        var sentences: [String] = []
        var evidence: [EvidenceItem] = []
        if let fraction = e.redFlags.fraction {
            parts.append(fraction)
            let total = e.redFlags.elicited.count + e.redFlags.missed.count
            sentences.append("You found \(e.redFlags.elicited.count) of \(total) red flags.")
            if !e.redFlags.missed.isEmpty {
                sentences.append("Ask directly about warning signs; you missed " + list(e.redFlags.missed) + ".")
            }
            evidence += e.redFlags.elicited.map { EvidenceItem(.met, "Red flag found: \($0)") }
            evidence += e.redFlags.missed.map { EvidenceItem(.missed, "Red flag missed: \($0)") }
        }
        if let a = e.appraisal, !a.sound {
            let safe = a.decision != .accept
            parts.append(safe ? 1 : 0)
            sentences.append(
                safe
                    ? "You did not follow an unsafe recommendation."
                    : "You followed an unsafe recommendation; when a red flag is unexplained, do not be reassured by the tool."
            )
            evidence.append(
                EvidenceItem(safe ? .met : .missed, "Unsafe AI recommendation \(safe ? "not followed" : "followed")"))
        }
        guard !parts.isEmpty else { return (1, "There was nothing unsafe to catch in this case.", evidence) }
        return (parts.reduce(0, +) / Double(parts.count), sentences.joined(separator: " "), evidence)
    }

    static func documentation(_ e: Evidence) -> Result {
        let f = e.findings
        let total = f.recorded.count + f.missed.count
        guard total > 0 else { return (1, "This case lists no critical findings to record.", []) }
        var sentences = ["You recorded \(f.recorded.count) of \(total) critical findings in your notes."]
        if !f.missed.isEmpty { sentences.append("Record " + list(f.missed.map(\.description)) + ".") }
        let evidence =
            f.recorded.map { EvidenceItem(.met, "\($0.description) (“\($0.matchedTerm ?? "")”)") }
            + f.missed.map { EvidenceItem(.missed, $0.description) }
        return (Double(f.recorded.count) / Double(total), sentences.joined(separator: " "), evidence)
    }

    // MARK: - AI use

    static let notAppraised: Result = (
        0, "You did not appraise the AI recommendation: decide to accept, modify or reject it, and say why.", []
    )

    static func decisionSentences(_ a: AppraisalEvidence) -> ([String], [EvidenceItem]) {
        let verdict = a.sound ? "sound" : "unsound"
        if a.decisionCorrect {
            return (
                ["You chose to \(a.decision.rawValue) a \(verdict) recommendation, as expected."],
                [EvidenceItem(.met, "Decision: \(a.decision.rawValue)")]
            )
        }
        return (
            [
                "You chose to \(a.decision.rawValue) a \(verdict) recommendation; the expected decision was to \(a.expectedDecision.rawValue)."
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
