-- The canonical B2B model: every source maps into these tables. Keys are the shop's natural keys (text), so that
-- re-importing a record updates it instead of adding it. No foreign keys: sources arrive in any order (lines before
-- their orders), and orphans are a data-quality finding, not an import failure. Every table carries revision (1 when
-- inserted, +1 per real change) and changed_at (when the row last changed), which the KPI and quality jobs read.
-- Amounts are numeric (exact); timestamps are timestamptz.

-- account: A customer company: the unit of a B2B customer.
CREATE TABLE accounts (
    id                  text NOT NULL,
    name                text,
    vat_number          text,
    country             text,
    segment             text,
    price_list          text,
    sales_rep           text,
    parent_account_id   text,
    opened_at           timestamptz,
    status              text,
    acquisition_channel text,
    revision            bigint NOT NULL DEFAULT 1,
    changed_at          timestamptz NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_accounts_vat_number ON accounts (vat_number);
CREATE INDEX ix_accounts_changed_at ON accounts (changed_at);

-- contact: A person at an account: buyer, approver or prescriber, with consent flags and when they were given.
CREATE TABLE contacts (
    id               text NOT NULL,
    account_id       text,
    name             text,
    email            text,
    phone            text,
    role             text,
    consent_email    boolean,
    consent_email_at timestamptz,
    consent_phone    boolean,
    consent_phone_at timestamptz,
    created_at       timestamptz,
    revision         bigint NOT NULL DEFAULT 1,
    changed_at       timestamptz NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_contacts_account_id ON contacts (account_id);
CREATE INDEX ix_contacts_email ON contacts (email);

-- address: A billing or delivery address of an account.
CREATE TABLE addresses (
    id           text NOT NULL,
    account_id   text,
    kind         text,
    line         text,
    postcode     text,
    city         text,
    country      text,
    validated    boolean,
    revision     bigint NOT NULL DEFAULT 1,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_addresses_account_id ON addresses (account_id);

-- product: A sellable item (SKU) with its prices, logistics data and supplier.
CREATE TABLE products (
    sku            text NOT NULL,
    name           text,
    description    text,
    brand          text,
    category_path  text,
    gtin           text,
    status         text,
    list_price     numeric,
    unit_cost      numeric,
    currency       text,
    weight_kg      numeric,
    length_cm      numeric,
    width_cm       numeric,
    height_cm      numeric,
    min_order_qty  bigint,
    order_multiple bigint,
    supplier       text,
    created_at     timestamptz,
    updated_at     timestamptz,
    revision       bigint NOT NULL DEFAULT 1,
    changed_at     timestamptz NOT NULL,
    PRIMARY KEY (sku)
);
CREATE INDEX ix_products_gtin ON products (gtin);
CREATE INDEX ix_products_changed_at ON products (changed_at);

-- product_translation: A product's name and description in one locale.
CREATE TABLE product_translations (
    sku          text NOT NULL,
    locale       text NOT NULL,
    name         text,
    description  text,
    revision     bigint NOT NULL DEFAULT 1,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (sku, locale)
);

-- tier_price: A product's unit price in a price list from a minimum quantity up.
CREATE TABLE tier_prices (
    sku          text NOT NULL,
    price_list   text NOT NULL,
    min_qty      bigint NOT NULL,
    unit_price   numeric,
    currency     text,
    revision     bigint NOT NULL DEFAULT 1,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (sku, price_list, min_qty)
);

-- stock: A product's stock in one warehouse.
CREATE TABLE stock_levels (
    sku           text NOT NULL,
    warehouse     text NOT NULL,
    quantity      numeric,
    reserved      numeric,
    reorder_point numeric,
    updated_at    timestamptz,
    revision      bigint NOT NULL DEFAULT 1,
    changed_at    timestamptz NOT NULL,
    PRIMARY KEY (sku, warehouse)
);

-- media: An image, document or video of a product, with what the last check of it found.
CREATE TABLE media (
    id           text NOT NULL,
    sku          text,
    url          text,
    kind         text,
    alt_text     text,
    position     bigint,
    width        bigint,
    height       bigint,
    bytes        bigint,
    content_type text,
    checked_at   timestamptz,
    status       text,
    revision     bigint NOT NULL DEFAULT 1,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_media_sku ON media (sku);

-- order: An order of an account; amounts exclude VAT unless named incl_vat, in the order's currency.
CREATE TABLE orders (
    id               text NOT NULL,
    account_id       text,
    contact_id       text,
    channel          text,
    placed_at        timestamptz,
    status           text,
    currency         text,
    total_excl_vat   numeric,
    total_incl_vat   numeric,
    discount         numeric,
    shipping_charged numeric,
    payment_method   text,
    country          text,
    is_synthetic     boolean NOT NULL DEFAULT false,
    revision         bigint NOT NULL DEFAULT 1,
    changed_at       timestamptz NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_orders_placed_at ON orders (placed_at);
CREATE INDEX ix_orders_account_id_placed_at ON orders (account_id, placed_at);
CREATE INDEX ix_orders_changed_at ON orders (changed_at);

-- order_line: A line of an order, with the unit cost captured when it was sold. Only the key is indexed: lines are
-- read through their orders (by time range), and an index on sku doubled the cost of a bulk import (measured).
CREATE TABLE order_lines (
    order_id     text NOT NULL,
    line_no      bigint NOT NULL,
    sku          text,
    quantity     numeric,
    list_price   numeric,
    net_price    numeric,
    unit_cost    numeric,
    amount       numeric,
    revision     bigint NOT NULL DEFAULT 1,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- session: A visit to the shop, with the furthest funnel step it reached (none, product, cart, checkout, payment, order).
CREATE TABLE sessions (
    id            text NOT NULL,
    visitor_id    text,
    account_id    text,
    started_at    timestamptz,
    device        text,
    channel       text,
    landing_page  text,
    country       text,
    pages         bigint,
    furthest_step text,
    is_synthetic  boolean NOT NULL DEFAULT false,
    revision      bigint NOT NULL DEFAULT 1,
    changed_at    timestamptz NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_sessions_started_at ON sessions (started_at);

-- payment_attempt: One attempt to pay an order (or a checkout session): authorised, refused or error.
CREATE TABLE payment_attempts (
    id           text NOT NULL,
    order_id     text,
    session_id   text,
    attempted_at timestamptz,
    method       text,
    provider     text,
    status       text,
    error_code   text,
    amount       numeric,
    fee          numeric,
    currency     text,
    revision     bigint NOT NULL DEFAULT 1,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_payment_attempts_attempted_at ON payment_attempts (attempted_at);
CREATE INDEX ix_payment_attempts_order_id ON payment_attempts (order_id);

-- shipment: A parcel of an order: carrier, dates, promised delay and cost.
CREATE TABLE shipments (
    id            text NOT NULL,
    order_id      text,
    carrier       text,
    shipped_at    timestamptz,
    delivered_at  timestamptz,
    promised_days bigint,
    cost          numeric,
    fee_charged   numeric,
    revision      bigint NOT NULL DEFAULT 1,
    changed_at    timestamptz NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_shipments_order_id ON shipments (order_id);
CREATE INDEX ix_shipments_shipped_at ON shipments (shipped_at);

-- return: Goods sent back: a quantity of an order line, why, and what was refunded.
CREATE TABLE returns (
    id            text NOT NULL,
    order_id      text,
    line_no       bigint,
    sku           text,
    quantity      numeric,
    reason        text,
    supplier      text,
    refund_amount numeric,
    returned_at   timestamptz,
    revision      bigint NOT NULL DEFAULT 1,
    changed_at    timestamptz NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_returns_returned_at ON returns (returned_at);
CREATE INDEX ix_returns_order_id ON returns (order_id);

-- marketing_spend: Marketing spend of one channel on one day.
CREATE TABLE marketing_spend (
    day          date NOT NULL,
    channel      text NOT NULL,
    amount       numeric,
    currency     text,
    revision     bigint NOT NULL DEFAULT 1,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (day, channel)
);

-- support_ticket: A customer-service ticket.
CREATE TABLE support_tickets (
    id           text NOT NULL,
    account_id   text,
    order_id     text,
    created_at   timestamptz,
    resolved_at  timestamptz,
    category     text,
    channel      text,
    revision     bigint NOT NULL DEFAULT 1,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_support_tickets_created_at ON support_tickets (created_at);

-- review: An NPS answer (score 0-10) or a product review (score 1-5).
CREATE TABLE reviews (
    id           text NOT NULL,
    kind         text,
    account_id   text,
    contact_id   text,
    sku          text,
    score        bigint,
    comment      text,
    answered_at  timestamptz,
    revision     bigint NOT NULL DEFAULT 1,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_reviews_answered_at ON reviews (answered_at);

-- kpi_target: A KPI's target for a segment and period, with who owns it and by when.
CREATE TABLE kpi_targets (
    kpi          text NOT NULL,
    segment      text NOT NULL,
    period       text NOT NULL,
    target       numeric,
    deadline     date,
    owner        text,
    revision     bigint NOT NULL DEFAULT 1,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (kpi, segment, period)
);
