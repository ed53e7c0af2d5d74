namespace Monitoring.Benchmarks;

/// <summary>
/// The 30 rules of the quality benchmark, written to <c>checks/quality/bench.yaml</c> and read by the same loader as
/// the service: 21 on products, 4 on tier prices and 5 on media, of 19 kinds. <c>media_reachable</c> is left out:
/// a benchmark of the scan makes no network calls (and the scan gives the rules no media probe).
/// </summary>
public static class QualityBenchmarkRules
{
    public const int Count = 30;

    public const string Yaml = """
        rules:
          - {id: product-required, entity: product, kind: required, fields: [name, category_path, list_price], when: {status: active}, severity: blocker, team: catalogue}
          - {id: product-brand-required, entity: product, kind: required, field: brand, severity: minor, team: catalogue}
          - {id: product-description-length, entity: product, kind: length, field: description, min: 50, max: 5000, strip_html: true, partial: true, when: {status: active}, severity: major, team: catalogue}
          - {id: product-name-length, entity: product, kind: length, field: name, min: 5, max: 120, strip_html: false, severity: minor, team: catalogue}
          - {id: product-gtin-valid, entity: product, kind: gtin, reject_restricted: true, severity: blocker, team: catalogue}
          - {id: product-gtin-unique, entity: product, kind: unique, field: gtin, normalize: gtin, when: {status: active}, severity: blocker, team: catalogue}
          - {id: product-sku-format, entity: product, kind: regex, field: sku, pattern: '^PR-[0-9]{7}$', severity: major, team: catalogue}
          - {id: product-status-known, entity: product, kind: allowed_values, field: status, values: [active, inactive, discontinued, draft], severity: major, team: catalogue}
          - {id: product-currency, entity: product, kind: allowed_values, field: currency, values: [EUR, CHF, GBP], severity: blocker, team: pricing}
          - {id: product-price-range, entity: product, kind: range, field: list_price, greater_than: 0, max: 100000, severity: blocker, team: pricing}
          - {id: product-weight, entity: product, kind: range, field: weight_kg, greater_than: 0, max: 1000, dimension: completeness, severity: major, team: logistics}
          - {id: product-length, entity: product, kind: range, field: length_cm, greater_than: 0, max: 600, severity: minor, team: logistics}
          - {id: product-moq, entity: product, kind: range, field: min_order_qty, min: 1, severity: major, team: pricing}
          - {id: product-price-margin, entity: product, kind: comparison, left: list_price, op: ">=", right: unit_cost, margin_floor: 0.10, when: {status: active}, severity: major, team: pricing}
          - {id: product-dates, entity: product, kind: comparison, left: updated_at, op: ">=", right: created_at, severity: minor, team: catalogue}
          - {id: product-tier-prices, entity: product, kind: tier_prices, check_moq: true, severity: major, team: pricing}
          - {id: product-translations, entity: product, kind: translations, locales: [en, de], when: {status: active}, severity: major, team: catalogue}
          - {id: product-stale, entity: product, kind: freshness, field: updated_at, max_age: 365d, when: {status: active}, severity: info, team: catalogue}
          - {id: product-has-image, entity: product, kind: image_present, min_count: 1, kinds: [image], when: {status: active}, severity: blocker, team: studio}
          - {id: product-supplier-known, entity: product, kind: reference, field: supplier, values: [SUP-01, SUP-02, SUP-03, SUP-04, SUP-05, SUP-06, SUP-07, SUP-08, SUP-09, SUP-10, SUP-11, SUP-12, SUP-13, SUP-14, SUP-15, SUP-16, SUP-17, SUP-18, SUP-19, SUP-20, SUP-21, SUP-22, SUP-23, SUP-24, SUP-25, SUP-26, SUP-27, SUP-28, SUP-29, SUP-30, SUP-31, SUP-32, SUP-33, SUP-34, SUP-35, SUP-36, SUP-37, SUP-38, SUP-39, SUP-40], severity: major, team: purchasing}
          - {id: product-gtin-required, entity: product, kind: required, field: gtin, when: {status: active}, severity: major, team: catalogue}
          - {id: tier-price-positive, entity: tier_price, kind: range, field: unit_price, greater_than: 0, severity: blocker, team: pricing}
          - {id: tier-currency, entity: tier_price, kind: allowed_values, field: currency, values: [EUR, CHF, GBP], severity: major, team: pricing}
          - {id: tier-min-qty, entity: tier_price, kind: range, field: min_qty, min: 1, severity: major, team: pricing}
          - {id: tier-product-exists, entity: tier_price, kind: reference, field: sku, set: product, severity: major, team: pricing}
          - {id: image-resolution, entity: media, kind: image_dimensions, min_long_side: 1000, categories: [{prefix: outillage/, min_long_side: 1200}], when: {kind: image}, severity: major, team: studio}
          - {id: media-file-size, entity: media, kind: file_size, min_bytes: 1, max_bytes: 16777216, severity: major, team: studio}
          - {id: image-alt-text, entity: media, kind: alt_text, min_length: 5, severity: minor, team: studio}
          - {id: image-shared, entity: media, kind: shared_image, related_by: [brand], when: {kind: image}, severity: major, team: studio}
          - {id: media-unused, entity: media, kind: unused_media, set: product, severity: info, team: studio}
        """;
}
