-- The alert outbox: one row per message to one recipient, queued before it is sent and kept afterwards (it is also
-- the notification log that de-duplicates). Times are Unix milliseconds.
CREATE TABLE alert_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id     INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    check_id        TEXT    NOT NULL,
    channel         TEXT    NOT NULL,
    kind            TEXT    NOT NULL,  -- trigger | reminder | escalation | resolve
    dedup_key       TEXT    NOT NULL,  -- trigger | reminder:N | escalation | resolve
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    text_body       TEXT    NOT NULL,
    html_body       TEXT    NOT NULL,
    chart_png       BLOB    NULL,
    message_id      TEXT    NOT NULL,
    in_reply_to     TEXT    NULL,
    status          TEXT    NOT NULL DEFAULT 'pending',  -- pending | sent | cancelled
    created_at      INTEGER NOT NULL,
    due_at          INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT    NULL,
    cancel_reason   TEXT    NULL,
    claimed_by      TEXT    NULL,
    claimed_until   INTEGER NULL,
    sent_at         INTEGER NULL
);
-- A notification is queued once per incident, channel, key and recipient, whatever races between instances.
CREATE UNIQUE INDEX ux_alert_outbox_notification ON alert_outbox (incident_id, channel, dedup_key, recipient);
CREATE INDEX ix_alert_outbox_pending ON alert_outbox (channel, due_at, id) WHERE status = 'pending';

-- Values every instance must share, such as the key that signs acknowledgement links when none is configured.
CREATE TABLE alert_secrets (
    name       TEXT    NOT NULL PRIMARY KEY,
    value      TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
