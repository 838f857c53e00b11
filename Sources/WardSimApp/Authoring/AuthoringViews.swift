import Foundation
import WardSimCore
import WardSimStore

/// One version of a scenario in a list (no document).
struct VersionSummaryView: Encodable, Sendable {
    var version: Int
    var status: String
    var source: String
    var title: String
    /// The author's username; null for shipped library versions.
    var createdBy: String?
    var createdAt: Date

    init(_ listing: ScenarioVersionListing) {
        version = listing.version
        status = listing.status
        source = listing.source
        title = listing.title
        createdBy = listing.createdBy
        createdAt = listing.createdAt
    }
}

/// A scenario as the authoring list shows it: its newest version, the version trainees
/// are offered (if any), and every version.
struct ScenarioSummaryView: Encodable, Sendable {
    var id: String
    /// The newest version's title.
    var title: String
    /// The newest version's number, status and source.
    var version: Int
    var status: String
    var source: String
    /// The version trainees start now; null when the scenario is not offered.
    var publishedVersion: Int?
    /// Whether the newest version is newer than the published one (or nothing is published).
    var hasUnpublishedChanges: Bool
    var updatedAt: Date
    /// Oldest first.
    var versions: [VersionSummaryView]

    /// `versions` must be one scenario's, oldest first, and not empty.
    init(versions listings: [ScenarioVersionListing]) {
        let latest = listings[listings.count - 1]
        id = latest.scenarioID
        title = latest.title
        version = latest.version
        status = latest.status
        source = latest.source
        publishedVersion = listings.last { $0.status == ScenarioVersioning.Status.published.rawValue }?.version
        hasUnpublishedChanges = publishedVersion.map { $0 < latest.version } ?? true
        updatedAt = latest.createdAt
        versions = listings.map(VersionSummaryView.init)
    }
}

/// One stored version with its document, both as JSON (`document`) and as the file
/// text `export` produces (`text`, fields in the documented order).
struct VersionView: Encodable, Sendable {
    var scenarioId: String
    var version: Int
    var status: String
    var source: String
    var createdBy: String?
    var createdAt: Date
    var document: JSONValue
    var text: String

    /// A version whose document cannot be decoded (written by hand into the database)
    /// is shown as stored.
    init(_ stored: StoredScenarioVersion, createdBy: String?) {
        scenarioId = stored.scenarioID
        version = stored.version
        status = stored.status
        source = stored.source
        self.createdBy = createdBy
        createdAt = stored.createdAt
        text = Self.fileText(stored) ?? String(decoding: stored.document, as: UTF8.self)
        document = (try? JSONParser.parse(Data(text.utf8))) ?? JSONValue(.object([]))
    }

    /// The version as a scenario file: the same text for the same document, whichever
    /// way it was stored (library versions are stored compactly).
    static func fileText(_ stored: StoredScenarioVersion) -> String? {
        guard let scenario = try? JSONDecoder().decode(Scenario.self, from: stored.document) else { return nil }
        return try? ScenarioDocument.text(for: scenario)
    }
}

/// `GET /api/authoring/scenarios/{id}`: the scenario's summary and its newest version.
struct ScenarioDetailView: Encodable, Sendable {
    var summary: ScenarioSummaryView
    var latest: VersionView

    private enum Keys: String, CodingKey { case latest }

    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(latest, forKey: .latest)
    }
}

/// What saving, publishing or importing produced.
struct SavedVersionView: Encodable, Sendable {
    var scenario: ScenarioSummaryView
    var version: VersionView
}

/// `POST /api/authoring/validate`.
struct ValidationView: Encodable, Sendable {
    var valid: Bool
    /// What stops the document being saved.
    var problems: [ProblemView]
    /// What would stop it being published (beyond `problems`).
    var publishProblems: [ProblemView]
}
