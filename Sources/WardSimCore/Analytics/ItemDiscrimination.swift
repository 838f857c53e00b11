/// How well a scenario separates stronger from weaker trainees, by two classical
/// test-theory indices.
///
/// For each trainee who played the scenario and at least one other, the *item score* is
/// their first graded attempt on the scenario (later attempts measure practice on the
/// same case) and the *criterion* is their mean overall score on every other scenario
/// (the scenario itself is left out, so it cannot correlate with itself).
///
/// - `pointBiserial`: the item is dichotomised at the pass mark (overall ≥ 0.7 passes),
///   and r_pb = (M₁ − M₀) / sₙ · √(p·q), where M₁ and M₀ are the mean criterion of those
///   who passed and failed, sₙ the population SD of the criterion and p (q = 1 − p) the
///   share who passed. Range −1…1; above about 0.3 separates well, near or below 0 not at all.
/// - `upperLowerIndex` (Kelley's D): rank trainees by criterion; with g = round(0.27·n)
///   (at least 1), D = mean item score of the top g − mean item score of the bottom g.
///   Range −1…1 on WardSim's 0–1 scores.
///
/// Both are nil below `minimumTrainees` or when undefined (everyone passed or failed,
/// or no spread in the criterion).
public struct ItemDiscrimination: Sendable, Equatable, Codable {
    public var trainees: Int
    public var passMark: Double
    public var pointBiserial: Double?
    public var upperLowerIndex: Double?

    /// The pass mark WardSim uses for xAPI `success` and here.
    public static let defaultPassMark = PassMark.overall
    /// Fewer trainees than this give indices too noisy to show.
    public static let defaultMinimumTrainees = 5

    public init(
        item: [Double], criterion: [Double], passMark: Double = defaultPassMark,
        minimumTrainees: Int = defaultMinimumTrainees
    ) {
        precondition(item.count == criterion.count, "one criterion per item score")
        let n = item.count
        trainees = n
        self.passMark = passMark
        guard n >= max(2, minimumTrainees) else { return }

        let mean = criterion.reduce(0, +) / Double(n)
        let sdPopulation = (criterion.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
        let passed = item.indices.filter { item[$0] >= passMark }
        let failed = item.indices.filter { item[$0] < passMark }
        if !passed.isEmpty, !failed.isEmpty, sdPopulation > 0 {
            let m1 = passed.map { criterion[$0] }.reduce(0, +) / Double(passed.count)
            let m0 = failed.map { criterion[$0] }.reduce(0, +) / Double(failed.count)
            let p = Double(passed.count) / Double(n)
            pointBiserial = (m1 - m0) / sdPopulation * (p * (1 - p)).squareRoot()
        }

        if sdPopulation > 0 {
            let ranked = item.indices.sorted {
                criterion[$0] != criterion[$1] ? criterion[$0] > criterion[$1] : $0 < $1
            }
            let g = max(1, Int((0.27 * Double(n)).rounded()))
            let upper = ranked.prefix(g).map { item[$0] }.reduce(0, +) / Double(g)
            let lower = ranked.suffix(g).map { item[$0] }.reduce(0, +) / Double(g)
            upperLowerIndex = upper - lower
        }
    }
}
