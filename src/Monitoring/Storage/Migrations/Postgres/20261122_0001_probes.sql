-- Probe definitions (mirrored from checks/ at start-up) and the results of their runs.
CREATE TABLE probes (
    id            text        NOT NULL PRIMARY KEY,
    name          text        NOT NULL,
    kind          text        NOT NULL,
    target        text        NOT NULL,
    interval_ms   bigint      NOT NULL,
    timeout_ms    bigint      NOT NULL,
    team          text        NULL,
    source        text        NOT NULL,
    settings_json jsonb       NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    updated_at    timestamptz NOT NULL
);

CREATE TABLE probe_results (
    run_id      uuid             NOT NULL PRIMARY KEY,
    probe_id    text             NOT NULL,
    started_at  timestamptz      NOT NULL,
    duration_ms double precision NOT NULL,
    outcome     text             NOT NULL CHECK (outcome IN ('pass', 'fail')),
    status_code integer          NULL,
    message     text             NOT NULL
);

-- Every read is "one probe over a time range" or "the latest run of each probe".
CREATE INDEX ix_probe_results_probe_started ON probe_results (probe_id, started_at);
