using Monitoring.Quality.Validators;

namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>near_duplicate_name</c> (set-level, on accounts): two accounts whose names are the same once normalised
/// (<see cref="CompanyName"/>: case, accents, punctuation and legal forms such as SARL, GmbH, SL, BV ignored) at the
/// same postcode. The postcode is the record's <c>postcode</c> field when the entity has one, else that of its
/// <c>address_kind</c> address (default billing; context: addresses). Settings: <c>field</c> (name).
/// </summary>
public sealed class NearDuplicateNameRule(string field, string addressKind) : SetRule
{
    public static QualityRuleKind Kind { get; } = new("near_duplicate_name", QualityDimension.Uniqueness,
        "'{value}' looks like the same company as {detail}",
        s => s.Field("field", "name") is { } f ? new NearDuplicateNameRule(f, s.Node.String("address_kind") ?? "billing") : null);

    public override IReadOnlyCollection<string> Reads => [@field, "postcode"];

    public override IReadOnlyCollection<string> AddressReads => ["kind", "postcode"];

    protected override IEnumerable<RuleOutcome> CheckAll(IReadOnlyList<QualityRecord> records, QualityScanContext context)
    {
        var keyed = records
            .Select(r => (Record: r, Name: r.Text(field), Postcode: PostcodeOf(r)))
            .Where(x => x.Name is not null && x.Postcode is not null)
            .Select(x => (x.Record, x.Name, Key: CompanyName.Normalise(x.Name!) + "|" + x.Postcode));
        foreach (var group in keyed.GroupBy(x => x.Key, StringComparer.Ordinal))
        {
            var holders = group.ToList();
            foreach (var (record, name, _) in holders)
            {
                if (holders.Count == 1) yield return RuleOutcome.Pass(record);
                else yield return RuleOutcome.Fail(record, field, name, Others(holders.Select(h => h.Record).Where(o => o.Key != record.Key)));
            }
        }
    }

    private string? PostcodeOf(QualityRecord record)
    {
        var postcode = record.Text("postcode") ?? record.Addresses
            .Where(a => string.Equals(a.Text("kind"), addressKind, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Text("postcode")).FirstOrDefault(p => p is not null);
        return postcode is null ? null : new string(postcode.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
    }
}
