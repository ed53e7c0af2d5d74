-- The KPI engine's daily rollup: one row per shop day (yyyy-MM-dd in the shop's time zone) and segment, holding the
-- additive sums every KPI is computed from (Kpis/FactSums) as JSON. Recomputed for days whose data changed, so a
-- KPI over any period is a sum of rows, never a scan of the raw orders and sessions.
CREATE TABLE kpi_daily_facts (
    day         TEXT NOT NULL,
    dimension   TEXT NOT NULL,
    value       TEXT NOT NULL,
    facts       TEXT NOT NULL,
    computed_at INTEGER NOT NULL, -- Unix milliseconds
    PRIMARY KEY (day, dimension, value)
);
