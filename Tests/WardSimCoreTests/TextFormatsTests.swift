import Testing

@testable import WardSimCore

@Suite("Text formats") struct TextFormatsTests {
    @Test func slugs() {
        #expect(TextFormats.isSlug("chest-pain-2"))
        for bad in ["", "-a", "a-", "a--b", "Chest", "a b", "a_b", "é"] { #expect(!TextFormats.isSlug(bad)) }
    }

    @Test func httpsURLs() {
        #expect(TextFormats.isHTTPSURL("https://www.nice.org.uk/guidance/cg95"))
        for bad in ["http://nice.org.uk", "https://", "https:///path", "https://a b", "nice.org.uk"] {
            #expect(!TextFormats.isHTTPSURL(bad))
        }
    }

    @Test func calendarDates() {
        #expect(TextFormats.isISODate("2024-02-29"))
        for bad in ["2023-02-29", "2025-13-01", "2025-1-01", "25-01-01", "2025-00-10", "2025/01/01"] {
            #expect(!TextFormats.isISODate(bad))
        }
    }

    @Test func codes() {
        #expect(TextFormats.isLOINC("8867-4") && TextFormats.isLOINC("59408-5"))
        #expect(!TextFormats.isLOINC("8867") && !TextFormats.isLOINC("12345678-9"))
        for good in ["I21.1", "J18", "Q43.1", "S73.0", "O71.1", "C83.3"] { #expect(TextFormats.isICD10(good)) }
        for bad in ["i21.1", "I2", "I21.", "I21.12345", "121.1"] { #expect(!TextFormats.isICD10(bad)) }
    }
}
