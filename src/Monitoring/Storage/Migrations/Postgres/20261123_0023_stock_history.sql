-- The stock KPIs' history: the stock table holds today's levels only, so the KPI job keeps each shop day's stock
-- figures (value at cost, sellable SKUs and those out of stock, dead stock value) for the whole shop (category '*')
-- and per top-level category. The day's row is rewritten by every run of the day, so the last one stands for its
-- end. Past days cannot be recomputed: a full KPI recompute leaves this table alone.
CREATE TABLE stock_history (
    day          TEXT NOT NULL,   -- yyyy-MM-dd in the shop's time zone
    category     TEXT NOT NULL,   -- '*' or a top-level category
    figures      TEXT NOT NULL,   -- JSON: Kpis/StockFigures
    recorded_at  TEXT NOT NULL,   -- ISO 8601, UTC
    PRIMARY KEY (day, category)
);
