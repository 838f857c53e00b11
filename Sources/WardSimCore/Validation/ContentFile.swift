public import Foundation

/// The bytes of one content file and the name to show in problems.
///
/// Validation works on these values rather than on paths so that it does no I/O of its
/// own: `ContentFiles` reads the disk in one place, tests pass bytes directly.
public struct ContentFile: Sendable {
    /// As the user named it, e.g. `Scenarios/chest-pain.json`.
    public var name: String
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }

    public init(name: String, text: String) {
        self.init(name: name, data: Data(text.utf8))
    }
}
