/// Applies a `Shape` to a parsed document and reports every mismatch: wrong types,
/// missing required fields, unknown fields (with a suggestion when one is close),
/// duplicate keys, values out of range and strings in the wrong format.
enum ShapeChecker {
    static func check(_ node: Node, against shape: Shape, into problems: inout ProblemList) {
        switch shape {
        case .string(let rule):
            guard let text = node.string else { return mismatch(node, shape, &problems) }
            if let problem = rule.problem(with: text) { problems.add(node, problem) }
        case .integer(let minimum, let maximum):
            guard let number = node.value.number else { return mismatch(node, shape, &problems) }
            guard let value = number.int else {
                return problems.add(node, "expected an integer, found \(number.text)")
            }
            if let problem = rangeProblem(
                Double(value), text: number.text, minimum.map(Double.init), false,
                maximum.map(Double.init))
            {
                problems.add(node, problem)
            }
        case .number(let range):
            guard let number = node.value.number else { return mismatch(node, shape, &problems) }
            if range.wholeNumber, number.double.rounded() != number.double {
                return problems.add(node, "expected a whole number, found \(number.text)")
            }
            if let problem = rangeProblem(
                number.double, text: number.text, range.minimum, range.minimumIsExclusive, range.maximum)
            {
                problems.add(node, problem)
            }
        case .boolean:
            if node.bool == nil { mismatch(node, shape, &problems) }
        case .array(let element, let minCount, let maxCount, let unique):
            guard node.value.array != nil else { return mismatch(node, shape, &problems) }
            let elements = node.elements
            if elements.count < minCount {
                problems.add(node, "must have at least \(minCount) item\(minCount == 1 ? "" : "s")")
            }
            if let maxCount, elements.count > maxCount {
                problems.add(node, "must have at most \(maxCount) item\(maxCount == 1 ? "" : "s")")
            }
            for child in elements { check(child, against: element, into: &problems) }
            if unique { reportRepeats(elements, &problems) }
        case .object(let fields):
            guard let members = node.value.members else { return mismatch(node, shape, &problems) }
            checkObject(node, members, fields, &problems)
        case .dictionary(let keyRule, let valueShape, let minCount):
            guard let members = node.value.members else { return mismatch(node, shape, &problems) }
            reportDuplicateKeys(node, members, &problems)
            if members.count < minCount {
                problems.add(node, "must have at least \(minCount) entr\(minCount == 1 ? "y" : "ies")")
            }
            for member in members {
                let path = node.path.appending(member.key)
                if let problem = keyRule.problem(with: member.key) {
                    problems.add(path, problem, at: member.keyPosition)
                }
                check(Node(member.value, path: path), against: valueShape, into: &problems)
            }
        }
    }

    private static func checkObject(
        _ node: Node, _ members: [JSONMember], _ fields: [Field], _ problems: inout ProblemList
    ) {
        reportDuplicateKeys(node, members, &problems)
        let known = Set(fields.map(\.name))
        for member in members where !known.contains(member.key) {
            var message = "unknown field"
            if let suggestion = closest(to: member.key, among: fields.map(\.name)) {
                message += " (did you mean '\(suggestion)'?)"
            }
            problems.add(node.path.appending(member.key), message, at: member.keyPosition)
        }
        for field in fields {
            guard let child = node[field.name] else {
                if field.isRequired {
                    problems.add(node.path.appending(field.name), "required \(field.shape.noun) is missing")
                }
                continue
            }
            check(child, against: field.shape, into: &problems)
        }
    }

    private static func mismatch(_ node: Node, _ shape: Shape, _ problems: inout ProblemList) {
        problems.add(node, "expected \(shape.article) \(shape.noun), found \(node.value.typeDescription)")
    }

    private static func rangeProblem(
        _ value: Double, text: String, _ minimum: Double?, _ exclusive: Bool, _ maximum: Double?
    ) -> String? {
        func show(_ bound: Double) -> String {
            bound.rounded() == bound ? String(Int(bound)) : String(bound)
        }
        let tooSmall = minimum.map { exclusive ? value <= $0 : value < $0 } ?? false
        let tooLarge = maximum.map { value > $0 } ?? false
        guard tooSmall || tooLarge else { return nil }
        switch (minimum, maximum) {
        case (let low?, let high?) where !exclusive: return "must be from \(show(low)) to \(show(high)), found \(text)"
        case (let low?, _) where tooSmall:
            return exclusive
                ? "must be greater than \(show(low)), found \(text)" : "must be at least \(show(low)), found \(text)"
        case (_, let high?): return "must be at most \(show(high)), found \(text)"
        default: return nil
        }
    }

    private static func reportDuplicateKeys(_ node: Node, _ members: [JSONMember], _ problems: inout ProblemList) {
        var first: [String: SourcePosition] = [:]
        for member in members {
            if let earlier = first[member.key] {
                problems.add(
                    node.path.appending(member.key), "key appears more than once (first at \(earlier))",
                    at: member.keyPosition)
            } else {
                first[member.key] = member.keyPosition
            }
        }
    }

    /// Reports scalar elements that repeat an earlier one.
    private static func reportRepeats(_ elements: [Node], _ problems: inout ProblemList) {
        var seen: [String: Int] = [:]
        for (offset, element) in elements.enumerated() {
            let key: String
            switch element.value.kind {
            case .string(let text): key = "s:" + text
            case .number(let number): key = "n:\(number.double)"
            case .bool(let flag): key = "b:\(flag)"
            default: continue
            }
            if let earlier = seen[key] {
                problems.add(element, "\(describe(element.value)) is listed more than once (first at [\(earlier)])")
            } else {
                seen[key] = offset
            }
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value.kind {
        case .string(let text): "'\(text)'"
        case .number(let number): number.text
        case .bool(let flag): String(flag)
        default: value.typeDescription
        }
    }

    /// The field name closest to `key`, for "did you mean …?": within two edits, or
    /// three when the first three letters agree (`worry` → `worries`).
    static func closest(to key: String, among names: [String]) -> String? {
        let lowered = key.lowercased()
        let candidates = names.map { name -> (String, Int) in
            let distance = editDistance(lowered, name.lowercased())
            let samePrefix = lowered.prefix(3) == name.lowercased().prefix(3)
            return (name, distance <= 2 || (samePrefix && distance <= 3) ? distance : Int.max)
        }
        guard let best = candidates.min(by: { $0.1 < $1.1 }), best.1 != Int.max, best.1 < key.count else { return nil }
        return best.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension Shape {
    /// `value` with object members reordered as the shape declares them (unknown members
    /// last, in their original order). Used to write files in the documented field order.
    func ordering(_ value: JSONValue) -> JSONValue {
        var result = value
        switch (self, value.kind) {
        case (.array(let element, _, _, _), .array(let elements)):
            result.kind = .array(elements.map { element.ordering($0) })
        case (.object(let fields), .object(let members)):
            let rank = Dictionary(
                fields.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
            let sorted = members.enumerated().sorted { lhs, rhs in
                (rank[lhs.element.key] ?? Int.max, lhs.offset) < (rank[rhs.element.key] ?? Int.max, rhs.offset)
            }
            result.kind = .object(
                sorted.map { entry in
                    var member = entry.element
                    if let field = fields.first(where: { $0.name == member.key }) {
                        member.value = field.shape.ordering(member.value)
                    }
                    return member
                })
        case (.dictionary(_, let valueShape, _), .object(let members)):
            result.kind = .object(
                members.map { member in
                    var member = member
                    member.value = valueShape.ordering(member.value)
                    return member
                })
        default:
            break
        }
        return result
    }
}
