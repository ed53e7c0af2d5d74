-- Report-style emails (weekly KPI report, monthly pack, KPI anomaly alerts, data-quality digests): one row per message
-- to one recipient, queued before it is sent and kept afterwards as the log of what went out.
CREATE TABLE mail_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL,  -- weekly-report | monthly-pack | kpi-anomaly | quality-digest
    dedup_key       text        NOT NULL,  -- e.g. 2026-W47: a message is queued once per kind, key and recipient
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    text_body       text        NOT NULL,
    html_body       text        NOT NULL,
    message_id      text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending',  -- pending | sent
    created_at      timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text        NULL,
    claimed_by      text        NULL,
    claimed_until   timestamptz NULL,
    sent_at         timestamptz NULL
);
CREATE UNIQUE INDEX ux_mail_outbox_message ON mail_outbox (kind, dedup_key, recipient);
CREATE INDEX ix_mail_outbox_pending ON mail_outbox (due_at, id) WHERE status = 'pending';

-- The inline pictures of a message (ScottPlot PNGs), in the order its HTML shows them.
CREATE TABLE mail_outbox_images (
    mail_id    bigint  NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    content_id text    NOT NULL,
    file_name  text    NOT NULL,
    png        bytea   NOT NULL,
    PRIMARY KEY (mail_id, position)
);
