-- The steps of each scenario run, keyed by the run id of its probe result (no foreign key: steps are written by the
-- run itself, before its probe result, and both are deleted by the same retention cutoff).
CREATE TABLE scenario_step_results (
    run_id        TEXT    NOT NULL,
    step_index    INTEGER NOT NULL,
    scenario_id   TEXT    NOT NULL,
    started_at    INTEGER NOT NULL,
    step_id       TEXT    NOT NULL,
    step_name     TEXT    NOT NULL,
    outcome       TEXT    NOT NULL CHECK (outcome IN ('pass', 'degraded', 'fail', 'skipped')),
    status_code   INTEGER NULL,
    offset_ms     REAL    NOT NULL,
    duration_ms   REAL    NOT NULL,
    failure_class TEXT    NOT NULL DEFAULT 'none',
    message       TEXT    NOT NULL,
    excerpt       TEXT    NULL,
    PRIMARY KEY (run_id, step_index)
);

-- "The latest run of a scenario" and retention by start time.
CREATE INDEX ix_scenario_step_results_scenario_started ON scenario_step_results (scenario_id, started_at);
CREATE INDEX ix_scenario_step_results_started ON scenario_step_results (started_at);
