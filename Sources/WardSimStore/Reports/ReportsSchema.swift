extension Schema {
    /// The reports migration: the xAPI ledger and an index for exports in grading order.
    ///
    /// - `xapi_sent_statements` remembers every statement an LRS has acknowledged, per
    ///   LRS endpoint, so a push that is interrupted and run again sends only what is
    ///   missing: a statement is never sent twice to the same LRS once it was accepted.
    /// - `grades_graded_at` lets the attempts export walk grades in time order (and
    ///   start at `--since`) without sorting 100,000 rows first.
    static let reports = """
        CREATE TABLE xapi_sent_statements (
            endpoint TEXT NOT NULL,
            statement_id TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (endpoint, statement_id)
        ) WITHOUT ROWID;
        CREATE INDEX grades_graded_at ON grades(graded_at, encounter_id);
        """
}
