import WardSimHTTP

/// The lifecycle of a scenario's versions, in one place.
///
/// - Every save (create, edit, import) inserts a new `draft` version; no stored version
///   is ever changed, so an encounter always replays against the document it was played on.
/// - Publishing freezes the latest version as a new `published` version with the next
///   number (its document says `"status": "published"`, so it is a different document).
///   The previously published version becomes `archived`: at most one version of a
///   scenario is offered to trainees at a time.
/// - Archiving moves the published version to `archived`: trainees no longer see the
///   scenario; encounters already played on it keep working.
enum ScenarioVersioning {
    enum Status: String, Sendable {
        case draft, published, archived
    }

    enum Source: String, Sendable {
        case library, authored, imported
    }

    /// The number a saved document gets: the one it carries when that is higher than any
    /// stored version (an author may skip numbers, an imported file keeps its own), else
    /// the next one. Nil latest: a new scenario.
    static func number(for documentVersion: Int, after latest: Int?) -> Int {
        guard let latest else { return documentVersion }
        return max(documentVersion, latest + 1)
    }

    /// An edit must start from the latest version: a document whose `version` is older
    /// was edited while someone else saved, and saving it would silently undo their work.
    static func checkNotStale(documentVersion: Int, latest: Int, scenarioID: String) throws {
        guard documentVersion >= latest else {
            throw HTTPError.conflict(
                "Version \(latest) of '\(scenarioID)' was saved after the version \(documentVersion) you edited. "
                    + "Reload it, then make your changes again (export yours first to keep them).")
        }
    }
}
