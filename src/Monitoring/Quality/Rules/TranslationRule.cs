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
        var missing = new List<string>();
        foreach (var locale in locales)
        {
            var translation = record.Translations.FirstOrDefault(t => string.Equals(t.Text("locale"), locale, StringComparison.OrdinalIgnoreCase));
            var empty = fields.Where(f => translation?.Text(f) is null).ToList();
            if (empty.Count > 0) missing.Add($"{locale} ({string.Join(", ", empty)})");
        }
        return missing.Count == 0 ? RuleOutcome.Pass(record) : RuleOutcome.Fail(record, "translations", string.Join("; ", missing), "missing");
    }

    private static IQualityRule? Read(RuleSettings s)
    {
        var locales = s.Strings("locales");
        if (locales.Count == 0) s.Node.RequiredChild("locales");
        var fields = s.Node.Child("fields") is null ? ["name", "description"] : s.Fields("fields", Shop.Model.ShopModel.ProductTranslation);
        return locales.Count == 0 || fields.Count == 0 ? null : new TranslationRule(locales, fields);
    }
}
