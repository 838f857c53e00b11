import Foundation
import WardSimCore
import WardSimStore

/// What an instructor sees about one cohort: `GET /api/instructor/analytics/cohorts/{id}`
/// — the data behind the printable cohort report.
///
/// - `heatmap`: each trainee's current mastery and level per competency.
/// - `masteryOverTime`: the cohort's weekly mean mastery per competency (`MasteryTimeline`).
/// - `automationBias`: cohort totals and rates. commissionRate = unsound recommendations
///   accepted / unsound seen; overRejectionRate = sound recommendations rejected / sound
///   seen; the switch rates are over encounters whose report says whether the
///   recommendation was sound.
/// - `trainees`: per trainee, their bias counts and progress along the cohort's learning
///   path; `behind` follows `behindRule`.
struct CohortAnalytics: Encodable, Equatable {
    struct CohortInfo: Encodable, Equatable {
        var id: Int64
        var name: String
    }

    struct CompetencyInfo: Encodable, Equatable {
        var id: String
        var name: String
        var family: String
    }

    struct HeatmapRow: Encodable, Equatable {
        var userId: Int64
        var username: String
        var displayName: String
        /// Per competency, in `competencies` order.
        var mastery: [Double]
        var level: [String?]
        var attempts: [Int]
    }

    struct BiasTotals: Encodable, Equatable {
        var encounters = 0
        var unsoundSeen = 0
        var commission = 0
        var commissionRate: Double?
        var soundSeen = 0
        var overRejection = 0
        var overRejectionRate: Double?
        var switchedCorrectToIncorrect = 0
        var switchedCorrectToIncorrectRate: Double?
        var switchedIncorrectToCorrect = 0
        var switchedIncorrectToCorrectRate: Double?

        mutating func add(_ trainee: CohortAnalyticsData.Trainee) {
            encounters += trainee.graded
            unsoundSeen += trainee.unsoundSeen
            commission += trainee.commission
            soundSeen += trainee.soundSeen
            overRejection += trainee.overRejection
            switchedCorrectToIncorrect += trainee.switchedCorrectToIncorrect
            switchedIncorrectToCorrect += trainee.switchedIncorrectToCorrect
        }

        mutating func computeRates() {
            func rate(_ count: Int, _ total: Int) -> Double? {
                total > 0 ? MasteryReport.rounded(Double(count) / Double(total)) : nil
            }
            commissionRate = rate(commission, unsoundSeen)
            overRejectionRate = rate(overRejection, soundSeen)
            switchedCorrectToIncorrectRate = rate(switchedCorrectToIncorrect, unsoundSeen + soundSeen)
            switchedIncorrectToCorrectRate = rate(switchedIncorrectToCorrect, unsoundSeen + soundSeen)
        }
    }

    struct PathProgress: Encodable, Equatable {
        var completedScenarios: Int
        var totalScenarios: Int
        var share: Double
        /// The first module, in path order, with a scenario not yet completed.
        var nextModule: String?
        var nextModuleTitle: String?
    }

    struct TraineeRow: Encodable, Equatable {
        var userId: Int64
        var username: String
        var displayName: String
        var graded: Int
        var lastActivity: String?
        var automationBias: BiasTotals
        var path: PathProgress?
        var behind: Bool
        var reason: String?
    }

    struct PathInfo: Encodable, Equatable {
        var id: String
        var title: String
        /// How the path was chosen: "requested" (?path=) or "inferred".
        var chosen: String
    }

    var cohort: CohortInfo
    var competencies: [CompetencyInfo]
    var heatmap: [HeatmapRow]
    var masteryOverTime: MasteryTimeline
    var automationBias: BiasTotals
    var path: PathInfo?
    var trainees: [TraineeRow]
    var behindRule: String

    static let behindMargin = 0.25
    static let behindRule =
        "Behind: the share of the learning path's scenarios completed is more than 25 percentage points below the "
        + "cohort median, or nothing completed while the median trainee has started."

