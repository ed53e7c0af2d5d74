-- Each record's quality score over time, for the record's page: a row is written only when the score, the grade or a
-- dimension score changed since the record's previous row, so a record that stays the same costs one row in total.
-- The latest row of a record is its current score. Timestamps are Unix milliseconds.
CREATE TABLE quality_record_history (
    entity      TEXT    NOT NULL,
    entity_key  TEXT    NOT NULL,
    scanned_at  INTEGER NOT NULL,
    score       REAL    NOT NULL,
    grade       TEXT    NOT NULL,  -- A | B | C | D | E
    dimensions  TEXT    NOT NULL,  -- JSON: score per dimension, {"completeness": 100, "validity": 50}
    PRIMARY KEY (entity, entity_key, scanned_at)
);

-- The record's page lists all findings of one record, whatever the rule.
CREATE INDEX ix_quality_findings_record ON quality_findings (entity, entity_key);
