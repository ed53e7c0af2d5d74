using Monitoring.Quality.Validators;

namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>unique</c> (set-level): no two records share a value of <c>field</c> (or the combination of <c>fields</c>),
/// compared after <c>normalize</c>: <c>text</c> (default: trimmed, case-insensitive), <c>exact</c>, <c>gtin</c>
/// (digits only, left-padded to 14 so a UPC-A and its EAN-13 form collide), <c>vat</c> (punctuation removed),
/// <c>email</c> (trimmed, lower case). Every holder of a shared value fails, naming the others. Records without a
/// value do not apply.
/// </summary>
public sealed class UniqueRule(IReadOnlyList<string> fields, Func<string, string> normalise) : SetRule
{
    private static readonly Dictionary<string, Func<string, string>> Normalisers = new()
    {
        ["text"] = v => v.Trim().ToLowerInvariant(),
        ["exact"] = v => v,
        ["gtin"] = v => new string(v.Where(char.IsAsciiDigit).ToArray()).PadLeft(14, '0'),
        ["vat"] = EuVatValidator.Normalise,
        ["email"] = v => v.Trim().ToLowerInvariant(),
    };

    public static QualityRuleKind Kind { get; } = new("unique", QualityDimension.Uniqueness, "{field} '{value}' is also used by {detail}", Read);

    public override IReadOnlyCollection<string> Reads => fields.ToList();

    protected override IEnumerable<RuleOutcome> CheckAll(IReadOnlyList<QualityRecord> records, QualityScanContext context)
    {
        var field = string.Join(", ", fields);
        var valued = records
            .Select(r => (Record: r, Values: fields.Select(r.Text).ToArray()))
            .Where(x => x.Values.All(v => v is not null))
            .Select(x => (x.Record, Shown: string.Join(" / ", x.Values), Key: string.Join("\u001f", x.Values.Select(v => normalise(v!)))));
        foreach (var group in valued.GroupBy(x => x.Key, StringComparer.Ordinal))
        {
            var holders = group.ToList();
            foreach (var (record, shown, _) in holders)
            {
                if (holders.Count == 1) yield return RuleOutcome.Pass(record);
                else yield return RuleOutcome.Fail(record, field, shown, Others(holders.Select(h => h.Record).Where(o => o.Key != record.Key)));
            }
        }
    }

    private static IQualityRule? Read(RuleSettings s)
    {
        var fields = RequiredRule.FieldsOf(s);
        var name = s.Node.String("normalize") ?? "text";
        if (!Normalisers.TryGetValue(name, out var normalise))
        {
            s.Node.Child("normalize")!.Error($"'{name}' is not a normalisation (known: {string.Join(", ", Normalisers.Keys)})");
            return null;
        }
        return fields.Count == 0 ? null : new UniqueRule(fields, normalise);
    }
}
