-- The data-quality work list: one row per (rule, entity, key) that has ever failed, with its workflow state
-- (open, acknowledged, ignored, resolved) and the latest evidence. Resolved rows are kept so that a regression is
-- counted (reopen_count) rather than opened as new. Timestamps are Unix milliseconds.
CREATE TABLE quality_findings (
    rule_id         TEXT    NOT NULL,
    entity          TEXT    NOT NULL,
    entity_key      TEXT    NOT NULL,
    status          TEXT    NOT NULL,  -- open | acknowledged | ignored | resolved
    severity        TEXT    NOT NULL,  -- info | minor | major | blocker
    dimension       TEXT    NOT NULL,
    field           TEXT    NULL,
    value           TEXT    NULL,
    message         TEXT    NOT NULL,
    fix             TEXT    NULL,
    team            TEXT    NULL,
    priority        REAL    NOT NULL DEFAULT 0,
    fingerprint     TEXT    NOT NULL,
    first_seen_at   INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL,
    resolved_at     INTEGER NULL,
    reopen_count    INTEGER NOT NULL DEFAULT 0,
    acknowledged_by TEXT    NULL,
    ignore_reason   TEXT    NULL,
    ignored_until   INTEGER NULL,
    PRIMARY KEY (rule_id, entity, entity_key)
);
-- The work list reads the unresolved rows by priority; resolved ones pile up and are only read by the scan.
CREATE INDEX ix_quality_findings_unresolved ON quality_findings (status, priority DESC) WHERE status <> 'resolved';

-- One row per day and domain (catalogue, customers, media): the day's last scan's score, for the history chart.
-- day is yyyy-MM-dd (UTC) text on both backends, so that one SQL text reads and sorts it.
CREATE TABLE quality_scores (
    day           TEXT    NOT NULL,
    domain        TEXT    NOT NULL,
    score         REAL    NOT NULL,
    grade         TEXT    NOT NULL,
    records       INTEGER NOT NULL,
    grades        TEXT    NOT NULL,  -- JSON: records per grade, {"A": 12, "B": 3, ...}
    blocker_share REAL    NOT NULL,
    computed_at   INTEGER NOT NULL,
    PRIMARY KEY (day, domain)
);
