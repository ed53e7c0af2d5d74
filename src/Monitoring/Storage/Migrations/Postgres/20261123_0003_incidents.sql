-- Check states (one row per check), incidents, and hourly availability rollups.
CREATE TABLE check_states (
    check_id              text        NOT NULL PRIMARY KEY,
    status                text        NOT NULL,
    since                 timestamptz NOT NULL,
    consecutive_failures  integer     NOT NULL,
    consecutive_successes integer     NOT NULL,
    first_failure_at      timestamptz NULL,
    last_evaluated_at     timestamptz NULL,
    transitions           text        NOT NULL DEFAULT '',
    in_maintenance        boolean     NOT NULL DEFAULT false,
    flapping              boolean     NOT NULL DEFAULT false,
    alert_held_back       boolean     NOT NULL DEFAULT false
);

CREATE TABLE incidents (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    check_id          text        NOT NULL,
    failure_class     text        NOT NULL,
    first_message     text        NOT NULL,
    last_message      text        NOT NULL,
    first_failure_at  timestamptz NOT NULL,
    detected_at       timestamptz NOT NULL,
    notified_at       timestamptz NULL,
    acknowledged_at   timestamptz NULL,
    acknowledged_by   text        NULL,
    resolved_at       timestamptz NULL,
    held_back_because text        NULL
);
CREATE INDEX ix_incidents_check_detected ON incidents (check_id, detected_at);
-- At most one open incident per check, whatever races between instances.
CREATE UNIQUE INDEX ux_incidents_open_per_check ON incidents (check_id) WHERE resolved_at IS NULL;

CREATE TABLE availability_hourly (
    check_id       text             NOT NULL,
    hour_start     timestamptz      NOT NULL,
    up_ms          double precision NOT NULL DEFAULT 0,
    degraded_ms    double precision NOT NULL DEFAULT 0,
    down_ms        double precision NOT NULL DEFAULT 0,
    maintenance_ms double precision NOT NULL DEFAULT 0,
    unknown_ms     double precision NOT NULL DEFAULT 0,
    PRIMARY KEY (check_id, hour_start)
);
