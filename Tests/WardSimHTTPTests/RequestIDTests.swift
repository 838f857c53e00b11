import Testing

@testable import WardSimHTTP

@Suite("Request ids")
struct RequestIDTests {
    @Test func areSixteenHexDigitsAndDistinctAcrossThreads() async {
        let ids = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 { group.addTask { (0..<5_000).map { _ in RequestID.next() } } }
            return await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
    }

    @Test func theMixIsABijectionOnNeighbouringCounts() {
        let mixed = (UInt64(0)..<10_000).map(RequestID.mix)
        #expect(Set(mixed).count == mixed.count)
        #expect(RequestID.mix(1) != RequestID.mix(2) &+ 1, "consecutive ids do not look consecutive")
    }
}
