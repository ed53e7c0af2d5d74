-- Results gain the degraded outcome, a failure class, phase durations and the certificate expiry.
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt and its rows copied.
CREATE TABLE probe_results_v2 (
    run_id          TEXT    NOT NULL PRIMARY KEY,
    probe_id        TEXT    NOT NULL,
    started_at      INTEGER NOT NULL,
    duration_ms     REAL    NOT NULL,
    outcome         TEXT    NOT NULL CHECK (outcome IN ('pass', 'degraded', 'fail')),
    status_code     INTEGER NULL,
    message         TEXT    NOT NULL,
    failure_class   TEXT    NOT NULL DEFAULT 'none',
    resolve_ms      REAL    NULL,
    connect_ms      REAL    NULL,
    tls_ms          REAL    NULL,
    processing_ms   REAL    NULL,
    transfer_ms     REAL    NULL,
    cert_expires_at INTEGER NULL
);

INSERT INTO probe_results_v2 (run_id, probe_id, started_at, duration_ms, outcome, status_code, message, failure_class)
SELECT run_id, probe_id, started_at, duration_ms, outcome, status_code, message,
       CASE WHEN outcome = 'fail' THEN 'probe_error' ELSE 'none' END
FROM probe_results;

DROP TABLE probe_results;
ALTER TABLE probe_results_v2 RENAME TO probe_results;
CREATE INDEX ix_probe_results_probe_started ON probe_results (probe_id, started_at);
