-- API keys: only the SHA-256 of a key is stored; the key itself is shown once.
CREATE TABLE api_keys (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text        NOT NULL,
    scope        text        NOT NULL,  -- read | ingest
    key_hash     text        NOT NULL UNIQUE,
    hint         text        NOT NULL,  -- the first characters, to tell keys apart
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    revoked_at   timestamptz NULL,
    revoked_by   text        NULL,
    last_used_at timestamptz NULL
);

-- Who did what, when: sign-ins, keys, acknowledgements. Append-only.
CREATE TABLE audit_log (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      timestamptz NOT NULL,
    actor   text        NOT NULL,
    action  text        NOT NULL,
    target  text        NULL,
    detail  text        NULL,
    address text        NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at DESC, id DESC);
