/// One difference between two versions of a JSON document.
public struct JSONChange: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case added, removed, changed
    }

    /// Where the value sits: in the newer document for `added` and `changed`, in the
    /// older one for `removed`.
    public var path: JSONPath
    public var kind: Kind
    /// The value before; nil when added.
    public var old: JSONValue?
    /// The value after; nil when removed.
    public var new: JSONValue?

    public init(path: JSONPath, kind: Kind, old: JSONValue?, new: JSONValue?) {
        self.path = path
        self.kind = kind
        self.old = old
        self.new = new
    }
}

/// A structural diff of two JSON documents: which paths were added, removed or changed,
/// with the old and new values, so an author can review what a new version of a
/// scenario changes before publishing it.
///
/// Reformatting, member order and number spelling (`1` and `1.0`) are not changes.
/// Arrays whose elements all carry a unique string `id` (facts, exam items,
/// recommendations) are matched by id, so inserting a fact reports one added fact rather
/// than every later fact as changed; other arrays are aligned on their longest common
/// subsequence, and an element that was replaced in place is reported as changed.
///
/// ```swift
/// JSONDiff.changes(from: version1, to: version2)
/// // [facts[2].answer changed "Since Tuesday." → "Since Monday.", facts[5] added {…}]
/// ```
public enum JSONDiff {
    public static func changes(from old: JSONValue, to new: JSONValue) -> [JSONChange] {
        var changes: [JSONChange] = []
        compare(old, new, at: .root, into: &changes)
        return changes
    }

    /// Whether two values hold the same content, ignoring positions, member order and
    /// how numbers are spelt.
    public static func sameContent(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a.kind, b.kind) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x.double == y.double
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameContent($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            return x.allSatisfy { member in
                guard let other = b[member.key] else { return false }
                return sameContent(member.value, other)
            }
        default: return false
        }
    }

    private static func compare(_ old: JSONValue, _ new: JSONValue, at path: JSONPath, into changes: inout [JSONChange])
    {
        switch (old.kind, new.kind) {
        case (.object(let before), .object(let after)):
            for member in after {
                if let previous = old[member.key] {
                    compare(previous, member.value, at: path.appending(member.key), into: &changes)
                } else {
                    changes.append(
                        JSONChange(path: path.appending(member.key), kind: .added, old: nil, new: member.value))
                }
            }
            for member in before where new[member.key] == nil {
                changes.append(
                    JSONChange(path: path.appending(member.key), kind: .removed, old: member.value, new: nil))
            }
        case (.array(let before), .array(let after)):
            if let oldIDs = ids(before), let newIDs = ids(after) {
                compareKeyed(before, oldIDs, after, newIDs, at: path, into: &changes)
            } else {
                compareAligned(before, after, at: path, into: &changes)
            }
        default:
            if !sameContent(old, new) {
                changes.append(JSONChange(path: path, kind: .changed, old: old, new: new))
            }
        }
    }

    /// The `id` of every element, or nil unless each is an object with a unique string id.
    private static func ids(_ elements: [JSONValue]) -> [String]? {
        let ids = elements.compactMap { $0["id"]?.string }
        guard ids.count == elements.count, Set(ids).count == ids.count else { return nil }
        return ids
    }

    private static func compareKeyed(
        _ before: [JSONValue], _ oldIDs: [String], _ after: [JSONValue], _ newIDs: [String], at path: JSONPath,
        into changes: inout [JSONChange]
    ) {
        let oldIndex = Dictionary(uniqueKeysWithValues: oldIDs.enumerated().map { ($0.element, $0.offset) })
        for (index, element) in after.enumerated() {
            if let previous = oldIndex[newIDs[index]] {
                compare(before[previous], element, at: path.appending(index), into: &changes)
            } else {
                changes.append(JSONChange(path: path.appending(index), kind: .added, old: nil, new: element))
            }
        }
        let kept = Set(newIDs)
        for (index, element) in before.enumerated() where !kept.contains(oldIDs[index]) {
            changes.append(JSONChange(path: path.appending(index), kind: .removed, old: element, new: nil))
        }
    }

    /// Aligns two arrays on their longest common subsequence; between matched elements,
    /// removed and added elements are paired up as changes, the rest stay removed or added.
    private static func compareAligned(
        _ before: [JSONValue], _ after: [JSONValue], at path: JSONPath, into changes: inout [JSONChange]
    ) {
        let n = before.count
        let m = after.count
        // lengths[i][j]: the LCS length of before[i...] and after[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] =
                    sameContent(before[i], after[j])
                    ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var i = 0
        var j = 0
        var removed: [Int] = []
        var added: [Int] = []
        func flush() {
            for (r, a) in zip(removed, added) {
                compare(before[r], after[a], at: path.appending(a), into: &changes)
            }
            for r in removed.dropFirst(added.count) {
                changes.append(JSONChange(path: path.appending(r), kind: .removed, old: before[r], new: nil))
            }
            for a in added.dropFirst(removed.count) {
                changes.append(JSONChange(path: path.appending(a), kind: .added, old: nil, new: after[a]))
            }
            removed = []
            added = []
        }
        while i < n || j < m {
            if i < n, j < m, sameContent(before[i], after[j]) {
                flush()
                i += 1
                j += 1
            } else if j < m, i == n || lengths[i][j + 1] >= lengths[i + 1][j] {
                added.append(j)
                j += 1
            } else {
                removed.append(i)
                i += 1
            }
        }
        flush()
    }
}
