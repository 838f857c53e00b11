import Foundation
import Testing

@testable import WardSimCore

@Suite("Content files") struct ContentFilesTests {
    @Test func aFolderContributesItsJSONFilesAndTheDefaultTable() throws {
        let folder = try TemporaryFolder()
        for name in [
            "b.json", "a.json", "scenario.schema.json", ".hidden.json", "notes.txt", "defaults/orderables.json",
        ] {
            try folder.write(name, "{}")
        }
        let found = ContentFiles.folder(folder.path + "/")
        #expect(
            found.files.map(\.name) == ["a.json", "b.json", "defaults/orderables.json"].map { folder.path + "/" + $0 })
        #expect(found.problems.isEmpty)
    }

    @Test func aCurriculumFolderNeedsAllThreeFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("competencies.json", "{}")
        let found = ContentFiles.folder(folder.path)
        #expect(
            found.problems.map(\.description)
                == ["levels.json", "paths.json"].map {
                    "\(folder.path)/\($0): $: file is missing (a curriculum needs competencies.json, levels.json and paths.json)"
                })
    }

    @Test func reportsWhatCannotBeRead() throws {
        let folder = try TemporaryFolder()
        try folder.write("big.json", Data(count: ContentFiles.maximumFileSize + 1))
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let found = ContentFiles.collect([
            folder.path + "/missing.json", folder.path + "/big.json", folder.path + "/empty",
        ])
        #expect(found.files.isEmpty)
        #expect(
            found.problems.map(\.description) == [
                "\(folder.path)/missing.json: $: no such file or folder",
                "\(folder.path)/big.json: $: file is \(ContentFiles.maximumFileSize + 1) bytes; content files are limited to "
                    + "\(ContentFiles.maximumFileSize) bytes",
                "\(folder.path)/empty: $: no .json content files in this folder",
            ])
    }
}
