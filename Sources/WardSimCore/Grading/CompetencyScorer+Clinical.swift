import Foundation

/// The clinical competencies (see `docs/grading.md`).
extension CompetencyScorer {
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

}
