using System.Text.RegularExpressions;
using Monitoring.Checks.Yaml;
using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Scenarios;
using Monitoring.Shop.Sources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Checks;

/// <summary>
/// Reads a <c>checks/</c> folder and validates it as a whole: every file, every field, and what spans files (unique
/// ids). Every error is collected with its file, line and YAML path; nothing is half-loaded.
/// </summary>
public sealed partial class CheckSetLoader(IReadOnlyList<ProbeKind> probeKinds, VariableExpander expander)
{
    public const string SettingsFile = "monitoring.yaml";
    public const string AlertsFile = "alerts.yaml";
    public const string ProbesFolder = "probes";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex IdPattern();

    /// <summary>A loader for the built-in probe kinds, expanding variables from the environment.</summary>
    public static CheckSetLoader Default(IReadOnlyDictionary<string, string>? variables = null) =>
        new(ProbeKinds.All, VariableExpander.FromEnvironment(variables));

    /// <summary>Loads the folder, or throws <see cref="InvalidChecksException"/> listing every error.</summary>
    public CheckSet LoadOrThrow(string directory)
    {
        var (checks, errors) = Load(directory);
        return errors.Count == 0 ? checks! : throw new InvalidChecksException(errors);
    }

    /// <summary>Loads the folder; the check set is null whenever there is at least one error.</summary>
    public (CheckSet? Checks, IReadOnlyList<ConfigError> Errors) Load(string directory)
    {
        var diagnostics = new ConfigDiagnostics();
        var root = Path.GetFullPath(directory);
        var displayRoot = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar));
        if (!System.IO.Directory.Exists(root))
        {
            diagnostics.Add(directory, 0, "", "the checks folder does not exist");
            return (null, diagnostics.Errors);
        }

        string Display(string file) => Path.Combine(displayRoot, Path.GetRelativePath(root, file)).Replace('\\', '/');

        var settings = new MonitoringSettings();
        var settingsPath = Path.Combine(root, SettingsFile);
        if (File.Exists(settingsPath) && Parse(settingsPath, Display(settingsPath), diagnostics) is { } settingsNode)
            settings = MonitoringSettings.Read(settingsNode);

        var alerts = Alerting.AlertRoutes.None;
        var alertsPath = Path.Combine(root, AlertsFile);
        if (File.Exists(alertsPath) && Parse(alertsPath, Display(alertsPath), diagnostics) is { } alertsNode)
            alerts = Alerting.AlertRoutes.Read(alertsNode);

        var probes = new List<ProbeDefinition>();
        foreach (var file in YamlFiles(Path.Combine(root, ProbesFolder)))
        {
            if (Parse(file, Display(file), diagnostics) is not { } fileNode || !fileNode.ExpectMapping()) continue;
            foreach (var item in fileNode.Items("probes"))
                if (ReadProbe(item, settings) is { } probe) probes.Add(probe);
            fileNode.RejectUnknownKeys();
        }

        // Scenarios are checks of the kind "scenario", read with the same common keys as a probe.
        var scenarioKind = probeKinds.FirstOrDefault(k => k.Name == ScenarioReader.KindName);
        foreach (var file in YamlFiles(Path.Combine(root, ScenarioReader.Folder)))
            if (Parse(file, Display(file), diagnostics) is { } fileNode)
                probes.AddRange(ScenarioReader.ReadFile(fileNode, item => ReadProbe(item, settings, scenarioKind)));

        var sources = new SourceReader();
        foreach (var file in YamlFiles(Path.Combine(root, SourceReader.Folder)))
            if (Parse(file, Display(file), diagnostics) is { } fileNode) sources.ReadFile(fileNode);
        sources.ReportDuplicateIds(diagnostics);

        var qualityRules = new List<Quality.QualityRuleDefinition>();
        foreach (var file in YamlFiles(Path.Combine(root, Quality.QualityRuleReader.Folder)))
            if (Parse(file, Display(file), diagnostics) is { } fileNode) qualityRules.AddRange(Quality.QualityRuleReader.Read(fileNode));
        Quality.QualityRuleReader.ReportDuplicateIds(qualityRules, diagnostics);

        IReadOnlyList<Kpis.KpiTarget> kpiTargets = [];
        var kpiTargetsPath = Path.Combine(root, Kpis.KpiTargetReader.RelativePath);
        if (File.Exists(kpiTargetsPath) && Parse(kpiTargetsPath, Display(kpiTargetsPath), diagnostics) is { } kpiTargetsNode)
            kpiTargets = Kpis.KpiTargetReader.Read(kpiTargetsNode);
        var kpiCalendar = Kpis.Calendar.CalendarDefinition.Default;
        var kpiCalendarPath = Path.Combine(root, Kpis.Calendar.CalendarReader.RelativePath);
        if (File.Exists(kpiCalendarPath) && Parse(kpiCalendarPath, Display(kpiCalendarPath), diagnostics) is { } kpiCalendarNode)
            kpiCalendar = Kpis.Calendar.CalendarReader.Read(kpiCalendarNode);
        // kpis/ is a known folder, so a misspelt targets or calendar file there would otherwise be skipped without a word.
        foreach (var file in YamlFiles(Path.Combine(root, Kpis.KpiTargetReader.Folder)).Where(f => f != kpiTargetsPath && f != kpiCalendarPath))
            diagnostics.Add(Display(file), 0, "", $"not read: the KPI targets are read from {Kpis.KpiTargetReader.Folder}/{Kpis.KpiTargetReader.FileName}" +
                                                  $" and the business calendar from {Kpis.KpiTargetReader.Folder}/{Kpis.Calendar.CalendarReader.FileName}");

        ReportStrayFiles(root, Display, diagnostics);
        ReportDuplicateIds(probes, diagnostics);
        ReportBadDependencies(probes, diagnostics);
        var errors = diagnostics.Errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
        return errors.Count > 0 ? (null, errors) : (new CheckSet(root, settings, probes) { Alerts = alerts, Sources = sources.Sources, QualityRules = qualityRules, KpiTargets = kpiTargets, KpiCalendar = kpiCalendar }, []);
    }

    private ConfigNode? Parse(string path, string display, ConfigDiagnostics diagnostics)
    {
        var file = new ConfigFile(display, diagnostics, expander);
        TrackingParser? parser = null;
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            parser = new TrackingParser(new Parser(reader));
            stream.Load(parser);
            if (stream.Documents.Count == 0) return null;
            return new ConfigNode(stream.Documents[0].RootNode, "", file);
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Replace(Environment.NewLine, " ");
            diagnostics.Add(display, (int)e.Start.Line, "", $"not valid YAML: {message}");
            return null;
        }
        catch (InvalidOperationException) when (parser is not null)
        {
            // YamlDotNet's way of failing at the end of a file left inside an unclosed [ or { (found by the malformed
            // YAML tests: a comment on the line swallowed the closing bracket).
            diagnostics.Add(display, parser.LastLine, "", "not valid YAML: the file ends inside a [ ] or { } that is never closed " +
                                                           "(does a # comment on its line hide the closing bracket?)");
            return null;
        }
    }

    /// <summary>Reads a check; <paramref name="scenarioKind"/> is given for an item of <c>scenarios/</c>, whose kind is
    /// implied, and probes/ items choose among the other kinds.</summary>
    private ProbeDefinition? ReadProbe(ConfigNode node, MonitoringSettings settings, ProbeKind? scenarioKind = null)
    {
        if (!node.ExpectMapping()) return null;

        var id = node.RequiredString("id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            node.Child("id")!.Error($"'{id}' is not a valid id (lower-case letters, digits, '-' and '_', at most 63 characters)");
            id = null;
        }

        var kindName = scenarioKind?.Name ?? node.RequiredString("kind");
        var kind = scenarioKind ?? (kindName is null ? null : ProbeFolderKinds.FirstOrDefault(k => k.Name == kindName));
        if (kindName is not null && kind is null)
            node.Child("kind")!.Error($"'{kindName}' is not a probe kind (known kinds: {KnownKinds()})" +
                (kindName == ScenarioReader.KindName ? $"; scenarios are declared in {ScenarioReader.Folder}/" : ""));

        var name = node.String("name");
        var team = node.String("team");
        var severity = node.String("severity") ?? "critical";
        if (severity is not ("critical" or "warning"))
        {
            node.Child("severity")!.Error($"'{severity}' is not a severity (write critical or warning)");
            severity = "critical";
        }
        var interval = node.Duration("interval") ?? settings.DefaultInterval;
        var timeout = node.Duration("timeout") ?? settings.DefaultTimeout;

        var policy = CheckPolicy.Read(node, settings.DefaultPolicy, settings.TimeZone);

        if (!Schedules.TryToCron(interval, id ?? "", out _, out var scheduleError))
            (node.Child("interval") ?? node).Error(scheduleError!);
        // A run with its retries must end before the next one starts, or runs of one check would overlap.
        var longestRun = timeout * (policy.Retries + 1) + policy.RetryInterval * policy.Retries;
        if (longestRun >= interval)
            (node.Child("timeout") ?? node).Error(policy.Retries == 0
                ? $"timeout {Durations.Format(timeout)} must be shorter than the interval {Durations.Format(interval)}"
                : $"timeout {Durations.Format(timeout)} with {policy.Retries} retries {Durations.Format(policy.RetryInterval)} apart " +
                  $"can take {Durations.Format(longestRun)}, which is not shorter than the interval {Durations.Format(interval)} " +
                  "(shorten the timeout, lower retries, or lengthen the interval)");

        var probeSettings = kind?.ReadSettings(node);
        // Without a known kind its keys are unknown too: listing them all would bury the one real error.
        if (kind is not null) node.RejectUnknownKeys();

        if (id is null || kind is null || probeSettings is null) return null;
        return new ProbeDefinition(id, name ?? id, kind.Name, interval, timeout, team, probeSettings,
            $"{node.File.DisplayPath}:{node.Line}") { Policy = policy, YamlPath = node.Path, Severity = severity };
    }

    private IEnumerable<ProbeKind> ProbeFolderKinds => probeKinds.Where(k => k.Name != ScenarioReader.KindName);

    private string KnownKinds() => ProbeFolderKinds.Any() ? string.Join(", ", ProbeFolderKinds.Select(k => k.Name)) : "none";

    private static void ReportDuplicateIds(IReadOnlyList<ProbeDefinition> probes, ConfigDiagnostics diagnostics)
    {
        foreach (var group in probes.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                var (file, line) = SplitSource(duplicate.Source);
                diagnostics.Add(file, line, $"{duplicate.YamlPath}.id", $"duplicate probe id '{duplicate.Id}' (first declared at {first.Source})");
            }
        }
    }

    private static void ReportBadDependencies(IReadOnlyList<ProbeDefinition> probes, ConfigDiagnostics diagnostics)
    {
        var byId = probes.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var probe in probes)
        {
            var (file, line) = SplitSource(probe.Source);
            foreach (var parent in probe.Policy.DependsOn)
            {
                if (parent == probe.Id)
                    diagnostics.Add(file, line, $"{probe.YamlPath}.depends_on", $"'{probe.Id}' cannot depend on itself");
                else if (!byId.ContainsKey(parent))
                    diagnostics.Add(file, line, $"{probe.YamlPath}.depends_on", $"'{parent}' is not a declared check (known: {string.Join(", ", byId.Keys.Order())})");
            }
            if (DependsOnItself(probe.Id, byId, [], probe.Id))
                diagnostics.Add(file, line, $"{probe.YamlPath}.depends_on", $"'{probe.Id}' depends on itself through its parents: a cycle can never alert");
        }
    }

    private static bool DependsOnItself(string start, IReadOnlyDictionary<string, ProbeDefinition> byId, HashSet<string> seen, string current)
    {
        if (!byId.TryGetValue(current, out var probe)) return false;
        foreach (var parent in probe.Policy.DependsOn.Where(p => p != current))
        {
            if (parent == start) return true;
            if (seen.Add(parent) && DependsOnItself(start, byId, seen, parent)) return true;
        }
        return false;
    }

    /// <summary>YAML files where no section reads them are almost always a typo in a folder name: say so.</summary>
    private static void ReportStrayFiles(string root, Func<string, string> display, ConfigDiagnostics diagnostics)
    {
        var known = KnownFiles.Select(f => Path.Combine(root, f)).ToArray();
        foreach (var file in System.IO.Directory.EnumerateFiles(root, "*.y*ml", SearchOption.AllDirectories))
        {
            var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Split(Path.DirectorySeparatorChar)[0];
            if (known.Contains(file) || KnownFolders.Contains(folder)) continue;
            diagnostics.Add(display(file), 0, "",
                $"not read: YAML files belong in {string.Join(", ", KnownFiles)} or in one of the folders {string.Join(", ", KnownFolders.Select(f => f + "/"))}");
        }
    }

    /// <summary>Files at the top of <c>checks/</c> that a section reads.</summary>
    private static readonly string[] KnownFiles = [SettingsFile, AlertsFile];

    /// <summary>Folders of <c>checks/</c> that a section reads; the others are reported as stray.</summary>
    private static readonly string[] KnownFolders = [ProbesFolder, ScenarioReader.Folder, SourceReader.Folder, Quality.QualityRuleReader.Folder, Kpis.KpiTargetReader.Folder];

    private static IEnumerable<string> YamlFiles(string folder) =>
        System.IO.Directory.Exists(folder)
            ? System.IO.Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];

    private static (string File, int Line) SplitSource(string source)
    {
        var colon = source.LastIndexOf(':');
        return (source[..colon], int.Parse(source[(colon + 1)..]));
    }
}
