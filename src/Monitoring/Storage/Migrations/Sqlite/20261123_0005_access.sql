-- API keys: only the SHA-256 of a key is stored; the key itself is shown once. Times are Unix milliseconds.
CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT    NOT NULL,
    scope        TEXT    NOT NULL,  -- read | ingest
    key_hash     TEXT    NOT NULL UNIQUE,
    hint         TEXT    NOT NULL,  -- the first characters, to tell keys apart
    created_at   INTEGER NOT NULL,
    created_by   TEXT    NOT NULL,
    revoked_at   INTEGER NULL,
    revoked_by   TEXT    NULL,
    last_used_at INTEGER NULL
);

-- Who did what, when: sign-ins, keys, acknowledgements. Append-only.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    target  TEXT    NULL,
    detail  TEXT    NULL,
    address TEXT    NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at DESC, id DESC);
