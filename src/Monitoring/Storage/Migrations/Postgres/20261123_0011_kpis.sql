-- The KPI engine's daily rollup: one row per shop day (yyyy-MM-dd in the shop's time zone) and segment, holding the
-- additive sums every KPI is computed from (Kpis/FactSums) as JSON. Recomputed for days whose data changed, so a
-- KPI over any period is a sum of rows, never a scan of the raw orders and sessions.
CREATE TABLE kpi_daily_facts (
    day         text   NOT NULL,
    dimension   text   NOT NULL,
    value       text   NOT NULL,
    facts       text   NOT NULL,
    computed_at bigint NOT NULL, -- Unix milliseconds
    PRIMARY KEY (day, dimension, value)
);
