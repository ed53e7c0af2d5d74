namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>translations</c> (on products, context: the product's translations): for each of the active <c>locales</c>, a
/// translation whose <c>fields</c> (default name and description) are all filled (research PRD.TRANSLATION.MISSING).
/// The main locale's text lives on the product itself: list only the translated locales.
/// </summary>
public sealed class TranslationRule(IReadOnlyList<string> locales, IReadOnlyList<string> fields) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("translations", QualityDimension.Completeness, "missing translations: {value}", Read);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        // Loops that allocate only for a failure: every product is checked, few fail.
        List<string>? missing = null;
        foreach (var locale in locales)
        {
            QualityRecord? translation = null;
            foreach (var t in record.Translations)
                if (string.Equals(t.Text("locale"), locale, StringComparison.OrdinalIgnoreCase))
                {
                    translation = t;
                    break;
                }
            List<string>? empty = null;
            foreach (var field in fields)
                if (translation?.Text(field) is null) (empty ??= []).Add(field);
            if (empty is not null) (missing ??= []).Add($"{locale} ({string.Join(", ", empty)})");
        }
        return missing is null ? Pass(record) : RuleOutcome.Fail(record, "translations", string.Join("; ", missing), "missing");
    }

    private static IQualityRule? Read(RuleSettings s)
    {
        var locales = s.Strings("locales");
        if (locales.Count == 0) s.Node.RequiredChild("locales");
        var fields = s.Node.Child("fields") is null ? ["name", "description"] : s.Fields("fields", Shop.Model.ShopModel.ProductTranslation);
        return locales.Count == 0 || fields.Count == 0 ? null : new TranslationRule(locales, fields);
    }
}
