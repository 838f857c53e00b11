import Foundation
import WardSimCore
import WardSimHTTP

/// Request bodies of the encounter API, checked field by field with messages that name
/// the field (`findings[2].category: …`).
enum FindingsInput {
    static let categories = ["history", "examination", "investigations"]

    static func decode(_ request: Request) throws -> [Finding] {
        struct Body: Decodable { var findings: [Finding] }
        let findings = try request.decode(Body.self).findings
        guard findings.count <= 100 else { throw EncounterFailure.invalid("findings", "Record at most 100 findings.") }
        for (index, finding) in findings.enumerated() {
            guard categories.contains(finding.category) else {
                throw EncounterFailure.invalid(
                    "findings[\(index)].category", "Use one of \(categories.joined(separator: ", ")).")
            }
            guard finding.text.count <= 5000 else {
                throw EncounterFailure.invalid("findings[\(index)].text", "Keep each finding under 5000 characters.")
            }
        }
        return findings.filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}

enum DiagnosisInput {
    struct Body: Decodable {
        var diagnosis: String
        var differential: [String]
        var plan: String
    }

    static func decode(_ request: Request) throws -> Body {
        var body = try request.decode(Body.self)
        body.diagnosis = body.diagnosis.trimmingCharacters(in: .whitespacesAndNewlines)
        body.plan = body.plan.trimmingCharacters(in: .whitespacesAndNewlines)
        body.differential = body.differential.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty
        }
        guard !body.diagnosis.isEmpty else {
            throw EncounterFailure.invalid("diagnosis", "Name your working diagnosis.")
        }
        guard body.diagnosis.count <= 500 else {
            throw EncounterFailure.invalid("diagnosis", "Keep the diagnosis under 500 characters.")
        }
        guard !body.plan.isEmpty else { throw EncounterFailure.invalid("plan", "Write your plan.") }
        guard body.plan.count <= 5000 else {
            throw EncounterFailure.invalid("plan", "Keep the plan under 5000 characters.")
        }
        guard body.differential.count <= 20, body.differential.allSatisfy({ $0.count <= 300 }) else {
            throw EncounterFailure.invalid("differential", "List at most 20 differentials of up to 300 characters.")
        }
        return body
    }
}

enum AppraisalInput {
    static func decode(_ request: Request) throws -> Appraisal {
        struct Body: Decodable {
            var recommendationId: String
            var decision: String
            var flaws: [String]
            var justification: String
            var finalDiagnosis: String?
            var finalPlan: String?
        }
        let body = try request.decode(Body.self)
        guard let decision = Decision(rawValue: body.decision) else {
            throw EncounterFailure.invalid("decision", "Choose accept, modify or reject.")
        }
        var flaws: [FlawType] = []
        for (index, flaw) in body.flaws.enumerated() {
            guard let type = FlawType(rawValue: flaw) else {
                throw EncounterFailure.invalid(
                    "flaws[\(index)]", "Unknown flaw type '\(flaw)'; use one of the listed flaw types.")
            }
            if !flaws.contains(type) { flaws.append(type) }
        }
        let justification = body.justification.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !justification.isEmpty else {
            throw EncounterFailure.invalid("justification", "Say why you reached this decision.")
        }
        guard justification.count <= 5000, (body.finalDiagnosis ?? "").count <= 500,
            (body.finalPlan ?? "").count <= 5000
        else { throw EncounterFailure.invalid("justification", "The appraisal is too long.") }
        return Appraisal(
            recommendationId: body.recommendationId, decision: decision, flaws: flaws, justification: justification,
            finalDiagnosis: body.finalDiagnosis ?? "", finalPlan: body.finalPlan ?? "")
    }
}

enum DraftInput {
    static func decode(_ request: Request) throws -> (field: String, text: String) {
        struct Body: Decodable { var text: String }
        let field = request.parameter("field")
        guard (1...40).contains(field.count), field.allSatisfy({ $0.isLowercase || $0 == "-" || $0.isNumber }) else {
            throw EncounterFailure.invalid("field", "Draft fields are lowercase words joined by '-'.")
        }
        let text = try request.decode(Body.self).text
        guard text.count <= 20000 else {
            throw EncounterFailure.invalid("text", "Drafts are limited to 20000 characters.")
        }
        return (field, text)
    }
}
