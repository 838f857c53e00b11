import Foundation

/// The one place where WardSim reads content from disk.
///
/// Everything else (validation, the library, the importer's checks) works on
/// `ContentFile` values, so it can be tested without files and cannot wander the disk.
/// A folder contributes the `*.json` files directly inside it (not `*.schema.json`), plus
/// `defaults/orderables.json` when present; a folder holding any curriculum file must
/// hold all three.
public enum ContentFiles {
    /// Larger files are refused: no content file comes near it, and a huge file is a mistake.
    public static let maximumFileSize = 4 << 20
    static let curriculumNames = ["competencies.json", "levels.json", "paths.json"]
    static let defaultsPath = "defaults/orderables.json"

    /// The files named by `paths` (files or folders, as a user typed them), and a problem
    /// for each path that cannot be read.
    public static func collect(_ paths: [String]) -> (files: [ContentFile], problems: [ValidationProblem]) {
        var files: [ContentFile] = []
        var problems: [ValidationProblem] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                problems.append(ValidationProblem(file: path, path: .root, message: "no such file or folder"))
                continue
            }
            let found = isFolder.boolValue ? folder(path) : file(path)
            files += found.files
            problems += found.problems
        }
        return (files, problems)
    }

    /// The content files of one folder.
    public static func folder(_ path: String) -> (files: [ContentFile], problems: [ValidationProblem]) {
        let base = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: base)
                .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") && !$0.hasPrefix(".") }
                .sorted()
        } catch {
            return (
                [], [ValidationProblem(file: base, path: .root, message: "cannot list the folder: \(describe(error))")]
            )
        }
        var files: [ContentFile] = []
        var problems: [ValidationProblem] = []
        var candidates = names.map { base + "/" + $0 }
        if FileManager.default.fileExists(atPath: base + "/" + defaultsPath) {
            candidates.append(base + "/" + defaultsPath)
        }
        for candidate in candidates {
            let found = file(candidate)
            files += found.files
            problems += found.problems
        }
        if names.contains(where: curriculumNames.contains) {
            for missing in curriculumNames where !names.contains(missing) {
                problems.append(
                    ValidationProblem(
                        file: base + "/" + missing, path: .root,
                        message: "file is missing (a curriculum needs competencies.json, levels.json and paths.json)"))
            }
        }
        if candidates.isEmpty {
            problems.append(
                ValidationProblem(file: base, path: .root, message: "no .json content files in this folder"))
        }
        return (files, problems)
    }

    /// One file, refused when it is too large or unreadable.
    public static func file(_ path: String) -> (files: [ContentFile], problems: [ValidationProblem]) {
        do {
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            guard size <= maximumFileSize else {
                let message = "file is \(size) bytes; content files are limited to \(maximumFileSize) bytes"
                return ([], [ValidationProblem(file: path, path: .root, message: message)])
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return ([ContentFile(name: path, data: data)], [])
        } catch {
            return (
                [], [ValidationProblem(file: path, path: .root, message: "cannot read the file: \(describe(error))")]
            )
        }
    }

    private static func describe(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
