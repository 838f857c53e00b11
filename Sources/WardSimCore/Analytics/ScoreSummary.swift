/// Count, mean and sample standard deviation of a set of scores.
///
/// Built from moments (count, Σx, Σx²) so SQL can aggregate and Swift only divides:
/// `sd = sqrt((Σx² − n·mean²) / (n − 1))`, the sample (n − 1) standard deviation,
/// nil for fewer than two scores.
public struct ScoreSummary: Sendable, Equatable, Codable {
    public var count: Int
    public var mean: Double?
    public var sd: Double?

    public init(count: Int, sum: Double, sumOfSquares: Double) {
        self.count = count
        guard count > 0 else { return }
        let mean = sum / Double(count)
        self.mean = mean
        guard count > 1 else { return }
        let variance = (sumOfSquares - Double(count) * mean * mean) / Double(count - 1)
        self.sd = variance > 0 ? variance.squareRoot() : 0
    }

    public init(_ scores: [Double]) {
        self.init(
            count: scores.count, sum: scores.reduce(0, +), sumOfSquares: scores.reduce(0) { $0 + $1 * $1 })
    }
}
