/// The three curriculum files of `Curriculum/README.md`, field by field.
extension Shape {
    static let competencies = Shape.object([
        .required(
            "competencies",
            .list(
                .object([
                    .required("id", .slug),
                    .required("family", .oneOf(Competency.Family.self)),
                    .required("name", .text),
                    .required("description", .text),
                    .required("behaviours", .list(.text, atLeast: 3, atMost: 5)),
                    .optional("domain", .text),
                ]), atLeast: 1))
    ])

    static let levels = Shape.object([
        .required(
            "levels",
            .list(
                .object([
                    .required("id", .slug),
                    .required("name", .text),
                    .required("minMastery", .number(.fraction)),
                    .required("minEvidence", .number(NumberRange(minimum: 0, wholeNumber: true))),
                    .required("description", .text),
                ]), atLeast: 1)),
        .required(
            "model",
            .object([
                .required("name", .string(.oneOf(["beta-binomial"]))),
                .required("priorAlpha", .number(.positive)),
                .required("priorBeta", .number(.positive)),
                .required("halfLifeEncounters", .number(.positive)),
                .required("description", .text),
            ])),
    ])

    static let paths = Shape.object([
        .required(
            "paths",
            .list(
                .object([
                    .required("id", .slug),
                    .required("title", .text),
                    .required("audience", .text),
                    .required("description", .text),
                    .required(
                        "modules",
                        .list(
                            .object([
                                .required("id", .slug),
                                .required("title", .text),
                                .required("scenarios", .list(.slug, atLeast: 1, unique: true)),
                                .required("prerequisites", .list(.slug, unique: true)),
                            ]), atLeast: 1)),
                ]), atLeast: 1))
    ])

    /// The default orderables table, `Scenarios/defaults/orderables.json`.
    static let orderableDefaults = Shape.object([
        .required(
            "items",
            .list(
                .object([
                    .required("id", .slug),
                    .required("label", .text),
                    .required("kind", .oneOf(OrderableDefaults.Kind.self)),
                    .required("category", .text),
                    .required("result", .text),
                    .required("minutes", .integer(atLeast: 0)),
                    .required("cost", .number(.nonNegative)),
                ]), atLeast: 1))
    ])
}
