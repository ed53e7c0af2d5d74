-- The data-quality work list: one row per (rule, entity, key) that has ever failed, with its workflow state
-- (open, acknowledged, ignored, resolved) and the latest evidence. Resolved rows are kept so that a regression is
-- counted (reopen_count) rather than opened as new.
CREATE TABLE quality_findings (
    rule_id         text             NOT NULL,
    entity          text             NOT NULL,
    entity_key      text             NOT NULL,
    status          text             NOT NULL,  -- open | acknowledged | ignored | resolved
    severity        text             NOT NULL,  -- info | minor | major | blocker
    dimension       text             NOT NULL,
    field           text             NULL,
    value           text             NULL,
    message         text             NOT NULL,
    fix             text             NULL,
    team            text             NULL,
    priority        double precision NOT NULL DEFAULT 0,
    fingerprint     text             NOT NULL,
    first_seen_at   timestamptz      NOT NULL,
    last_seen_at    timestamptz      NOT NULL,
    resolved_at     timestamptz      NULL,
    reopen_count    integer          NOT NULL DEFAULT 0,
    acknowledged_by text             NULL,
    ignore_reason   text             NULL,
    ignored_until   timestamptz      NULL,
    PRIMARY KEY (rule_id, entity, entity_key)
);
-- The work list reads the unresolved rows by priority; resolved ones pile up and are only read by the scan.
CREATE INDEX ix_quality_findings_unresolved ON quality_findings (status, priority DESC) WHERE status <> 'resolved';

-- One row per day and domain (catalogue, customers, media): the day's last scan's score, for the history chart.
-- day is yyyy-MM-dd (UTC) text on both backends, so that one SQL text reads and sorts it.
CREATE TABLE quality_scores (
    day           text             NOT NULL,
    domain        text             NOT NULL,
    score         double precision NOT NULL,
    grade         text             NOT NULL,
    records       integer          NOT NULL,
    grades        jsonb            NOT NULL,  -- records per grade, {"A": 12, "B": 3, ...}
    blocker_share double precision NOT NULL,
    computed_at   timestamptz      NOT NULL,
    PRIMARY KEY (day, domain)
);
