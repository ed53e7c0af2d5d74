-- A PNG of the page where a browser scenario's step failed, keyed like its step (no foreign key, as for the steps:
-- written by the run itself and deleted by the same retention cutoff). Apart from the steps so that reading steps
-- never drags images along.
CREATE TABLE scenario_step_screenshots (
    run_id      uuid        NOT NULL,
    step_index  integer     NOT NULL,
    scenario_id text        NOT NULL,
    started_at  timestamptz NOT NULL,
    png         bytea       NOT NULL,
    PRIMARY KEY (run_id, step_index)
);

-- "The latest screenshot of a scenario" and retention by start time.
CREATE INDEX ix_scenario_step_screenshots_scenario_started ON scenario_step_screenshots (scenario_id, started_at);
CREATE INDEX ix_scenario_step_screenshots_started ON scenario_step_screenshots (started_at);
