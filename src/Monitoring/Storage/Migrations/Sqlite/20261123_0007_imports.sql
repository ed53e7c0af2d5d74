-- One row per import of a source (a file, an API batch, a pull): what it read and what it did with it.
CREATE TABLE import_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source      TEXT    NOT NULL,
    origin      TEXT    NOT NULL,  -- the file, "api" or "pull"
    started_at  INTEGER NOT NULL,
    finished_at INTEGER NULL,
    status      TEXT    NOT NULL,  -- running | succeeded | failed
    read_rows   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    report      TEXT    NULL,      -- JSON counts per entity: read, inserted, updated, unchanged, rejected
    error       TEXT    NULL
);
CREATE INDEX ix_import_runs_source_started ON import_runs (source, started_at DESC);

-- Rows a source could not map, kept with where they came from and why, until they are fixed and re-imported.
-- One row per (source, origin, line): importing the same file again does not add them twice.
CREATE TABLE quarantine (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    source         TEXT    NOT NULL,
    origin         TEXT    NOT NULL,
    line           INTEGER NOT NULL,
    entity         TEXT    NULL,
    reason         TEXT    NOT NULL,
    raw            TEXT    NOT NULL,  -- JSON: the row's values by column name
    run_id         INTEGER NOT NULL,
    quarantined_at INTEGER NOT NULL,
    UNIQUE (source, origin, line)
);
CREATE INDEX ix_quarantine_quarantined_at ON quarantine (quarantined_at DESC, id DESC);

-- How far an incremental pull has read, per source and entity.
CREATE TABLE source_watermarks (
    source     TEXT    NOT NULL,
    entity     TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (source, entity)
);
