import Foundation
import WardSimStore

/// A cohort's mean mastery per competency at the end of each week.
///
/// Each trainee's mastery in a competency is a step function of time: it changes only
/// when a score arrives (`ReportMastery.trajectory`). At the end of each week (Monday
/// 00:00 UTC starts the next one) the cohort mean is taken over the trainees who have
/// any evidence in that competency by then; trainees without evidence are left out
/// rather than counted at the prior (0.5), which would pull every early week to the
/// middle. Weeks run from the first week with evidence to the week of the newest, at
/// most the last `maximumWeeks`.
struct MasteryTimeline: Encodable, Equatable {
    struct Series: Encodable, Equatable {
        var competency: String
        /// Mean mastery per week, nil for weeks before anyone had evidence.
        var mean: [Double?]
        /// Trainees with evidence per week.
        var trainees: [Int]
    }

    /// The Monday (YYYY-MM-DD) that starts each week.
    var weeks: [String]
    var series: [Series]

    static let maximumWeeks = 26
    static let week: TimeInterval = 7 * 86_400

    /// - Parameter trajectories: per competency id, per trainee, (time, mastery) after each score.
    init(competencyIDs: [String], trajectories: [String: [[(at: Date, mastery: Double)]]]) {
        let times = trajectories.values.flatMap { $0.flatMap { $0.map(\.at) } }
        guard let first = times.min(), let last = times.max() else {
            weeks = []
            series = competencyIDs.map { Series(competency: $0, mean: [], trainees: []) }
            return
        }
        var start = Self.monday(of: first)
        let end = Self.monday(of: last)
        let count = Int(((end.timeIntervalSince(start)) / Self.week).rounded()) + 1
        if count > Self.maximumWeeks { start = end.addingTimeInterval(-Double(Self.maximumWeeks - 1) * Self.week) }
        let weekStarts = (0..<min(count, Self.maximumWeeks)).map { start.addingTimeInterval(Double($0) * Self.week) }
        weeks = weekStarts.map(Self.day)
        series = competencyIDs.map { id in
            var sums = [Double](repeating: 0, count: weekStarts.count)
            var counts = [Int](repeating: 0, count: weekStarts.count)
            for trainee in trajectories[id] ?? [] {
                var index = 0
                var current: Double?
                for (week, weekStart) in weekStarts.enumerated() {
                    let weekEnd = weekStart.addingTimeInterval(Self.week)
                    while index < trainee.count, trainee[index].at < weekEnd {
                        current = trainee[index].mastery
                        index += 1
                    }
                    if let current {
                        sums[week] += current
                        counts[week] += 1
                    }
                }
            }
            return Series(
                competency: id,
                mean: zip(sums, counts).map { $1 > 0 ? MasteryReport.rounded($0 / Double($1)) : nil },
                trainees: counts)
        }
    }

    /// Monday 00:00 UTC of the week holding `date`.
    static func monday(of date: Date) -> Date {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? date
    }

    static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day())
    }
}
