/// Picks the trainee's next scenario on a learning path: one that exercises their weakest
/// competency, in a module whose prerequisites they have completed, that they have not done.
///
/// A module is complete when every scenario of it that the library holds has been
/// submitted. Among the scenarios the trainee may take, the weakest competency is the one
/// with the lowest mastery (then least evidence); the scenario chosen is the one that
/// weighs that competency most in its rubric, earliest on the path when tied.
public struct NextScenarioRecommender: Sendable {
    /// The suggestion and why.
    public struct Recommendation: Codable, Sendable, Equatable {
        public var pathId: String
        public var moduleId: String
        public var scenarioId: String
        /// The competency the scenario was chosen for.
        public var targetCompetency: String
        public var reason: String
    }

    public let curriculum: Curriculum
    /// Published scenarios by id.
    let library: [String: Scenario]

    public init(curriculum: Curriculum, scenarios: [Scenario]) {
        self.curriculum = curriculum
        self.library = Dictionary(
            scenarios.filter { $0.status == .published }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The next scenario on `pathID` for `progress`, or nil when the path is done (or unknown).
    public func recommend(pathID: String, progress: TraineeProgress) -> Recommendation? {
        guard let path = curriculum.paths.first(where: { $0.id == pathID }) else { return nil }
        let done = Set(progress.completedScenarioIds)
        func complete(_ module: LearningPath.Module) -> Bool {
            module.scenarios.allSatisfy { library[$0] == nil || done.contains($0) }
        }
        let completed = Set(path.modules.filter(complete).map(\.id))
        let open = path.modules.filter { !completed.contains($0.id) && Set($0.prerequisites).isSubset(of: completed) }
        let candidates: [(module: LearningPath.Module, scenario: Scenario)] = open.flatMap { module in
            module.scenarios.compactMap { id in
                guard !done.contains(id), let scenario = library[id] else { return nil }
                return (module, scenario)
            }
        }
        guard !candidates.isEmpty else { return nil }

        let model = MasteryModel(parameters: curriculum.model)
        let exercised = Set(candidates.flatMap(\.scenario.competencies))
        let ranked = exercised.sorted { a, b in
            let ea = progress.estimate(a, model: model)
            let eb = progress.estimate(b, model: model)
            return (ea.mastery, ea.evidence, a) < (eb.mastery, eb.evidence, b)
        }
        guard let weakest = ranked.first else { return nil }
        let best = candidates.enumerated().filter { $0.element.scenario.competencies.contains(weakest) }.max { x, y in
            let wx = x.element.scenario.rubric.weights[weakest] ?? 1
            let wy = y.element.scenario.rubric.weights[weakest] ?? 1
            return (wx, -x.offset) < (wy, -y.offset)
        }!.element
        let estimate = progress.estimate(weakest, model: model)
        let name = curriculum.competency(weakest)?.name ?? weakest
        let reason =
            estimate.evidence == 0
            ? "\(best.scenario.title) exercises \(name), which you have not been graded on yet."
            : "\(best.scenario.title) exercises \(name), your weakest competency on this path "
                + "(mastery \(Int((estimate.mastery * 100).rounded()))%)."
        return Recommendation(
            pathId: path.id, moduleId: best.module.id, scenarioId: best.scenario.id, targetCompetency: weakest,
            reason: reason)
    }
}
