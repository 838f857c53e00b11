/// A trainee's automation-bias record across encounters: how often they followed unsound
/// advice and rejected sound advice, and how the AI moved their diagnosis.
///
/// Rates, not just counts: a trainee who rejects everything has no commission errors but a
/// high over-rejection rate, and the curriculum asks for trust that is calibrated both ways.
public struct AutomationBiasSummary: Codable, Sendable, Equatable {
    public var appraised = 0
    public var unsoundShown = 0
    /// Unsound recommendations accepted.
    public var commissions = 0
    public var soundShown = 0
    /// Sound recommendations rejected.
    public var overRejections = 0
    public var switchedCorrectToIncorrect = 0
    public var switchedIncorrectToCorrect = 0

    public init() {}

    /// Adds one encounter's measures.
    public mutating func add(_ bias: AutomationBias) {
        guard bias.appraised else { return }
        appraised += 1
        if bias.recommendationSound == true { soundShown += 1 } else { unsoundShown += 1 }
        if bias.commission { commissions += 1 }
        if bias.overRejection { overRejections += 1 }
        if bias.switchedCorrectToIncorrect { switchedCorrectToIncorrect += 1 }
        if bias.switchedIncorrectToCorrect { switchedIncorrectToCorrect += 1 }
    }

    /// Share of unsound recommendations accepted (nil before any was shown).
    public var commissionRate: Double? { unsoundShown == 0 ? nil : Double(commissions) / Double(unsoundShown) }

    /// Share of sound recommendations rejected (nil before any was shown).
    public var overRejectionRate: Double? { soundShown == 0 ? nil : Double(overRejections) / Double(soundShown) }
}
