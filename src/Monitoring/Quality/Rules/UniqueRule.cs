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
        ["gtin"] = GtinKey,
        ["vat"] = EuVatValidator.Normalise,
        ["email"] = v => v.Trim().ToLowerInvariant(),
    };

    public static QualityRuleKind Kind { get; } = new("unique", QualityDimension.Uniqueness, "{field} '{value}' is also used by {detail}", Read);

    public override IReadOnlyCollection<string> Reads => fields.ToList();

    /// <summary>Every field has a value.</summary>
    public override bool? Applies(QualityRecord record)
    {
        foreach (var f in fields)
            if (!record.HasText(f)) return false;
        return true;
    }

    protected override IEnumerable<RuleOutcome> CheckAll(IReadOnlyList<QualityRecord> records, QualityScanContext context)
    {
        // The outcomes come as a GroupBy would give them (groups in the order of their first record, records in order);
        // the keys are grouped by their hashes (KeyGroups), a million products have nearly a million values.
        var field = string.Join(", ", fields);
        foreach (var group in KeyGroups.Of(records.Count, i => KeyOf(records[i])))
        {
            if (group.Count == 1)
            {
                yield return RuleOutcome.Pass(records[group[0]]);
                continue;
            }
            var holding = group.Select(h => records[h]).ToList();
            foreach (var record in holding)
                yield return RuleOutcome.Fail(record, field, string.Join(" / ", fields.Select(record.Text)),
                    Others(holding.Where(o => o.Key != record.Key)));
        }
    }

    /// <summary>The normalised values joined, or null when a field has none.</summary>
    private string? KeyOf(QualityRecord record)
    {
        if (fields.Count == 1) return record.Text(fields[0]) is { } value ? normalise(value) : null;
        var values = new string[fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (record.Text(fields[i]) is not { } value) return null;
            values[i] = normalise(value);
        }
        return string.Join("\u001f", values);
    }

    /// <summary>Digits only, left-padded with zeros to 14 (as <c>PadLeft</c>: a longer value is kept whole).</summary>
    private static string GtinKey(string value)
    {
        Span<char> digits = value.Length <= 256 ? stackalloc char[Math.Max(14, value.Length)] : new char[Math.Max(14, value.Length)];
        var count = 0;
        foreach (var c in value)
            if (char.IsAsciiDigit(c)) digits[count++] = c;
        if (count >= 14) return new string(digits[..count]);
        var padded = digits[..14];
        digits[..count].CopyTo(padded[(14 - count)..]);
        padded[..(14 - count)].Fill('0');
        return new string(padded);
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
