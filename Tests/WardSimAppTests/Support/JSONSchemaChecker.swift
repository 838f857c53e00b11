import Foundation
import WardSimCore

/// Checks JSON values against the JSON Schema subset WardSim's OpenAPI document uses:
/// `type` (one name or a list, so `["string", "null"]` is a nullable string), `required`,
/// `properties`, `additionalProperties` (false or a schema), `items`, `enum`, `minimum`,
/// `maximum`, `maxItems`, `format: date-time`, and `$ref` to anything in the document
/// (`#/components/schemas/Encounter`).
///
/// It works on Core's `JSONValue`, which keeps integers and decimals apart exactly as
/// they were written, so `integer` means what it says. Every problem is reported with
/// its path, so a failing test says which field of which response broke the contract:
///
/// ```swift
/// let checker = try JSONSchemaChecker(document: openAPIBytes)
/// checker.problems(in: responseBytes, against: "#/components/schemas/Encounter")
/// // ["$.transcript[0].voice: \"robot\" is not one of scripted, llm"]
/// ```
struct JSONSchemaChecker {
    let document: JSONValue

    init(document data: Data) throws {
        document = try JSONParser.parse(data)
    }

    /// Problems of `data` (a JSON text) against the schema at `reference`.
    func problems(in data: Data, against reference: String) -> [String] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            return ["$: not JSON: \(error)"]
        }
        guard let schema = resolve(reference) else { return ["no schema at \(reference)"] }
        return problems(value, schema, at: "$")
    }

    /// Problems of `value` against `schema`, reported under `path`.
    func problems(_ value: JSONValue, _ schema: JSONValue, at path: String) -> [String] {
        if let reference = schema["$ref"]?.string {
            guard let target = resolve(reference) else { return ["\(path): unresolvable $ref \(reference)"] }
            return problems(value, target, at: path)
        }
        if let types = Self.types(schema), !types.contains(where: { Self.matches(value, type: $0) }) {
            return ["\(path): expected \(types.joined(separator: " or ")), found \(Self.describe(value))"]
        }
        var found: [String] = []
        if let allowed = schema["enum"]?.array, !allowed.contains(where: { $0.kind == value.kind }) {
            let names = allowed.map { $0.string ?? Self.describe($0) }.joined(separator: ", ")
            found.append("\(path): \(Self.describe(value)) is not one of \(names)")
        }
        if let number = value.number?.double {
            if let minimum = schema["minimum"]?.number?.double, number < minimum {
                found.append("\(path): \(number) is below the minimum \(minimum)")
            }
            if let maximum = schema["maximum"]?.number?.double, number > maximum {
                found.append("\(path): \(number) is above the maximum \(maximum)")
            }
        }
        if let text = value.string, schema["format"]?.string == "date-time",
            (try? Date.ISO8601FormatStyle().parse(text)) == nil
        {
            found.append("\(path): '\(text)' is not an ISO 8601 date-time")
        }
        if let members = value.members {
            found += objectProblems(members, schema, at: path)
        }
        if let elements = value.array {
            if let maximum = schema["maxItems"]?.number?.int, elements.count > maximum {
                found.append("\(path): \(elements.count) items, at most \(maximum) allowed")
            }
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() {
                    found += problems(element, items, at: "\(path)[\(index)]")
                }
            }
        }
        return found
    }

    private func objectProblems(_ members: [JSONMember], _ schema: JSONValue, at path: String) -> [String] {
        var found: [String] = []
        let keys = Set(members.map(\.key))
        for required in schema["required"]?.array?.compactMap(\.string) ?? [] where !keys.contains(required) {
            found.append("\(path).\(required): required but missing")
        }
        let properties = schema["properties"]?.members ?? []
        for member in members {
            let memberPath = "\(path).\(member.key)"
            if let property = properties.first(where: { $0.key == member.key }) {
                found += problems(member.value, property.value, at: memberPath)
            } else if let additional = schema["additionalProperties"] {
                if additional.bool == false {
                    found.append("\(memberPath): not in the documented properties")
                } else if additional.members != nil {
                    found += problems(member.value, additional, at: memberPath)
                }
            }
        }
        return found
    }

    /// The value at a local JSON Pointer reference (`#/components/schemas/Encounter`).
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: JSONValue? = document
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            current = current?[key]
        }
        return current
    }

    private static func types(_ schema: JSONValue) -> [String]? {
        if let single = schema["type"]?.string { return [single] }
        return schema["type"]?.array?.compactMap(\.string)
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value.kind) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .number):
            true
        case ("integer", .number(let number)): number.isInteger
        default: false
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value.kind {
        case .string(let text): "\"\(text.prefix(40))\""
        case .number(let number): number.text
        case .bool(let flag): String(flag)
        default: value.typeDescription
        }
    }
}
