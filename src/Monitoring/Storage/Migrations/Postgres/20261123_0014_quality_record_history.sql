-- Each record's quality score over time, for the record's page: a row is written only when the score, the grade or a
-- dimension score changed since the record's previous row, so a record that stays the same costs one row in total.
-- The latest row of a record is its current score.
CREATE TABLE quality_record_history (
    entity      text             NOT NULL,
    entity_key  text             NOT NULL,
    scanned_at  timestamptz      NOT NULL,
    score       double precision NOT NULL,
    grade       text             NOT NULL,  -- A | B | C | D | E
    -- JSON text, not jsonb: the scan compares it with the new scores as written, and jsonb would reorder the keys.
    dimensions  text             NOT NULL,
    PRIMARY KEY (entity, entity_key, scanned_at)
);

-- The record's page lists all findings of one record, whatever the rule.
CREATE INDEX ix_quality_findings_record ON quality_findings (entity, entity_key);
