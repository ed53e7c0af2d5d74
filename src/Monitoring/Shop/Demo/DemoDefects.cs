namespace Monitoring.Shop.Demo;

/// <summary>
/// The defects the demo data carries on purpose, so every data-quality rule has something real to flag. Each rate is
/// a share of the records named in its summary; the generator picks exactly <c>round(rate × records)</c> of them (at
/// least one when there are records), and <see cref="DemoDataReport.Defects"/> holds the counts under these keys.
/// </summary>
public static class DemoDefects
{
    /// <summary>Products whose GTIN has a wrong EAN-13 check digit: 1.5 % of products.</summary>
    public const double InvalidGtinRate = 0.015;
    public const string InvalidGtin = "invalid_gtin_check_digit";

    /// <summary>Products that reuse another product's (valid) GTIN: 0.5 % of products, counted as the second holders.</summary>
    public const double DuplicateGtinRate = 0.005;
    public const string DuplicateGtin = "duplicate_gtin";

    /// <summary>Products with no media row at all: 4 % of products.</summary>
    public const double MissingImagesRate = 0.04;
    public const string MissingImages = "missing_images";

    /// <summary>Media whose last check failed (status <c>broken</c>, 0 bytes): 1 % of media rows.</summary>
    public const double BrokenMediaRate = 0.01;
    public const string BrokenMedia = "broken_media";

    /// <summary>Images under 1,000 px on their long side: 3 % of image rows.</summary>
    public const double LowResolutionImageRate = 0.03;
    public const string LowResolutionImage = "low_resolution_image";

    /// <summary>Media with no alt text: 5 % of media rows.</summary>
    public const double MissingAltTextRate = 0.05;
    public const string MissingAltText = "missing_alt_text";

    /// <summary>Products whose description is under 50 characters: 6 % of products.</summary>
    public const double ShortDescriptionRate = 0.06;
    public const string ShortDescription = "short_description";

    /// <summary>Products with no description (null): 2 % of products.</summary>
    public const double MissingDescriptionRate = 0.02;
    public const string MissingDescription = "missing_description";

    /// <summary>Products whose list price is below their unit cost: 1 % of products.</summary>
    public const double PriceBelowCostRate = 0.01;
    public const string PriceBelowCost = "price_below_cost";

    /// <summary>Products whose <c>public</c> tier prices rise with quantity: 1 % of the products that have tiers.</summary>
    public const double TierPriceRisingRate = 0.01;
    public const string TierPriceRising = "tier_price_rising";

    /// <summary>Products without a weight (null): 3 % of products.</summary>
    public const double MissingWeightRate = 0.03;
    public const string MissingWeight = "missing_weight";

    /// <summary>Stock rows below zero: 0.3 % of stock rows.</summary>
    public const double NegativeStockRate = 0.003;
    public const string NegativeStock = "negative_stock";

    /// <summary>Stock rows not refreshed for 3 to 20 days before the end of history: 1 % of stock rows.</summary>
    public const double StaleStockRate = 0.01;
    public const string StaleStock = "stale_stock";

    /// <summary>Accounts whose VAT number fails its country's format or check digits: 2 % of accounts.</summary>
    public const double InvalidVatRate = 0.02;
    public const string InvalidVat = "invalid_vat_number";

    /// <summary>Accounts with a valid VAT number of another country than the account's: 1 % of accounts.</summary>
    public const double VatCountryMismatchRate = 0.01;
    public const string VatCountryMismatch = "vat_country_mismatch";

    /// <summary>Extra accounts that repeat an existing company name and billing postcode under a new id: 1 % of accounts.</summary>
    public const double DuplicateAccountRate = 0.01;
    public const string DuplicateAccount = "duplicate_account";

    /// <summary>Contacts with e-mail consent given but no consent timestamp: 3 % of contacts.</summary>
    public const double ConsentWithoutTimestampRate = 0.03;
    public const string ConsentWithoutTimestamp = "consent_without_timestamp";

    /// <summary>Contacts whose e-mail is malformed (no @, no domain suffix, a space): 1 % of contacts.</summary>
    public const double InvalidEmailRate = 0.01;
    public const string InvalidEmail = "invalid_email";

    /// <summary>Order lines whose SKU is in no product row: one line in 5,000 (the 5,000th, 10,000th…), 0.02 %.</summary>
    public const double OrphanOrderLineRate = 0.0002;
    public const string OrphanOrderLine = "orphan_order_line";

    /// <summary>Every defect key, in the order the report lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        InvalidGtin, DuplicateGtin, MissingImages, BrokenMedia, LowResolutionImage, MissingAltText, ShortDescription,
        MissingDescription, PriceBelowCost, TierPriceRising, MissingWeight, NegativeStock, StaleStock, InvalidVat,
        VatCountryMismatch, DuplicateAccount, ConsentWithoutTimestamp, InvalidEmail, OrphanOrderLine,
    ];

    /// <summary>How many of <paramref name="records"/> carry a defect of that rate: at least one when there are records.</summary>
    public static int CountFor(double rate, int records) => records == 0 ? 0 : Math.Max(1, (int)Math.Round(rate * records));
}
