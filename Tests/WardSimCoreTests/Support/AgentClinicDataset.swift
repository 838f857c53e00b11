import Foundation
import Testing

/// The AgentClinic MedQA cases, read from `../shared/datasets/agentclinic/` beside the
/// repository (CI has them); a missing file fails the test with a clear message.
enum AgentClinicDataset {
    static let url = Repository.root.deletingLastPathComponent()
        .appendingPathComponent("shared/datasets/agentclinic/agentclinic_medqa.jsonl")

    static func lines() throws -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "the AgentClinic dataset is missing: expected \(url.path) (../shared/datasets relative to the repository)"
            )
            throw CocoaError(.fileNoSuchFile)
        }
        return text.split(separator: "\n").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
    }
}
