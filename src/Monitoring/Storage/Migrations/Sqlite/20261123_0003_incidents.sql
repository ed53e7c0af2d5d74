-- Check states (one row per check), incidents, and hourly availability rollups.
CREATE TABLE check_states (
    check_id              TEXT    NOT NULL PRIMARY KEY,
    status                TEXT    NOT NULL,
    since                 INTEGER NOT NULL,
    consecutive_failures  INTEGER NOT NULL,
    consecutive_successes INTEGER NOT NULL,
    first_failure_at      INTEGER NULL,
    last_evaluated_at     INTEGER NULL,
    transitions           TEXT    NOT NULL DEFAULT '',
    in_maintenance        INTEGER NOT NULL DEFAULT 0,
    flapping              INTEGER NOT NULL DEFAULT 0,
    alert_held_back       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE incidents (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    check_id          TEXT    NOT NULL,
    failure_class     TEXT    NOT NULL,
    first_message     TEXT    NOT NULL,
    last_message      TEXT    NOT NULL,
    first_failure_at  INTEGER NOT NULL,
    detected_at       INTEGER NOT NULL,
    notified_at       INTEGER NULL,
    acknowledged_at   INTEGER NULL,
    acknowledged_by   TEXT    NULL,
    resolved_at       INTEGER NULL,
    held_back_because TEXT    NULL
);
CREATE INDEX ix_incidents_check_detected ON incidents (check_id, detected_at);
-- At most one open incident per check, whatever races between instances.
CREATE UNIQUE INDEX ux_incidents_open_per_check ON incidents (check_id) WHERE resolved_at IS NULL;

CREATE TABLE availability_hourly (
    check_id       TEXT    NOT NULL,
    hour_start     INTEGER NOT NULL,
    up_ms          REAL    NOT NULL DEFAULT 0,
    degraded_ms    REAL    NOT NULL DEFAULT 0,
    down_ms        REAL    NOT NULL DEFAULT 0,
    maintenance_ms REAL    NOT NULL DEFAULT 0,
    unknown_ms     REAL    NOT NULL DEFAULT 0,
    PRIMARY KEY (check_id, hour_start)
);
