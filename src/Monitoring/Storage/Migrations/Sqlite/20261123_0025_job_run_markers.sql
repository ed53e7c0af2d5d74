-- The system and import jobs running now, for the embedded setup (SQLite with Hangfire in memory): a process killed
-- in the middle of one leaves its row behind, and the next start runs that job again at once instead of at its next
-- schedule. (On PostgreSQL, Hangfire's own storage takes an abandoned job over: the table stays empty there.)
CREATE TABLE job_run_markers (
    job_id      TEXT NOT NULL PRIMARY KEY,   -- the recurring job's id: system:quality-scan, source:erp-orders …
    started_at  TEXT NOT NULL                -- ISO 8601, UTC
);
