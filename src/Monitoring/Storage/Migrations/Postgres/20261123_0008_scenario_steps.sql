-- The steps of each scenario run, keyed by the run id of its probe result (no foreign key: steps are written by the
-- run itself, before its probe result, and both are deleted by the same retention cutoff).
CREATE TABLE scenario_step_results (
    run_id        uuid             NOT NULL,
    step_index    integer          NOT NULL,
    scenario_id   text             NOT NULL,
    started_at    timestamptz      NOT NULL,
    step_id       text             NOT NULL,
    step_name     text             NOT NULL,
    outcome       text             NOT NULL CHECK (outcome IN ('pass', 'degraded', 'fail', 'skipped')),
    status_code   integer          NULL,
    offset_ms     double precision NOT NULL,
    duration_ms   double precision NOT NULL,
    failure_class text             NOT NULL DEFAULT 'none',
    message       text             NOT NULL,
    excerpt       text             NULL,
    PRIMARY KEY (run_id, step_index)
);

-- "The latest run of a scenario" and retention by start time.
CREATE INDEX ix_scenario_step_results_scenario_started ON scenario_step_results (scenario_id, started_at);
CREATE INDEX ix_scenario_step_results_started ON scenario_step_results (started_at);
