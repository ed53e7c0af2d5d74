-- One row per import of a source (a file, an API batch, a pull): what it read and what it did with it.
CREATE TABLE import_runs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      text        NOT NULL,
    origin      text        NOT NULL,  -- the file, "api" or "pull"
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NULL,
    status      text        NOT NULL,  -- running | succeeded | failed
    read_rows   bigint      NOT NULL DEFAULT 0,
    rejected    bigint      NOT NULL DEFAULT 0,
    report      jsonb       NULL,      -- counts per entity: read, inserted, updated, unchanged, rejected
    error       text        NULL
);
CREATE INDEX ix_import_runs_source_started ON import_runs (source, started_at DESC);

-- Rows a source could not map, kept with where they came from and why, until they are fixed and re-imported.
-- One row per (source, origin, line): importing the same file again does not add them twice.
CREATE TABLE quarantine (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source         text        NOT NULL,
    origin         text        NOT NULL,
    line           bigint      NOT NULL,
    entity         text        NULL,
    reason         text        NOT NULL,
    raw            jsonb       NOT NULL,  -- the row's values by column name
    run_id         bigint      NOT NULL,
    quarantined_at timestamptz NOT NULL,
    UNIQUE (source, origin, line)
);
CREATE INDEX ix_quarantine_quarantined_at ON quarantine (quarantined_at DESC, id DESC);

-- How far an incremental pull has read, per source and entity.
CREATE TABLE source_watermarks (
    source     text        NOT NULL,
    entity     text        NOT NULL,
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (source, entity)
);
