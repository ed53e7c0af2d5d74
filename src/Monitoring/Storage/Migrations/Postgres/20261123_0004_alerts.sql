-- The alert outbox: one row per message to one recipient, queued before it is sent and kept afterwards (it is also
-- the notification log that de-duplicates).
CREATE TABLE alert_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id     bigint      NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    check_id        text        NOT NULL,
    channel         text        NOT NULL,
    kind            text        NOT NULL,  -- trigger | reminder | escalation | resolve
    dedup_key       text        NOT NULL,  -- trigger | reminder:N | escalation | resolve
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    text_body       text        NOT NULL,
    html_body       text        NOT NULL,
    chart_png       bytea       NULL,
    message_id      text        NOT NULL,
    in_reply_to     text        NULL,
    status          text        NOT NULL DEFAULT 'pending',  -- pending | sent | cancelled
    created_at      timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text        NULL,
    cancel_reason   text        NULL,
    claimed_by      text        NULL,
    claimed_until   timestamptz NULL,
    sent_at         timestamptz NULL
);
-- A notification is queued once per incident, channel, key and recipient, whatever races between instances.
CREATE UNIQUE INDEX ux_alert_outbox_notification ON alert_outbox (incident_id, channel, dedup_key, recipient);
CREATE INDEX ix_alert_outbox_pending ON alert_outbox (channel, due_at, id) WHERE status = 'pending';

-- Values every instance must share, such as the key that signs acknowledgement links when none is configured.
CREATE TABLE alert_secrets (
    name       text        NOT NULL PRIMARY KEY,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL
);
