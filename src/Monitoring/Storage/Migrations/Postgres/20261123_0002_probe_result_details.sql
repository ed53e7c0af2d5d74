-- Results gain the degraded outcome, a failure class, phase durations and the certificate expiry.
ALTER TABLE probe_results DROP CONSTRAINT probe_results_outcome_check;
ALTER TABLE probe_results ADD CONSTRAINT probe_results_outcome_check CHECK (outcome IN ('pass', 'degraded', 'fail'));
ALTER TABLE probe_results
    ADD COLUMN failure_class   text             NOT NULL DEFAULT 'none',
    ADD COLUMN resolve_ms      double precision NULL,
    ADD COLUMN connect_ms      double precision NULL,
    ADD COLUMN tls_ms          double precision NULL,
    ADD COLUMN processing_ms   double precision NULL,
    ADD COLUMN transfer_ms     double precision NULL,
    ADD COLUMN cert_expires_at timestamptz      NULL;
UPDATE probe_results SET failure_class = 'probe_error' WHERE outcome = 'fail';
