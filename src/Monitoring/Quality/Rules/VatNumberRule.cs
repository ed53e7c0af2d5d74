using Monitoring.Quality.Validators;

namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>vat_number</c> (on accounts): an intra-EU VAT number with the format and check digits of its country
/// (<see cref="EuVatValidator"/>), whose prefix is the account's country (EL for GR, XI for a GB account in Northern
/// Ireland), and, with <c>check_delivery</c> (default true; context: addresses), no delivery address in another
/// country (the seeds' "concordance avec l'adresse de livraison", S3:22). Settings: <c>field</c> (vat_number),
/// <c>country_field</c> (country). An account outside the EU, or without a number, does not apply.
/// </summary>
public sealed class VatNumberRule(string field, string countryField, bool checkDelivery) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("vat_number", QualityDimension.Validity, "VAT number '{value}': {detail}",
        s => s.Field("field", "vat_number") is { } f && s.Field("country_field", "country") is { } c
            ? new VatNumberRule(f, c, s.Bool("check_delivery", true)) : null);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Text(field) is not { } vat) return null;
        var country = record.Text(countryField)?.Trim().ToUpperInvariant();
        var expected = country is null ? null : EuVatValidator.PrefixForCountry(country);
        if (expected is not null && !EuVatValidator.Prefixes.Contains(expected)) return null;

        if (EuVatValidator.Error(vat) is { } error) return RuleOutcome.Fail(record, field, vat, error);
        var prefix = EuVatValidator.PrefixOf(vat)!;
        if (expected is not null && prefix != expected)
            return RuleOutcome.Fail(record, field, vat, $"prefix {prefix} does not match the account's country {country} (expected {expected})");

        if (checkDelivery)
        {
            var vatCountry = EuVatValidator.CountryOfPrefix(prefix);
            var elsewhere = record.Addresses
                .Where(a => string.Equals(a.Text("kind"), "delivery", StringComparison.OrdinalIgnoreCase))
                .Select(a => a.Text("country")?.Trim().ToUpperInvariant())
                .FirstOrDefault(c => c is not null && c != vatCountry);
            if (elsewhere is not null)
                return RuleOutcome.Fail(record, field, vat, $"a delivery address is in {elsewhere}, the VAT number is of {vatCountry}");
        }
        return Pass(record);
    }
}
