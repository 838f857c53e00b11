public import Foundation

extension Request {
    /// Decodes the body as JSON into `T`, or throws a 400 that says what was wrong and where.
    ///
    /// Malformed JSON reports the parser's position; a well-formed body of the wrong shape
    /// reports the JSON path of the field (`$.findings[2].text: expected a string`).
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let contentType = headers["Content-Type"], !contentType.lowercased().contains("json") {
            throw HTTPError(415, "Send the body as application/json (got \(contentType)).")
        }
        guard !body.isEmpty else {
            throw HTTPError.badRequest("The request body is empty; a JSON object was expected.")
        }
        do {
            _ = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "not valid JSON"
            throw HTTPError.badRequest("Malformed JSON: \(detail)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch let error as DecodingError {
            throw HTTPError.badRequest(Self.describe(error))
        } catch {
            throw HTTPError.badRequest("Malformed JSON: \(error.localizedDescription)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = "$"
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += ".\(key.stringValue)" }
            }
            return text
        }
        switch error {
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as NSError? {
                let detail =
                    underlying.userInfo[NSDebugDescriptionErrorKey] as? String ?? underlying.localizedDescription
                return "Malformed JSON at \(path(context.codingPath)): \(detail)"
            }
            return "Invalid value at \(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): required field is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(Self.typeName(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(Self.typeName(type)), found null"
        @unknown default:
            return "Invalid JSON body."
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}

extension Response {
    /// Encodes `value` as a JSON response. Keys are sorted so responses are stable.
    public static func json<T: Encodable>(_ value: T, status: Int = 200) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            return .error(HTTPError(500, "Could not encode the response."), requestID: "")
        }
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/json; charset=utf-8")
        headers.set("Cache-Control", "no-store")
        return Response(status: status, headers: headers, body: .bytes(data))
    }

    /// A JSON response from already-encoded bytes (e.g. a stored document).
    public static func json(data: Data, status: Int = 200) -> Response {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/json; charset=utf-8")
        headers.set("Cache-Control", "no-store")
        return Response(status: status, headers: headers, body: .bytes(data))
    }
}
