/// Substring search on UTF-8 bytes.
///
/// Foundation's `String.contains(_:)` bridges to CoreFoundation on Linux and dominated the
/// cost of a patient turn; phrase tests here are plain byte comparisons on padded,
/// folded text, so a byte search gives the same answers far faster.
enum TextSearch {
    /// Whether `needle` occurs in `haystack` (an empty needle always does).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack
        var n = needle
        return h.withUTF8 { hb in n.withUTF8 { nb in firstIndex(of: nb, in: hb) != nil } }
    }

    /// The byte offset of the first `needle` in `haystack`.
    static func firstOffset(of needle: String, in haystack: String) -> Int? {
        var h = haystack
        var n = needle
        return h.withUTF8 { hb in n.withUTF8 { nb in firstIndex(of: nb, in: hb) } }
    }

    /// Whether `needle` (lowercase ASCII) occurs in `haystack` with ASCII letters compared
    /// without case: for fixed markers, without lowercasing the whole text first.
    static func containsIgnoringASCIICase(_ haystack: String, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return true }
        var h = haystack
        return h.withUTF8 { hb in
            guard hb.count >= n.count else { return false }
            for start in 0...(hb.count - n.count) {
                var j = 0
                while j < n.count {
                    if ASCIIByte.lowered(hb[start + j]) != n[j] { break }
                    j += 1
                }
                if j == n.count { return true }
            }
            return false
        }
    }

    private static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>)
        -> Int?
    {
        guard !needle.isEmpty else { return 0 }
        guard haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
