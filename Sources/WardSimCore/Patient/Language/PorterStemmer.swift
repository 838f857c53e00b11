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

        func ends(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard b.count >= n else { return false }
            let start = s.utf8Start
            let offset = b.count - n
            for i in 0..<n where b[offset + i] != start[i] { return false }
            return true
        }

        mutating func replaceSuffix(_ s: StaticString, with r: StaticString) {
            b.removeLast(s.utf8CodeUnitCount)
            b.append(contentsOf: UnsafeBufferPointer(start: r.utf8Start, count: r.utf8CodeUnitCount))
        }

        /// Replaces the first matching suffix when the stem before it has measure > `minMeasure`.
        mutating func applyRules(_ rules: [(StaticString, StaticString)], minMeasure: Int) {
            for (suffix, replacement) in rules where ends(suffix) {
                if measure(b.count - suffix.utf8CodeUnitCount) > minMeasure { replaceSuffix(suffix, with: replacement) }
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
            for suffix: StaticString in ["ed", "ing"] where ends(suffix) && hasVowel(b.count - suffix.utf8CodeUnitCount)
            {
                b.removeLast(suffix.utf8CodeUnitCount)
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

        static let step2Rules: [(StaticString, StaticString)] = [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
            ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
            ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
            ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
            ("logi", "log"),
        ]

        mutating func step2() { applyRules(Self.step2Rules, minMeasure: 0) }

        static let step3Rules: [(StaticString, StaticString)] = [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
            ("ness", ""),
        ]

        mutating func step3() { applyRules(Self.step3Rules, minMeasure: 0) }

        /// Longest first, as the original algorithm's switch on the penultimate letter does.
        static let step4Suffixes: [StaticString] = [
            "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ion", "ism", "ate", "iti", "ous", "ive",
            "ize", "al", "er", "ic", "ou",
        ]

        mutating func step4() {
            guard let suffix = Self.step4Suffixes.first(where: { ends($0) }) else { return }
            let k = b.count - suffix.utf8CodeUnitCount
            guard measure(k) > 1 else { return }
            if suffix.utf8CodeUnitCount == 3 && ends("ion") {
                guard k > 0, b[k - 1] == 0x73 || b[k - 1] == 0x74 else { return }
            }
            b.removeLast(suffix.utf8CodeUnitCount)
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
