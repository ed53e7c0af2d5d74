-- The KPI runner's incremental run recomputes only the shop days whose rows an import inserted or changed since its
-- last run (changed_at >= the watermark), in every table the rollup reads. These tables had no index on changed_at
-- (orders, sessions and accounts have theirs): without one, each run would scan them whole.
CREATE INDEX ix_order_lines_changed_at ON order_lines (changed_at);
CREATE INDEX ix_payment_attempts_changed_at ON payment_attempts (changed_at);
CREATE INDEX ix_shipments_changed_at ON shipments (changed_at);
CREATE INDEX ix_returns_changed_at ON returns (changed_at);
CREATE INDEX ix_marketing_spend_changed_at ON marketing_spend (changed_at);
CREATE INDEX ix_support_tickets_changed_at ON support_tickets (changed_at);
CREATE INDEX ix_reviews_changed_at ON reviews (changed_at);
