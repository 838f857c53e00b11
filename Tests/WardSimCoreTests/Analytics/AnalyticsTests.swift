import Foundation
import Testing
import WardSimCore

@Suite("Name-based UUIDs and SHA-1")
struct NameBasedUUIDTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test func sha1MatchesFIPSVectors() {
        #expect(Self.hex(SHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Self.hex(SHA1.hash([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(
            Self.hex(SHA1.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(
            Self.hex(SHA1.hash(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)))
                == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test func version5UUIDsMatchKnownAnswers() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        #expect(
            NameBasedUUID.make(namespace: NameBasedUUID.dns, name: "python.org").uuidString.lowercased()
                == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "http://adlnet.gov/expapi/verbs/completed")
        #expect(
            NameBasedUUID.make(namespace: NameBasedUUID.url, name: "http://adlnet.gov/expapi/verbs/completed")
                .uuidString.lowercased() == "31d0547e-7df4-5f91-9f06-e716ed68fede")
    }
}

@Suite("Score statistics and item discrimination")
struct AnalyticsTests {
    @Test func summaryUsesTheSampleStandardDeviation() {
        let summary = ScoreSummary([0.2, 0.4, 0.6, 0.8])
        #expect(summary.count == 4 && abs(summary.mean! - 0.5) < 1e-12)
        #expect(abs(summary.sd! - 0.2581988897) < 1e-9)
        #expect(ScoreSummary([0.7]).sd == nil && ScoreSummary([]).mean == nil)
    }

    @Test func pointBiserialAndUpperLowerIndexMatchHandComputation() {
        // Trainees who pass this case (≥ 0.7) score higher elsewhere: positive discrimination.
        let item = [0.9, 0.8, 0.75, 0.5, 0.4, 0.3]
        let criterion = [0.85, 0.7, 0.8, 0.6, 0.5, 0.55]
        let index = ItemDiscrimination(item: item, criterion: criterion)
        // M1 = 0.78333, M0 = 0.55, s_n = 0.128019, p = 0.5 → r_pb = 0.233333 / 0.128019 * 0.5 = 0.911322
        #expect(abs(index.pointBiserial! - 0.911322) < 1e-5)
        // g = round(0.27 * 6) = 2: top by criterion 0.9, 0.75; bottom 0.3, 0.4 → D = 0.825 - 0.35
        #expect(abs(index.upperLowerIndex! - 0.475) < 1e-12)
    }

    @Test func discriminationIsUndefinedForTooFewOrNoSpread() {
        #expect(ItemDiscrimination(item: [0.9, 0.1], criterion: [0.8, 0.2]).pointBiserial == nil)
        let allPass = ItemDiscrimination(
            item: Array(repeating: 0.9, count: 6), criterion: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
        #expect(allPass.pointBiserial == nil && allPass.upperLowerIndex == 0)
        let flat = ItemDiscrimination(item: [0.9, 0.1, 0.9, 0.1, 0.5], criterion: Array(repeating: 0.5, count: 5))
        #expect(flat.pointBiserial == nil && flat.upperLowerIndex == nil)
        #expect(PassMark.passed(0.7) && !PassMark.passed(0.6999))
    }
}
