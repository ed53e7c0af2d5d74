namespace Monitoring.Tests.Quality;

/// <summary>One complete <c>checks/quality/*.yaml</c> per domain, as a user would write them; the reader tests load
/// them and the evaluator tests run them on records with the demo data's defects.</summary>
internal static class QualityExamples
{
    public const string Catalogue = """
        # checks/quality/catalogue.yaml: products and their prices
        rules:
          - id: product-name-required
            entity: product
            kind: required
            fields: [name, category_path, list_price]
            when: {status: active}
            severity: blocker
            message: "{field} missing on an active product"
            fix: "Fill it in the PIM; the product cannot be sold without it"
            team: catalogue

          - id: product-description-length
            entity: product
            kind: length
            field: description
            min: 50
            max: 5000
            strip_html: true
            partial: true
            when: {status: active}
            severity: major
            team: catalogue

          - id: product-gtin-valid
            entity: product
            kind: gtin
            reject_restricted: true
            severity: blocker
            fix: "Use the GTIN from the manufacturer's GS1 record, or clear the field"
            team: catalogue

          - id: product-gtin-unique
            entity: product
            kind: unique
            field: gtin
            normalize: gtin
            when: {status: active}
            severity: blocker
            team: catalogue

          - id: product-price-margin
            entity: product
            kind: comparison
            left: list_price
            op: ">="
            right: unit_cost
            margin_floor: 0.10
            when: {status: active}
            severity: major
            message: "list price {value} under the 10 % margin floor ({detail})"
            team: pricing

          - id: product-tier-prices
            entity: product
            kind: tier_prices
            check_moq: true
            severity: major
            team: pricing

          - id: product-weight
            entity: product
            kind: range
            field: weight_kg
            greater_than: 0
            max: 1000
            dimension: completeness
            severity: major
            team: logistics

          - id: product-translations
            entity: product
            kind: translations
            locales: [en, de]
            fields: [name, description]
            when: {status: active}
            severity: major
            team: catalogue

          - id: product-category-known
            entity: product
            kind: reference
            field: category_path
            set: category
            severity: major
            team: catalogue

          - id: product-stale
            entity: product
            kind: freshness
            field: updated_at
            max_age: 365d
            when: {status: active}
            severity: info
            team: catalogue
        """;

    public const string Customers = """
        # checks/quality/customers.yaml: accounts, contacts and addresses
        rules:
          - id: account-vat-valid
            entity: account
            kind: vat_number
            field: vat_number
            country_field: country
            check_delivery: true
            when: {status: active}
            severity: blocker
            message: "VAT number {value}: {detail}"
            fix: "Check the number on VIES and correct it with the customer"
            team: customer-service

          - id: account-vat-unique
            entity: account
            kind: unique
            field: vat_number
            normalize: vat
            severity: major
            team: customer-service

          - id: account-duplicate-name
            entity: account
            kind: near_duplicate_name
            field: name
            address_kind: billing
            severity: minor
            team: customer-service

          - id: account-assignment
            entity: account
            kind: required
            fields: [segment, price_list, sales_rep]
            when: {status: active}
            severity: major
            team: sales

          - id: account-parent-exists
            entity: account
            kind: reference
            field: parent_account_id
            set: account
            severity: major
            team: sales

          - id: contact-email
            entity: contact
            kind: email
            allow_idn: true
            severity: major
            team: customer-service

          - id: contact-email-unique
            entity: contact
            kind: unique
            field: email
            normalize: email
            severity: minor
            team: customer-service

          - id: contact-phone
            entity: contact
            kind: phone
            default_region: FR
            severity: minor
            team: customer-service

          - id: contact-consent-recorded
            entity: contact
            kind: consent
            flag: consent_email
            timestamp: consent_email_at
            severity: blocker
            message: "e-mail consent without a date: it cannot be proven"
            team: marketing

          - id: address-postcode
            entity: address
            kind: postcode
            when: [{kind: [billing, delivery]}]
            severity: major
            team: customer-service
        """;

    public const string Media = """
        # checks/quality/media.yaml: images and documents
        rules:
          - id: product-has-image
            entity: product
            kind: image_present
            min_count: 1
            kinds: [image]
            when: {status: active}
            severity: blocker
            team: studio

          - id: image-resolution
            entity: media
            kind: image_dimensions
            min_long_side: 1000
            categories:
              - {prefix: outillage/, min_long_side: 1200}
            when: {kind: image}
            severity: major
            team: studio

          - id: media-file-size
            entity: media
            kind: file_size
            min_bytes: 1
            max_bytes: 16777216
            severity: major
            team: studio

          - id: image-alt-text
            entity: media
            kind: alt_text
            min_length: 5
            severity: minor
            team: studio

          - id: image-shared
            entity: media
            kind: shared_image
            related_by: [brand]
            when: {kind: image}
            severity: major
            team: studio

          - id: media-unused
            entity: media
            kind: unused_media
            set: product
            severity: info
            team: studio

          - id: media-reachable
            entity: media
            kind: media_reachable
            concurrency: 8
            when: {status: {not: archived}}
            severity: blocker
            team: studio
        """;
}
