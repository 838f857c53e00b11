/// The Porter (1980) suffix-stripping stemmer, for ASCII lowercase words.
///
/// Retrieval compares stems, not words, so "swelling", "swells" and "swelled" meet
/// the same topic. Porter is small, deterministic and well understood; it is applied to
/// both the trainee's words and the authored topics, so its oddities ("allergy" →
/// "allergi") cancel out. Words with non-ASCII letters or digits are returned unchanged.
enum PorterStemmer {
    static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var w = Word(bytes)
        w.step1a()
        w.step1b()
        w.step1c()
        w.step2()
        w.step3()
        w.step4()
        w.step5()
        return String(decoding: w.b, as: UTF8.self)
    }

    private struct Word {
        var b: [UInt8]
        init(_ b: [UInt8]) { self.b = b }

        func isConsonant(_ i: Int) -> Bool {
            switch b[i] {
            case 0x61, 0x65, 0x69, 0x6F, 0x75: return false  // a e i o u
            case 0x79: return i == 0 ? true : !isConsonant(i - 1)  // y
            default: return true
            }
        }

        /// The number of vowel–consonant sequences in `b[0..<k]`.
        func measure(_ k: Int) -> Int {
            var n = 0
            var i = 0
            while i < k && isConsonant(i) { i += 1 }
            while i < k {
                while i < k && !isConsonant(i) { i += 1 }
                guard i < k else { break }
                n += 1
                while i < k && isConsonant(i) { i += 1 }
            }
            return n
        }

        func hasVowel(_ k: Int) -> Bool { (0..<k).contains { !isConsonant($0) } }

        func endsWithDoubleConsonant(_ k: Int) -> Bool {
            k >= 2 && b[k - 1] == b[k - 2] && isConsonant(k - 1)
        }

        /// consonant–vowel–consonant at the end of `b[0..<k]`, the last not w, x or y.
        func endsCVC(_ k: Int) -> Bool {
            guard k >= 3, isConsonant(k - 1), !isConsonant(k - 2), isConsonant(k - 3) else { return false }
            return ![0x77, 0x78, 0x79].contains(b[k - 1])
        }

        func ends(_ s: String) -> Bool {
            let suffix = Array(s.utf8)
            return b.count >= suffix.count && Array(b.suffix(suffix.count)) == suffix
        }

        mutating func replaceSuffix(_ s: String, with r: String) {
            b.removeLast(s.utf8.count)
            b.append(contentsOf: Array(r.utf8))
        }

        /// Replaces the first matching suffix when the stem before it has measure > `minMeasure`.
        mutating func applyRules(_ rules: [(String, String)], minMeasure: Int) {
            for (suffix, replacement) in rules where ends(suffix) {
                if measure(b.count - suffix.utf8.count) > minMeasure { replaceSuffix(suffix, with: replacement) }
                return
            }
        }

        mutating func step1a() {
            if ends("sses") {
                replaceSuffix("sses", with: "ss")
            } else if ends("ies") {
                replaceSuffix("ies", with: "i")
            } else if ends("ss") {
                return
            } else if ends("s") {
                b.removeLast()
            }
        }

        mutating func step1b() {
            if ends("eed") {
                if measure(b.count - 3) > 0 { b.removeLast() }
                return
            }
            var stripped = false
            for suffix in ["ed", "ing"] where ends(suffix) && hasVowel(b.count - suffix.utf8.count) {
                b.removeLast(suffix.utf8.count)
                stripped = true
                break
            }
            guard stripped else { return }
            if ends("at") || ends("bl") || ends("iz") {
                b.append(0x65)
            } else if endsWithDoubleConsonant(b.count), ![0x6C, 0x73, 0x7A].contains(b[b.count - 1]) {
                b.removeLast()
            } else if measure(b.count) == 1 && endsCVC(b.count) {
                b.append(0x65)
            }
        }

        mutating func step1c() {
            if ends("y") && hasVowel(b.count - 1) { b[b.count - 1] = 0x69 }
        }

        mutating func step2() {
            applyRules(
                [
                    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
                    ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
                    ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
                    ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
                    ("logi", "log"),
                ], minMeasure: 0)
        }

        mutating func step3() {
            applyRules(
                [
                    ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
                    ("ness", ""),
                ], minMeasure: 0)
        }

        mutating func step4() {
            let suffixes = [
                "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism",
                "ate", "iti", "ous", "ive", "ize",
            ]
            // Longest match first, as the original algorithm's switch on the penultimate letter does.
            guard let suffix = suffixes.filter({ ends($0) }).max(by: { $0.utf8.count < $1.utf8.count }) else { return }
            let k = b.count - suffix.utf8.count
            guard measure(k) > 1 else { return }
            if suffix == "ion" {
                guard k > 0, b[k - 1] == 0x73 || b[k - 1] == 0x74 else { return }
            }
            b.removeLast(suffix.utf8.count)
        }

        mutating func step5() {
            if ends("e") {
                let m = measure(b.count - 1)
                if m > 1 || (m == 1 && !endsCVC(b.count - 1)) { b.removeLast() }
            }
            if ends("ll") && measure(b.count) > 1 { b.removeLast() }
        }
    }
}
