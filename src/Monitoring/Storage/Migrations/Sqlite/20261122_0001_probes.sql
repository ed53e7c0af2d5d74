-- Probe definitions (mirrored from checks/ at start-up) and the results of their runs.
-- Timestamps are Unix milliseconds (UTC): SQLite has no timestamp type, and integers compare and index well.
CREATE TABLE probes (
    id            TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    target        TEXT    NOT NULL,
    interval_ms   INTEGER NOT NULL,
    timeout_ms    INTEGER NOT NULL,
    team          TEXT    NULL,
    source        TEXT    NOT NULL,
    settings_json TEXT    NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE probe_results (
    run_id      TEXT    NOT NULL PRIMARY KEY,
    probe_id    TEXT    NOT NULL,
    started_at  INTEGER NOT NULL,
    duration_ms REAL    NOT NULL,
    outcome     TEXT    NOT NULL CHECK (outcome IN ('pass', 'fail')),
    status_code INTEGER NULL,
    message     TEXT    NOT NULL
);

-- Every read is "one probe over a time range" or "the latest run of each probe".
CREATE INDEX ix_probe_results_probe_started ON probe_results (probe_id, started_at);
