import Foundation

/// Decodes a document that has passed validation into its Swift type with `JSONDecoder`.
///
/// Validation is stricter than decoding, so this should not fail; if it does (the model
/// and the shape have drifted apart), the failure is reported as a problem in the same
/// `FILE: PATH: message` form instead of crashing the server at start.
enum DecodingStep {
    static func decode<Value: Decodable & Sendable>(
        _ type: Value.Type, from data: Data, file: String
    ) -> ValidationResult<Value> {
        do {
            return .valid(try JSONDecoder().decode(type, from: data))
        } catch let error as DecodingError {
            let (context, reason): (DecodingError.Context?, String) =
                switch error {
                case .typeMismatch(_, let context): (context, "has an unexpected type")
                case .valueNotFound(_, let context): (context, "is missing")
                case .keyNotFound(let key, let context): (context, "lacks '\(key.stringValue)'")
                case .dataCorrupted(let context): (context, "is not valid")
                @unknown default: (nil, "could not be decoded")
                }
            let path = JSONPath(
                (context?.codingPath ?? []).map { key in key.intValue.map { .index($0) } ?? .key(key.stringValue) })
            let detail = context?.debugDescription ?? ""
            return .invalid([
                ValidationProblem(file: file, path: path, message: "\(reason) (decoder: \(detail))")
            ])
        } catch {
            return .invalid([ValidationProblem(file: file, path: .root, message: "could not be decoded: \(error)")])
        }
    }
}
