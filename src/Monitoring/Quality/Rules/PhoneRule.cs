using PhoneNumbers;

namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>phone</c>: a number libphonenumber (Google's metadata, through libphonenumber-csharp) says is valid: right
/// length and a range in use for its country. A number without a + is read in the record's country: its
/// <c>region_field</c> (default <c>country</c>), else the owner's country (a contact's account), else
/// <c>default_region</c>. A missing number does not apply.
/// </summary>
public sealed class PhoneRule(string field, string? regionField, string? defaultRegion) : RecordRule
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static QualityRuleKind Kind { get; } = new("phone", QualityDimension.Validity, "phone '{value}' is not valid: {detail}", Read);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Text(field) is not { } raw) return null;
        var region = (record.Text(regionField ?? "country") ?? record.Owner?.Text("country"))?.Trim().ToUpperInvariant() ?? defaultRegion;
        if (!raw.TrimStart().StartsWith('+') && region is null)
            return RuleOutcome.Fail(record, field, raw, "no country code and no country to read it in");
        try
        {
            var number = Util.Parse(raw, region ?? "ZZ");
            if (Util.IsValidNumber(number)) return Pass(record);
            var why = Util.IsPossibleNumberWithReason(number) switch
            {
                PhoneNumberUtil.ValidationResult.TOO_SHORT => "too short",
                PhoneNumberUtil.ValidationResult.TOO_LONG => "too long",
                PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => "unknown country code",
                _ => $"not a number in use in {Util.GetRegionCodeForNumber(number) ?? region}",
            };
            return RuleOutcome.Fail(record, field, raw, why);
        }
        catch (NumberParseException e)
        {
            return RuleOutcome.Fail(record, field, raw, e.ErrorType.ToString().ToLowerInvariant().Replace('_', ' '));
        }
    }

    private static IQualityRule? Read(RuleSettings s)
    {
        var field = s.Field("field", "phone");
        var regionField = s.Node.Child("region_field") is not null ? s.Field("region_field") : null;
        var region = s.Node.String("default_region")?.ToUpperInvariant();
        if (region is not null && !Util.GetSupportedRegions().Contains(region))
        {
            s.Node.Child("default_region")!.Error($"'{region}' is not a region libphonenumber knows (ISO country code like FR)");
            return null;
        }
        return field is null ? null : new PhoneRule(field, regionField, region);
    }
}
