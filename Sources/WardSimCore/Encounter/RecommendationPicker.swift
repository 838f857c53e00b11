/// Chooses which AI recommendation an encounter shows, from the encounter id alone.
///
/// Deterministic across processes and platforms (FNV-1a over the id's UTF-8 bytes, not
/// Swift's per-process randomized `hashValue`), so a resumed or regraded encounter always
/// meets the same recommendation; the choice is also recorded in the `started` event.
public enum RecommendationPicker {
    /// FNV-1a, 64-bit.
    public static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The recommendation for `encounterID`, or nil when the scenario has none.
    public static func pick(for encounterID: String, in scenario: Scenario) -> AIRecommendation? {
        let recommendations = scenario.aiRecommendations
        guard !recommendations.isEmpty else { return nil }
        return recommendations[Int(stableHash(encounterID) % UInt64(recommendations.count))]
    }
}
