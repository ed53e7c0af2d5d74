-- A screenshot of the page where a browser scenario failed, attached to the incident's first email (PNG).
ALTER TABLE alert_outbox ADD COLUMN screenshot_png bytea NULL;