    /// - Parameters:
    ///   - evidence: the cohort's `MasteryEvidence` groups (every trainee × competency).
    ///   - pathID: `?path=`; nil infers the path that overlaps most with what the cohort played.
    init(
        data: CohortAnalyticsData, evidence: [MasteryEvidence], curriculum: Curriculum, pathID: String?
    ) {
        let mastery = ReportMastery(curriculum: curriculum)
        cohort = CohortInfo(id: data.cohortID, name: data.cohortName)
        competencies = curriculum.competencies.map {
            CompetencyInfo(id: $0.id, name: $0.name, family: $0.family.rawValue)
        }
        let competencyIndex = Dictionary(
            uniqueKeysWithValues: curriculum.competencies.enumerated().map { ($1.id, $0) })

        // Heat map and trajectories from the evidence.
        var rows: [Int64: HeatmapRow] = [:]
        var trajectories: [String: [[(at: Date, mastery: Double)]]] = [:]
        let prior = mastery.estimate([])
        for group in evidence {
            guard let column = competencyIndex[group.competencyID] else { continue }
            var row =
                rows[group.userID]
                ?? HeatmapRow(
                    userId: group.userID, username: group.username, displayName: group.displayName,
                    mastery: Array(repeating: MasteryReport.rounded(prior.mastery), count: competencyIndex.count),
                    level: Array(repeating: prior.level?.id, count: competencyIndex.count),
                    attempts: Array(repeating: 0, count: competencyIndex.count))
            let steps = mastery.trajectory(group.scores)
            if let last = steps.last {
                row.mastery[column] = MasteryReport.rounded(last.mastery)
                row.level[column] = last.level?.id
            }
            row.attempts[column] = group.attempts
            rows[group.userID] = row
            if !steps.isEmpty {
                let points = zip(group.times, steps).compactMap { time, step in
                    time.date.map { (at: $0, mastery: step.mastery) }
                }
                trajectories[group.competencyID, default: []].append(points)
            }
        }
        let order = data.trainees.map(\.userID)
        heatmap = order.compactMap { rows[$0] }
        masteryOverTime = MasteryTimeline(competencyIDs: curriculum.competencies.map(\.id), trajectories: trajectories)

        var totals = BiasTotals()
        for trainee in data.trainees { totals.add(trainee) }
        totals.computeRates()
        automationBias = totals

        // The learning path and who is behind on it.
        let played = data.trainees.reduce(into: [String: Int]()) { counts, trainee in
            for scenario in trainee.completedScenarios { counts[scenario, default: 0] += 1 }
        }
        let chosenPath: LearningPath?
        if let pathID, let requested = curriculum.paths.first(where: { $0.id == pathID }) {
            chosenPath = requested
            path = PathInfo(id: requested.id, title: requested.title, chosen: "requested")
        } else {
            chosenPath = curriculum.paths.max { a, b in
                Self.overlap(a, played) < Self.overlap(b, played)
                    || (Self.overlap(a, played) == Self.overlap(b, played)
                        && curriculum.paths.firstIndex(of: a)! > curriculum.paths.firstIndex(of: b)!)
            }
            path = chosenPath.map { PathInfo(id: $0.id, title: $0.title, chosen: "inferred") }
        }
        let progress = data.trainees.map { trainee in
            chosenPath.map { Self.progress(on: $0, trainee.completedScenarios) }
        }
        let shares = progress.compactMap { $0?.share }.sorted()
        let median = shares.isEmpty ? 0 : (shares[(shares.count - 1) / 2] + shares[shares.count / 2]) / 2
        trainees = zip(data.trainees, progress).map { trainee, progress in
            var bias = BiasTotals()
            bias.add(trainee)
            bias.computeRates()
            var behind = false
            var reason: String?
            if let progress {
                if progress.completedScenarios == 0 && median > 0 {
                    behind = true
                    reason = "No scenario of the path completed yet"
                } else if progress.share < median - Self.behindMargin {
                    behind = true
                    reason =
                        "\(Int((progress.share * 100).rounded()))% of the path completed; the cohort median is "
                        + "\(Int((median * 100).rounded()))%"
                }
            }
            return TraineeRow(
                userId: trainee.userID, username: trainee.username, displayName: trainee.displayName,
                graded: trainee.graded, lastActivity: trainee.lastActivity?.text, automationBias: bias, path: progress,
                behind: behind, reason: reason)
        }
        behindRule = Self.behindRule
    }

    static func overlap(_ path: LearningPath, _ played: [String: Int]) -> Int {
        Set(path.modules.flatMap(\.scenarios)).reduce(0) { $0 + (played[$1] ?? 0) }
    }

    static func progress(on path: LearningPath, _ completed: Set<String>) -> PathProgress {
        let scenarios = Set(path.modules.flatMap(\.scenarios))
        let done = scenarios.intersection(completed).count
        let next = path.modules.first { !Set($0.scenarios).isSubset(of: completed) }
        return PathProgress(
            completedScenarios: done, totalScenarios: scenarios.count,
            share: scenarios.isEmpty ? 0 : MasteryReport.rounded(Double(done) / Double(scenarios.count)),
            nextModule: next?.id, nextModuleTitle: next?.title)
    }
}
