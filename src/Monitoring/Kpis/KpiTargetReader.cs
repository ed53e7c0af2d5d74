using System.Globalization;
using Monitoring.Checks;
using Monitoring.Checks.Yaml;

namespace Monitoring.Kpis;

/// <summary>
/// Reads the <c>targets:</c> list of <c>checks/kpis/targets.yaml</c> (R-KPI-01, R-KPI-02): per KPI, segment and period,
/// the value to reach, by when, who owns it and what to do when it is missed. Every problem is a diagnostic with file,
/// line and path; nothing throws, and a target with an error is left out of the result.
/// </summary>
public static class KpiTargetReader
{
    public const string Folder = "kpis";

    public const string FileName = "targets.yaml";

    /// <summary>The path of the file under the checks folder.</summary>
    public static string RelativePath => Path.Combine(Folder, FileName);

    /// <summary>The period kinds a target may recur over; anything else must be one period's label.</summary>
    public static IReadOnlyList<string> PeriodKinds { get; } = ["day", "week", "month", "rolling12"];

    /// <summary>Reads one file; targets with an error are left out and reported.</summary>
    public static IReadOnlyList<KpiTarget> Read(ConfigNode fileNode)
    {
        if (!fileNode.ExpectMapping()) return [];
        var targets = new List<(KpiTarget Target, int Line, string Path)>();
        foreach (var item in fileNode.Items("targets"))
            if (ReadTarget(item) is { } target) targets.Add((target, item.Line, item.Path));
        fileNode.RejectUnknownKeys();
        return WithoutDuplicates(targets, fileNode.File);
    }

    private static KpiTarget? ReadTarget(ConfigNode node)
    {
        if (!node.ExpectMapping()) return null;
        var errorsBefore = node.File.Diagnostics.Errors.Count;

        var kpi = ReadKpi(node);
        var segment = ReadSegment(node, kpi);
        var period = ReadPeriod(node);
        var value = ReadValue(node, kpi);
        var deadline = ReadDeadline(node);
        var owner = node.RequiredString("owner");
        var note = node.String("note");
        node.RejectUnknownKeys();

        // Any error leaves the target out: a half-read target would light the KPI wrongly.
        if (node.File.Diagnostics.Errors.Count != errorsBefore || kpi is null || value is null || owner is null) return null;
        return new KpiTarget(kpi.Id, segment, period, value.Value, deadline, owner.Trim(), string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }

    private static KpiDefinition? ReadKpi(ConfigNode node)
    {
        var id = node.RequiredString("kpi");
        if (id is null) return null;
        if (KpiCatalog.Find(id) is { } kpi) return kpi;
        var ids = KpiCatalog.All.Select(k => k.Id).ToList();
        var hint = Suggestions.Closest(id, ids) is { } closest ? $"did you mean '{closest}'?" : $"known: {string.Join(", ", ids)}";
        node.Child("kpi")!.Error($"'{id}' is not a KPI ({hint})");
        return null;
    }

    private static SegmentKey ReadSegment(ConfigNode node, KpiDefinition? kpi)
    {
        var child = node.Child("segment");
        var text = child?.Scalar();
        if (child is null || text is null) return SegmentKey.All;
        if (SegmentKey.Parse(text) is not { } segment)
        {
            child.Error($"'{text}' is not a segment (write * for the whole shop, or dimension=value such as sales_channel=web)");
            return SegmentKey.All;
        }
        if (segment.IsAll) return segment;
        if (!SegmentKey.Dimensions.Contains(segment.Dimension))
        {
            var hint = Suggestions.Closest(segment.Dimension, SegmentKey.Dimensions) is { } closest
                ? $"did you mean '{closest}'?" : $"known: {string.Join(", ", SegmentKey.Dimensions)}";
            child.Error($"'{segment.Dimension}' is not a segment dimension ({hint})");
        }
        else if (kpi is not null && !kpi.AppliesTo(segment))
            child.Error($"{kpi.Id} is not computed per {segment.Dimension} (it is per {string.Join(", ", kpi.Dimensions?.Order() ?? Enumerable.Empty<string>())} or for the whole shop)");
        return segment;
    }

    private static string ReadPeriod(ConfigNode node)
    {
        var child = node.Child("period");
        var text = child?.Scalar()?.Trim();
        if (child is null || text is null) return "week";
        if (PeriodKinds.Contains(text, StringComparer.OrdinalIgnoreCase)) return text.ToLowerInvariant();
        if (Period.Parse(text) is { } period && period.Label == text) return text;
        child.Error($"'{text}' is not a period (write {string.Join(", ", PeriodKinds)}, or one period: 2026-W48, 2026-11, 2026-11-23, R12-2026-11-30)");
        return "week";
    }

    /// <summary>A number in the KPI's unit; a ratio may also be written as a percentage (<c>3.5%</c>).</summary>
    private static decimal? ReadValue(ConfigNode node, KpiDefinition? kpi)
    {
        var child = node.RequiredChild("value");
        var text = child?.Scalar()?.Trim();
        if (child is null || text is null) return null;
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1].TrimEnd() : text;
        if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            child.Error($"'{text}' is not a number (write e.g. 0.035 or 3.5% for a rate, 1200 for an amount)");
            return null;
        }
        if (percent && kpi is not null && kpi.Unit != KpiUnit.Ratio)
        {
            child.Error($"'{text}' is a percentage but {kpi.Id} is not a rate (write the value in {kpi.Unit.ToString().ToLowerInvariant()})");
            return null;
        }
        if (percent) value /= 100;
        if (kpi is { Unit: KpiUnit.Ratio } && !percent && value > 1)
        {
            child.Error($"'{text}' is above 1, but {kpi.Id} is a share between 0 and 1 (write {text}% or {value / 100})");
            return null;
        }
        return value;
    }

    private static DateOnly? ReadDeadline(ConfigNode node)
    {
        var child = node.Child("deadline");
        var text = child?.Scalar()?.Trim();
        if (child is null || text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        child.Error($"'{text}' is not a date (write yyyy-mm-dd, e.g. 2026-12-31)");
        return null;
    }

    /// <summary>Two targets for one KPI, segment and period would light the KPI by whichever came first: refuse the second.</summary>
    private static List<KpiTarget> WithoutDuplicates(List<(KpiTarget Target, int Line, string Path)> targets, ConfigFile file)
    {
        var kept = new List<KpiTarget>();
        foreach (var group in targets.GroupBy(t => (t.Target.Kpi, t.Target.Segment, t.Target.Period)))
        {
            var first = group.First();
            kept.Add(first.Target);
            foreach (var duplicate in group.Skip(1))
                file.Diagnostics.Add(file.DisplayPath, duplicate.Line, duplicate.Path,
                    $"a second target for {first.Target.Kpi}, segment {first.Target.Segment}, period {first.Target.Period} (the first is at line {first.Line})");
        }
        return kept;
    }
}
