/// The scenario format of `Scenarios/README.md`, field by field and in the documented
/// order (the order the importer writes). Enumerations come from the Swift model, so the
/// code and the validator cannot disagree about the allowed values.
extension Shape {
    static let scenario = Shape.object([
        .required("id", .string(.slug(maxLength: 64))),
        .required("title", .text),
        .required("version", .integer(atLeast: 1)),
        .required("status", .oneOf(Scenario.Status.self)),
        .required("useCase", .oneOf(Scenario.UseCase.self)),
        .required("setting", .text),
        .required("specialty", .text),
        .required("difficulty", .oneOf(Scenario.Difficulty.self)),
        .required("estimatedMinutes", .integer(5...120)),
        .required("competencies", .list(.slug, atLeast: 1, unique: true)),
        .required("learningObjectives", .list(.text, atLeast: 1)),
        .required("references", .list(reference, atLeast: 1)),
        .required("patient", patient),
        .required("facts", .list(fact, atLeast: 1)),
        .required("chart", chart),
        .required("exam", .list(orderable)),
        .required("investigations", .list(orderable)),
        .required("aiRecommendations", .list(recommendation)),
        .required("key", answerKey),
        .required(
            "rubric",
            .object([
                .required("weights", .dictionary(keys: .slug(maxLength: nil), values: .number(.positive), minCount: 1))
            ])),
        .required("debrief", .object([.required("teachingPoints", .list(.text, atLeast: 1))])),
    ])

    static let reference = Shape.object([
        .required("title", .text),
        .required("url", .string(.httpsURL)),
    ])

    static let patient = Shape.object([
        .required("name", .text),
        .required("age", .integer(0...120)),
        .optional("ageMonths", .integer(0...35)),
        .required("sex", .oneOf(Patient.Sex.self)),
        .required(
            "speaker",
            .object([
                .required("role", .oneOf(Patient.Speaker.Role.self)),
                .optional("name", .text),
                .optional("relationship", .text),
            ])),
        .required(
            "persona",
            .object([
                .required("demeanour", .text),
                .required("healthLiteracy", .oneOf(Patient.Persona.HealthLiteracy.self)),
                .required("languageLevel", .text),
                .required("worries", .textList),
                .required("volunteering", .oneOf(Patient.Persona.Volunteering.self)),
            ])),
        .required("openingStatement", .text),
    ])

    static let fact = Shape.object([
        .required("id", .slug),
        .optional("subject", .text),
        .optional("aspect", .oneOf(Fact.Aspect.self)),
        .required("topics", .list(.text, atLeast: 1)),
        .required("answer", .text),
        .optional("variants", .textList),
        .required("critical", .boolean),
        .required("redFlag", .boolean),
    ])

    static let chart = Shape.object([
        .required("problems", .textList),
        .required(
            "medications",
            .list(
                .object([
                    .required("name", .text), .required("dose", .text), .required("route", .text),
                    .required("frequency", .text),
                ]))),
        .required(
            "allergies",
            .list(
                .object([
                    .required("substance", .text), .required("reaction", .text), .required("severity", .text),
                ]))),
        .required(
            "vitals",
            .list(
                .object([
                    .required("name", .text), .required("loinc", .string(.loinc)), .required("value", .text),
                    .required("unit", .text),
                ]))),
        .required(
            "results",
            .list(
                .object([
                    .required("name", .text), .required("value", .text), .required("unit", .string(.anyText)),
                    .required("date", .string(.isoDate)),
                ]))),
        .required(
            "notes",
            .list(
                .object([
                    .required("date", .string(.isoDate)), .required("author", .text), .required("text", .text),
                ]))),
    ])

    static let orderable = Shape.object([
        .required("id", .slug),
        .required("label", .text),
        .required("category", .text),
        .required("result", .text),
        .required("minutes", .integer(atLeast: 0)),
        .required("cost", .number(.nonNegative)),
        .required("needed", .boolean),
    ])

    static let recommendation = Shape.object([
        .required("id", .slug),
        .required("text", .text),
        .required("confidence", .number(.fraction)),
        .required("citations", .textList),
        .required("sound", .boolean),
        .required(
            "flaws",
            .list(
                .object([
                    .required("type", .oneOf(FlawType.self)),
                    .required("explanation", .text),
                ]))),
        .required(
            "outcomes",
            .object([
                .required("accept", .text), .required("modify", .text), .required("reject", .text),
            ])),
    ])

    static let namedTerm = Shape.object([
        .required("name", .text),
        .required("synonyms", .textList),
    ])

    static let matchItem = Shape.object([
        .required("id", .slug),
        .required("description", .text),
        .required("terms", .list(.text, atLeast: 1)),
    ])

    static let answerKey = Shape.object([
        .required(
            "diagnoses",
            .list(
                .object([
                    .required("name", .text),
                    .required("synonyms", .textList),
                    .required("icd10", .string(.icd10)),
                ]), atLeast: 1)),
        .required("differentials", .list(namedTerm)),
        .required("criticalFindings", .list(matchItem)),
        .required("redFlags", .list(.slug, unique: true)),
        .required(
            "aiDecisions",
            .list(
                .object([
                    .required("recommendationId", .slug),
                    .required("decision", .oneOf(Decision.self)),
                    .required("flaws", .list(.oneOf(FlawType.self), unique: true)),
                ]))),
        .required("management", .list(matchItem)),
    ])
}
