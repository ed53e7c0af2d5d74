-- The canonical B2B model: every source maps into these tables. Keys are the shop's natural keys (text), so that
-- re-importing a record updates it instead of adding it. No foreign keys: sources arrive in any order (lines before
-- their orders), and orphans are a data-quality finding, not an import failure. Every table carries revision (1 when
-- inserted, +1 per real change) and changed_at (when the row last changed), which the KPI and quality jobs read.
-- SQLite: timestamps are Unix milliseconds, dates are yyyy-MM-dd text, booleans 0/1, amounts NUMERIC.

-- account: A customer company: the unit of a B2B customer.
CREATE TABLE accounts (
    id                  TEXT NOT NULL,
    name                TEXT,
    vat_number          TEXT,
    country             TEXT,
    segment             TEXT,
    price_list          TEXT,
    sales_rep           TEXT,
    parent_account_id   TEXT,
    opened_at           INTEGER,
    status              TEXT,
    acquisition_channel TEXT,
    revision            INTEGER NOT NULL DEFAULT 1,
    changed_at          INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_accounts_vat_number ON accounts (vat_number);
CREATE INDEX ix_accounts_changed_at ON accounts (changed_at);

-- contact: A person at an account: buyer, approver or prescriber, with consent flags and when they were given.
CREATE TABLE contacts (
    id               TEXT NOT NULL,
    account_id       TEXT,
    name             TEXT,
    email            TEXT,
    phone            TEXT,
    role             TEXT,
    consent_email    INTEGER,
    consent_email_at INTEGER,
    consent_phone    INTEGER,
    consent_phone_at INTEGER,
    created_at       INTEGER,
    revision         INTEGER NOT NULL DEFAULT 1,
    changed_at       INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_contacts_account_id ON contacts (account_id);
CREATE INDEX ix_contacts_email ON contacts (email);

-- address: A billing or delivery address of an account.
CREATE TABLE addresses (
    id           TEXT NOT NULL,
    account_id   TEXT,
    kind         TEXT,
    line         TEXT,
    postcode     TEXT,
    city         TEXT,
    country      TEXT,
    validated    INTEGER,
    revision     INTEGER NOT NULL DEFAULT 1,
    changed_at   INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_addresses_account_id ON addresses (account_id);

-- product: A sellable item (SKU) with its prices, logistics data and supplier.
CREATE TABLE products (
    sku            TEXT NOT NULL,
    name           TEXT,
    description    TEXT,
    brand          TEXT,
    category_path  TEXT,
    gtin           TEXT,
    status         TEXT,
    list_price     NUMERIC,
    unit_cost      NUMERIC,
    currency       TEXT,
    weight_kg      NUMERIC,
    length_cm      NUMERIC,
    width_cm       NUMERIC,
    height_cm      NUMERIC,
    min_order_qty  INTEGER,
    order_multiple INTEGER,
    supplier       TEXT,
    created_at     INTEGER,
    updated_at     INTEGER,
    revision       INTEGER NOT NULL DEFAULT 1,
    changed_at     INTEGER NOT NULL,
    PRIMARY KEY (sku)
);
CREATE INDEX ix_products_gtin ON products (gtin);
CREATE INDEX ix_products_changed_at ON products (changed_at);

-- product_translation: A product's name and description in one locale.
CREATE TABLE product_translations (
    sku          TEXT NOT NULL,
    locale       TEXT NOT NULL,
    name         TEXT,
    description  TEXT,
    revision     INTEGER NOT NULL DEFAULT 1,
    changed_at   INTEGER NOT NULL,
    PRIMARY KEY (sku, locale)
);

-- tier_price: A product's unit price in a price list from a minimum quantity up.
CREATE TABLE tier_prices (
    sku          TEXT NOT NULL,
    price_list   TEXT NOT NULL,
    min_qty      INTEGER NOT NULL,
    unit_price   NUMERIC,
    currency     TEXT,
    revision     INTEGER NOT NULL DEFAULT 1,
    changed_at   INTEGER NOT NULL,
    PRIMARY KEY (sku, price_list, min_qty)
);

-- stock: A product's stock in one warehouse.
CREATE TABLE stock_levels (
    sku           TEXT NOT NULL,
    warehouse     TEXT NOT NULL,
    quantity      NUMERIC,
    reserved      NUMERIC,
    reorder_point NUMERIC,
    updated_at    INTEGER,
    revision      INTEGER NOT NULL DEFAULT 1,
    changed_at    INTEGER NOT NULL,
    PRIMARY KEY (sku, warehouse)
);

-- media: An image, document or video of a product, with what the last check of it found.
CREATE TABLE media (
    id           TEXT NOT NULL,
    sku          TEXT,
    url          TEXT,
    kind         TEXT,
    alt_text     TEXT,
    position     INTEGER,
    width        INTEGER,
    height       INTEGER,
    bytes        INTEGER,
    content_type TEXT,
    checked_at   INTEGER,
    status       TEXT,
    revision     INTEGER NOT NULL DEFAULT 1,
    changed_at   INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_media_sku ON media (sku);

-- order: An order of an account; amounts exclude VAT unless named incl_vat, in the order's currency.
CREATE TABLE orders (
    id               TEXT NOT NULL,
    account_id       TEXT,
    contact_id       TEXT,
    channel          TEXT,
    placed_at        INTEGER,
    status           TEXT,
    currency         TEXT,
    total_excl_vat   NUMERIC,
    total_incl_vat   NUMERIC,
    discount         NUMERIC,
    shipping_charged NUMERIC,
    payment_method   TEXT,
    country          TEXT,
    is_synthetic     INTEGER NOT NULL DEFAULT 0,
    revision         INTEGER NOT NULL DEFAULT 1,
    changed_at       INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_orders_placed_at ON orders (placed_at);
CREATE INDEX ix_orders_account_id_placed_at ON orders (account_id, placed_at);
CREATE INDEX ix_orders_changed_at ON orders (changed_at);

-- order_line: A line of an order, with the unit cost captured when it was sold. Only the key is indexed: lines are
-- read through their orders (by time range), and an index on sku doubled the cost of a bulk import (measured).
CREATE TABLE order_lines (
    order_id     TEXT NOT NULL,
    line_no      INTEGER NOT NULL,
    sku          TEXT,
    quantity     NUMERIC,
    list_price   NUMERIC,
    net_price    NUMERIC,
    unit_cost    NUMERIC,
    amount       NUMERIC,
    revision     INTEGER NOT NULL DEFAULT 1,
    changed_at   INTEGER NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- session: A visit to the shop, with the furthest funnel step it reached (none, product, cart, checkout, payment, order).
CREATE TABLE sessions (
    id            TEXT NOT NULL,
    visitor_id    TEXT,
    account_id    TEXT,
    started_at    INTEGER,
    device        TEXT,
    channel       TEXT,
    landing_page  TEXT,
    country       TEXT,
    pages         INTEGER,
    furthest_step TEXT,
    is_synthetic  INTEGER NOT NULL DEFAULT 0,
    revision      INTEGER NOT NULL DEFAULT 1,
    changed_at    INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_sessions_started_at ON sessions (started_at);

-- payment_attempt: One attempt to pay an order (or a checkout session): authorised, refused or error.
CREATE TABLE payment_attempts (
    id           TEXT NOT NULL,
    order_id     TEXT,
    session_id   TEXT,
    attempted_at INTEGER,
    method       TEXT,
    provider     TEXT,
    status       TEXT,
    error_code   TEXT,
    amount       NUMERIC,
    fee          NUMERIC,
    currency     TEXT,
    revision     INTEGER NOT NULL DEFAULT 1,
    changed_at   INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_payment_attempts_attempted_at ON payment_attempts (attempted_at);
CREATE INDEX ix_payment_attempts_order_id ON payment_attempts (order_id);

-- shipment: A parcel of an order: carrier, dates, promised delay and cost.
CREATE TABLE shipments (
    id            TEXT NOT NULL,
    order_id      TEXT,
    carrier       TEXT,
    shipped_at    INTEGER,
    delivered_at  INTEGER,
    promised_days INTEGER,
    cost          NUMERIC,
    fee_charged   NUMERIC,
    revision      INTEGER NOT NULL DEFAULT 1,
    changed_at    INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_shipments_order_id ON shipments (order_id);
CREATE INDEX ix_shipments_shipped_at ON shipments (shipped_at);

-- return: Goods sent back: a quantity of an order line, why, and what was refunded.
CREATE TABLE returns (
    id            TEXT NOT NULL,
    order_id      TEXT,
    line_no       INTEGER,
    sku           TEXT,
    quantity      NUMERIC,
    reason        TEXT,
    supplier      TEXT,
    refund_amount NUMERIC,
    returned_at   INTEGER,
    revision      INTEGER NOT NULL DEFAULT 1,
    changed_at    INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_returns_returned_at ON returns (returned_at);
CREATE INDEX ix_returns_order_id ON returns (order_id);

-- marketing_spend: Marketing spend of one channel on one day.
CREATE TABLE marketing_spend (
    day          TEXT NOT NULL,
    channel      TEXT NOT NULL,
    amount       NUMERIC,
    currency     TEXT,
    revision     INTEGER NOT NULL DEFAULT 1,
    changed_at   INTEGER NOT NULL,
    PRIMARY KEY (day, channel)
);

-- support_ticket: A customer-service ticket.
CREATE TABLE support_tickets (
    id           TEXT NOT NULL,
    account_id   TEXT,
    order_id     TEXT,
    created_at   INTEGER,
    resolved_at  INTEGER,
    category     TEXT,
    channel      TEXT,
    revision     INTEGER NOT NULL DEFAULT 1,
    changed_at   INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_support_tickets_created_at ON support_tickets (created_at);

-- review: An NPS answer (score 0-10) or a product review (score 1-5).
CREATE TABLE reviews (
    id           TEXT NOT NULL,
    kind         TEXT,
    account_id   TEXT,
    contact_id   TEXT,
    sku          TEXT,
    score        INTEGER,
    comment      TEXT,
    answered_at  INTEGER,
    revision     INTEGER NOT NULL DEFAULT 1,
    changed_at   INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_reviews_answered_at ON reviews (answered_at);

-- kpi_target: A KPI's target for a segment and period, with who owns it and by when.
CREATE TABLE kpi_targets (
    kpi          TEXT NOT NULL,
    segment      TEXT NOT NULL,
    period       TEXT NOT NULL,
    target       NUMERIC,
    deadline     TEXT,
    owner        TEXT,
    revision     INTEGER NOT NULL DEFAULT 1,
    changed_at   INTEGER NOT NULL,
    PRIMARY KEY (kpi, segment, period)
);
