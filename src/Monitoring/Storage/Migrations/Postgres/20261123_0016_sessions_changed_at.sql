-- The KPI runner's incremental run looks for the sessions an import changed since its last run (changed_at >= the
-- watermark); without an index that is a full scan of the sessions table on every run (orders have theirs already).
CREATE INDEX ix_sessions_changed_at ON sessions (changed_at);
