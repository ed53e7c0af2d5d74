using Monitoring.Quality.Validators;

namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>unique</c> (set-level): no two records share a value of <c>field</c> (or the combination of <c>fields</c>),
/// compared after <c>normalize</c>: <c>text</c> (default: trimmed, case-insensitive), <c>exact</c>, <c>gtin</c>
/// (digits only, left-padded to 14 so a UPC-A and its EAN-13 form collide), <c>vat</c> (punctuation removed),
/// <c>email</c> (trimmed, lower case). Every holder of a shared value fails, naming the others. Records without a
/// value do not apply.
/// </summary>
public sealed class UniqueRule : SetRule
{
    /// <summary>A normalisation: the key, and the key's hash (<see cref="KeyGroups.Hash"/>) computed without building
    /// the key where that is cheap (a million products, nearly every value held once).</summary>
    private sealed record Normaliser(Func<string, string> Key, Func<string, long> Hash);

    private static readonly Dictionary<string, Normaliser> Normalisers = new()
    {
        ["text"] = new(v => v.Trim().ToLowerInvariant(), v => KeyGroups.HashLowerCase(v.AsSpan().Trim())),
        ["exact"] = new(v => v, v => KeyGroups.Hash(v)),
        ["gtin"] = new(GtinKey, GtinHash),
        ["vat"] = new(EuVatValidator.Normalise, v => KeyGroups.Hash(EuVatValidator.Normalise(v))),
        ["email"] = new(v => v.Trim().ToLowerInvariant(), v => KeyGroups.HashLowerCase(v.AsSpan().Trim())),
    };

    private readonly IReadOnlyList<string> fields;
    private readonly Normaliser normaliser;

    private UniqueRule(IReadOnlyList<string> fields, Normaliser normaliser)
    {
        this.fields = fields;
        this.normaliser = normaliser;
    }

    public static QualityRuleKind Kind { get; } = new("unique", QualityDimension.Uniqueness, "{field} '{value}' is also used by {detail}", Read);

    public override IReadOnlyCollection<string> Reads => fields.ToList();

    /// <summary>Every field has a value.</summary>
    public override bool? Applies(QualityRecord record)
    {
        foreach (var f in fields)
            if (!record.HasText(f)) return false;
        return true;
    }

    protected override IEnumerable<RuleOutcome> CheckAll(IReadOnlyList<QualityRecord> records, QualityScanContext context) =>
        Check(records, passes: true);

    protected override IEnumerable<RuleOutcome> CheckFailures(IReadOnlyList<QualityRecord> records, QualityScanContext context) =>
        Check(records, passes: false);

    private IEnumerable<RuleOutcome> Check(IReadOnlyList<QualityRecord> records, bool passes)
    {
        // The outcomes come as a GroupBy would give them (groups in the order of their first record, records in order);
        // the keys are grouped by their hashes (KeyGroups), a million products have nearly a million values. A key of
        // one field is hashed without being built.
        var field = string.Join(", ", fields);
        Func<int, long?> hashOf = fields.Count == 1
            ? i => records[i].Text(fields[0]) is { } value ? normaliser.Hash(value) : null
            : i => KeyOf(records[i]) is { } key ? KeyGroups.Hash(key) : null;
        foreach (var group in KeyGroups.Of(records.Count, hashOf, i => KeyOf(records[i])!, passes))
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
        if (fields.Count == 1) return record.Text(fields[0]) is { } value ? normaliser.Key(value) : null;
        var values = new string[fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (record.Text(fields[i]) is not { } value) return null;
            values[i] = normaliser.Key(value);
        }
        return string.Join("\u001f", values);
    }

    /// <summary>Digits only, left-padded with zeros to 14 (as <c>PadLeft</c>: a longer value is kept whole).</summary>
    private static string GtinKey(string value)
    {
        Span<char> digits = value.Length <= 256 ? stackalloc char[Math.Max(14, value.Length)] : new char[Math.Max(14, value.Length)];
        return new string(GtinDigits(value, digits));
    }

    /// <summary>The hash of <see cref="GtinKey"/>'s key, without building it.</summary>
    private static long GtinHash(string value)
    {
        Span<char> digits = value.Length <= 256 ? stackalloc char[Math.Max(14, value.Length)] : new char[Math.Max(14, value.Length)];
        return KeyGroups.Hash(GtinDigits(value, digits));
    }

    /// <summary><see cref="GtinKey"/>'s key written into <paramref name="digits"/> (at least 14 and the value's length).</summary>
    private static Span<char> GtinDigits(string value, Span<char> digits)
    {
        var count = 0;
        foreach (var c in value)
            if (char.IsAsciiDigit(c)) digits[count++] = c;
        if (count >= 14) return digits[..count];
        var padded = digits[..14];
        digits[..count].CopyTo(padded[(14 - count)..]);
        padded[..(14 - count)].Fill('0');
        return padded;
    }

    private static IQualityRule? Read(RuleSettings s)
    {
        var fields = RequiredRule.FieldsOf(s);
        var name = s.Node.String("normalize") ?? "text";
        if (!Normalisers.TryGetValue(name, out var normaliser))
        {
            s.Node.Child("normalize")!.Error($"'{name}' is not a normalisation (known: {string.Join(", ", Normalisers.Keys)})");
            return null;
        }
        return fields.Count == 0 ? null : new UniqueRule(fields, normaliser);
    }
}
