using Monitoring.Quality.Rules;

namespace Monitoring.Quality;

/// <summary>Every built-in rule kind. Adding a kind = one class in <c>Rules/</c> + one line here.</summary>
public static class QualityRuleKinds
{
    public static IReadOnlyList<QualityRuleKind> All { get; } =
    [
        RequiredRule.Kind,
        LengthRule.Kind,
        RegexRule.Kind,
        AllowedValuesRule.Kind,
        RangeRule.Kind,
        ComparisonRule.Kind,
        TierPriceRule.Kind,
        GtinRule.Kind,
        VatNumberRule.Kind,
        EmailRule.Kind,
        PhoneRule.Kind,
        PostcodeRule.Kind,
        UniqueRule.Kind,
        NearDuplicateNameRule.Kind,
        ReferenceRule.Kind,
        FreshnessRule.Kind,
        TranslationRule.Kind,
        ConsentRule.Kind,
        ImagePresentRule.Kind,
        ImageDimensionsRule.Kind,
        FileSizeRule.Kind,
        AltTextRule.Kind,
        SharedImageRule.Kind,
        UnusedMediaRule.Kind,
        MediaReachableRule.Kind,
    ];
}
