-- Report-style emails (weekly KPI report, monthly pack, KPI anomaly alerts, data-quality digests): one row per message
-- to one recipient, queued before it is sent and kept afterwards as the log of what went out. Times are Unix ms.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT    NOT NULL,  -- weekly-report | monthly-pack | kpi-anomaly | quality-digest
    dedup_key       TEXT    NOT NULL,  -- e.g. 2026-W47: a message is queued once per kind, key and recipient
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    text_body       TEXT    NOT NULL,
    html_body       TEXT    NOT NULL,
    message_id      TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending',  -- pending | sent
    created_at      INTEGER NOT NULL,
    due_at          INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT    NULL,
    claimed_by      TEXT    NULL,
    claimed_until   INTEGER NULL,
    sent_at         INTEGER NULL
);
CREATE UNIQUE INDEX ux_mail_outbox_message ON mail_outbox (kind, dedup_key, recipient);
CREATE INDEX ix_mail_outbox_pending ON mail_outbox (due_at, id) WHERE status = 'pending';

-- The inline pictures of a message (ScottPlot PNGs), in the order its HTML shows them.
CREATE TABLE mail_outbox_images (
    mail_id    INTEGER NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    content_id TEXT    NOT NULL,
    file_name  TEXT    NOT NULL,
    png        BLOB    NOT NULL,
    PRIMARY KEY (mail_id, position)
);
