public import Foundation

/// An event and when it happened: one row of the encounter's log.
///
/// Time comes from the caller (`EncounterMachine` takes `at:`), never from the clock
/// inside Core, so replaying and testing are deterministic.
public struct EncounterEntry: Codable, Sendable, Equatable {
    public var at: Date
    public var event: EncounterEvent

    public init(at: Date, event: EncounterEvent) {
        self.at = at
        self.event = event
    }
}
