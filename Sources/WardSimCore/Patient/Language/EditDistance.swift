/// Bounded optimal-string-alignment distance (Levenshtein plus adjacent transpositions).
///
/// Typo tolerance in retrieval: "happend", "breathign" and "dizzyness" should still meet
/// their topics. The bound keeps it cheap and stops long words from matching anything.
enum EditDistance {
    /// The distance between `a` and `b`, or `nil` when it exceeds `bound`.
    static func distance(_ a: String, _ b: String, bound: Int) -> Int? {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars), bound: bound)
    }

    /// The same on pre-split scalars, for callers that compare one word with many.
    static func distance(_ s: [Unicode.Scalar], _ t: [Unicode.Scalar], bound: Int) -> Int? {
        if abs(s.count - t.count) > bound { return nil }
        if s.isEmpty || t.isEmpty { return max(s.count, t.count) <= bound ? max(s.count, t.count) : nil }
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count] <= bound ? previous[t.count] : nil
    }

    /// The typo allowance for a word of `length` characters: none below 5, one up to 8, two from 9
    /// ("election" must not become "exertion").
    static func allowance(forLength length: Int) -> Int {
        switch length {
        case ..<5: 0
        case 5...8: 1
        default: 2
        }
    }
}
