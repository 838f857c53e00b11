import WardSimCore

/// Reads `Curriculum/` for `wardsim export`, which has no server (and so no loaded
/// library) behind it. The server uses the curriculum it validated at start.
///
/// Validation is WardSimCore's own (`ContentValidator`), so the export accepts exactly
/// the curricula the server does, with the same messages.
enum ReportCurriculum {
    static func load(folder: String) throws -> Curriculum {
        let found = ContentFiles.folder(folder)
        let report = ContentValidator().validate(found.files)
        let problems = found.problems + report.problems
        guard problems.isEmpty, let curriculum = report.curriculum else {
            throw LibraryError(
                problems: problems.isEmpty
                    ? [
                        ValidationProblem(
                            file: folder, path: .root,
                            message: "no curriculum (competencies.json, levels.json and paths.json) in this folder")
                    ] : problems)
        }
        return curriculum
    }
}
