using System.Text.RegularExpressions;
using Monitoring.Checks;
using Monitoring.Checks.Yaml;

namespace Monitoring.Shop.Sources;

/// <summary>
/// Reads the <c>sources:</c> lists of <c>checks/sources/*.yaml</c>, file by file, and what spans files (unique ids).
/// Every problem is a diagnostic with file, line and path; nothing throws.
/// </summary>
public sealed partial class SourceReader(IReadOnlyList<SourceKind> kinds)
{
    public const string Folder = "sources";

    private readonly List<(SourceDefinition Source, string Path)> _sources = [];

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex IdPattern();

    public SourceReader() : this(SourceKinds.All)
    {
    }

    /// <summary>Every source read so far, in file order.</summary>
    public IReadOnlyList<SourceDefinition> Sources => _sources.Select(s => s.Source).ToArray();

    /// <summary>Reads one file's <c>sources:</c> list.</summary>
    public void ReadFile(ConfigNode file)
    {
        if (!file.ExpectMapping()) return;
        foreach (var item in file.Items("sources"))
            if (Read(item) is { } source) _sources.Add((source, item.Path));
        file.RejectUnknownKeys();
    }

    /// <summary>Records an error for every id declared again, naming where it was first declared.</summary>
    public void ReportDuplicateIds(ConfigDiagnostics diagnostics)
    {
        foreach (var group in _sources.GroupBy(s => s.Source.Id).Where(g => g.Count() > 1))
        {
            var first = group.First().Source;
            foreach (var (duplicate, path) in group.Skip(1))
            {
                var colon = duplicate.DeclaredAt.LastIndexOf(':');
                diagnostics.Add(duplicate.DeclaredAt[..colon], int.Parse(duplicate.DeclaredAt[(colon + 1)..]), $"{path}.id",
                    $"duplicate source id '{duplicate.Id}' (first declared at {first.DeclaredAt})");
            }
        }
    }

    private SourceDefinition? Read(ConfigNode node)
    {
        if (!node.ExpectMapping()) return null;

        var id = node.RequiredString("id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            node.Child("id")!.Error($"'{id}' is not a valid id (lower-case letters, digits, '-' and '_', at most 63 characters)");
            id = null;
        }

        var kindName = node.RequiredString("kind");
        var kind = kindName is null ? null : kinds.FirstOrDefault(k => k.Name == kindName);
        if (kindName is not null && kind is null)
            node.Child("kind")!.Error($"'{kindName}' is not a source kind (known kinds: {string.Join(", ", kinds.Select(k => k.Name))})");

        string? cron = null;
        if (node.Duration("schedule") is { } interval && !Schedules.TryToCron(interval, id ?? "", out cron, out var scheduleError))
        {
            node.Child("schedule")!.Error(scheduleError!);
            cron = null;
        }

        var header = new SourceHeader(id ?? "", cron, $"{node.File.DisplayPath}:{node.Line}");
        var source = kind?.Read(node, header);
        // Without a known kind its keys are unknown too: listing them all would bury the one real error.
        if (kind is not null) node.RejectUnknownKeys();
        return id is null ? null : source;
    }
}
