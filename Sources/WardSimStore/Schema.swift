extension Migrator {
    /// WardSim's schema, migration by migration. Append; never edit a released one.
    public static let wardSim = Migrator([
        Migration(version: 1, name: "foundation", sql: Schema.foundation),
        Migration(version: 2, name: "accounts", sql: Schema.accounts),
        Migration(version: 3, name: "reports", sql: Schema.reports),
    ])
}

/// The SQL of each migration.
enum Schema {
    static let foundation = """
        CREATE TABLE cohorts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('trainee', 'instructor', 'admin')),
            cohort_id INTEGER REFERENCES cohorts(id),
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE instructor_cohorts (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            cohort_id INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
            PRIMARY KEY (user_id, cohort_id)
        );
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            created_at REAL NOT NULL,
            last_seen_at REAL NOT NULL
        );
        CREATE INDEX sessions_user ON sessions(user_id);
        CREATE TABLE setup_tokens (
            token_hash TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            used_at TEXT
        );
        CREATE TABLE login_throttle (
            key TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            locked_until REAL NOT NULL
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor_id INTEGER,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT '',
            remote TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX audit_log_at ON audit_log(at);
        CREATE TABLE scenario_versions (
            id INTEGER PRIMARY KEY,
            scenario_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
            source TEXT NOT NULL CHECK (source IN ('library', 'authored', 'imported')),
            document TEXT NOT NULL,
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            UNIQUE (scenario_id, version)
        );
        CREATE TABLE encounters (
            id TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            scenario_version_id INTEGER NOT NULL REFERENCES scenario_versions(id),
            state TEXT NOT NULL,
            practice INTEGER NOT NULL DEFAULT 0,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            submitted_at TEXT
        );
        CREATE INDEX encounters_user ON encounters(user_id, started_at);
        CREATE TABLE encounter_events (
            encounter_id TEXT NOT NULL REFERENCES encounters(id),
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            type TEXT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (encounter_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE grades (
            encounter_id TEXT PRIMARY KEY REFERENCES encounters(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            overall REAL NOT NULL,
            report TEXT NOT NULL,
            graded_at TEXT NOT NULL
        );
        CREATE TABLE competency_scores (
            encounter_id TEXT NOT NULL REFERENCES encounters(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            competency_id TEXT NOT NULL,
            score REAL NOT NULL,
            weight REAL NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (encounter_id, competency_id)
        );
        CREATE INDEX competency_scores_user ON competency_scores(user_id, competency_id, at);
        CREATE TABLE drafts (
            encounter_id TEXT NOT NULL REFERENCES encounters(id),
            field TEXT NOT NULL,
            text TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (encounter_id, field)
        );
        CREATE TABLE feedback (
            encounter_id TEXT PRIMARY KEY REFERENCES encounters(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
            comment TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        );
        """

    /// Version 2: what accounts and sign-in need beyond the foundation.
    ///
    /// - `sessions` is rebuilt without `csrf_token`: the CSRF token is now derived from
    ///   the session token (which only the client holds), so no usable secret is stored.
    ///   Sessions from version 1 are dropped, which signs everybody out once.
    /// - `login_throttle.last_failure_at` lets old failures be forgotten.
    /// - `users.last_login_at` for administrators; indexes for cohort look-ups.
    static let accounts = """
        DROP TABLE sessions;
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at REAL NOT NULL,
            last_seen_at REAL NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX sessions_user ON sessions(user_id);
        ALTER TABLE login_throttle ADD COLUMN last_failure_at REAL NOT NULL DEFAULT 0;
        ALTER TABLE users ADD COLUMN last_login_at TEXT;
        CREATE INDEX users_cohort ON users(cohort_id);
        CREATE INDEX instructor_cohorts_cohort ON instructor_cohorts(cohort_id);
        """
}
