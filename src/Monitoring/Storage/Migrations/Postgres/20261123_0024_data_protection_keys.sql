-- The ASP.NET Core Data Protection key ring (the keys that sign sign-in cookies and form tokens), kept in the
-- database so that every instance on one database accepts what another signed: a sign-in survives a load balancer
-- sending the next request elsewhere, and a restart. One row per key, as the framework writes it (an XML element).
CREATE TABLE data_protection_keys (
    friendly_name  TEXT NOT NULL PRIMARY KEY,
    xml            TEXT NOT NULL,
    created_at     TEXT NOT NULL   -- ISO 8601, UTC
);
