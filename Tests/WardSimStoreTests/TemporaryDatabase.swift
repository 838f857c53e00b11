import Foundation
import WardSimStore

/// A migrated database in a fresh temporary folder, removed when released.
final class TemporaryDatabase {
    let directory: URL
    let pool: DatabasePool

    init(migrator: Migrator = .wardSim) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wardsim-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        pool = try DatabasePool(path: directory.appendingPathComponent("test.sqlite").path, migrator: migrator)
    }

    var path: String { directory.appendingPathComponent("test.sqlite").path }

    deinit { try? FileManager.default.removeItem(at: directory) }
}
