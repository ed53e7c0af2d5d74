using System.Globalization;
using System.Text.RegularExpressions;
using Monitoring.Checks;
using Monitoring.Checks.Yaml;
using Monitoring.Shop.Model;

namespace Monitoring.Quality;

/// <summary>
/// Reads the <c>rules:</c> list of one <c>checks/quality/*.yaml</c> file. Every problem is a diagnostic with file,
/// line and path; nothing throws, and a rule with an error is left out of the result.
/// </summary>
public static partial class QualityRuleReader
{
    public const string Folder = "quality";

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,62}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    private static readonly HashSet<string> Placeholders = ["field", "value", "detail", "key"];

    /// <summary>Reads one file with the built-in kinds.</summary>
    public static IReadOnlyList<QualityRuleDefinition> Read(ConfigNode fileNode) => Read(fileNode, QualityRuleKinds.All);

    public static IReadOnlyList<QualityRuleDefinition> Read(ConfigNode fileNode, IReadOnlyList<QualityRuleKind> kinds)
    {
        if (!fileNode.ExpectMapping()) return [];
        var rules = new List<QualityRuleDefinition>();
        foreach (var item in fileNode.Items("rules"))
            if (ReadRule(item, kinds) is { } rule) rules.Add(rule);
        fileNode.RejectUnknownKeys();
        return rules;
    }

    /// <summary>Records an error for every rule id declared again (across files), naming where it first was.</summary>
    public static void ReportDuplicateIds(IEnumerable<QualityRuleDefinition> rules, ConfigDiagnostics diagnostics)
    {
        foreach (var group in rules.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                var colon = duplicate.DeclaredAt.LastIndexOf(':');
                diagnostics.Add(duplicate.DeclaredAt[..colon], int.Parse(duplicate.DeclaredAt[(colon + 1)..], CultureInfo.InvariantCulture),
                    "rules.id", $"duplicate quality rule id '{duplicate.Id}' (first declared at {first.DeclaredAt})");
            }
        }
    }

    private static QualityRuleDefinition? ReadRule(ConfigNode node, IReadOnlyList<QualityRuleKind> kinds)
    {
        if (!node.ExpectMapping()) return null;
        var ok = true;
        var errorsBefore = node.File.Diagnostics.Errors.Count;

        var id = node.RequiredString("id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            node.Child("id")!.Error($"'{id}' is not a valid rule id (lower-case letters, digits, '.', '-' and '_', at most 63 characters)");
            ok = false;
        }

        var entityName = node.RequiredString("entity");
        ShopEntity? entity = null;
        if (entityName is not null)
        {
            entity = QualityNames.Entities.Contains(entityName) ? ShopModel.Find(entityName) : null;
            if (entity is null) node.Child("entity")!.Error($"'{entityName}' is not a quality entity (known: {string.Join(", ", QualityNames.Entities)})");
        }

        var kindName = node.RequiredString("kind");
        var kind = kindName is null ? null : kinds.FirstOrDefault(k => k.Name == kindName);
        if (kindName is not null && kind is null)
            node.Child("kind")!.Error($"'{kindName}' is not a quality rule kind (known kinds: {string.Join(", ", kinds.Select(k => k.Name))})");

        var severity = Enumerated(node, "severity", QualitySeverity.Major, required: true, ref ok);
        var dimension = Enumerated(node, "dimension", kind?.DefaultDimension ?? QualityDimension.Validity, required: false, ref ok);

        var weight = QualityNames.DefaultWeight(severity);
        if (node.Child("weight") is { } weightNode && weightNode.Scalar() is { } weightText)
        {
            if (double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w >= 0 && double.IsFinite(w)) weight = w;
            else { weightNode.Error($"'{weightText}' is not a weight (a number, 0 or more)"); ok = false; }
        }

        var message = node.String("message") ?? kind?.DefaultMessage ?? "";
        if (node.Child("message") is { } messageNode) ok &= CheckPlaceholders(messageNode, message);

        var when = entity is null ? RecordFilter.Always : RecordFilter.Read(node.Child("when"), entity);
        var fix = node.String("fix");
        var team = node.String("team");

        var rule = kind is not null && entity is not null ? kind.Read(new RuleSettings(node, entity)) : null;
        // Without a known kind or entity its settings are unknown too: listing them all would bury the one real error.
        if (kind is not null && entity is not null) node.RejectUnknownKeys();
        // Any error in this rule (its when:, message, settings) leaves it out: half a rule would score wrongly.
        ok &= node.File.Diagnostics.Errors.Count == errorsBefore;

        if (!ok || id is null || entity is null || kind is null || rule is null) return null;
        return new QualityRuleDefinition
        {
            Id = id, Entity = entity.Name, Kind = kind.Name, When = when, Dimension = dimension, Severity = severity,
            Weight = weight, Message = message, Fix = fix, Team = team, DeclaredAt = $"{node.File.DisplayPath}:{node.Line}", Rule = rule,
            Fingerprint = QualityRuleSet.Fingerprint(node.Raw),
        };
    }

    private static T Enumerated<T>(ConfigNode node, string key, T fallback, bool required, ref bool ok) where T : struct, Enum
    {
        var text = required ? node.RequiredString(key) : node.String(key);
        if (text is null)
        {
            ok &= !required;
            return fallback;
        }
        if (QualityNames.TryParse<T>(text, out var value)) return value;
        node.Child(key)!.Error($"'{text}' is not a {key} (known: {QualityNames.Known<T>()})");
        ok = false;
        return fallback;
    }

    private static bool CheckPlaceholders(ConfigNode node, string message)
    {
        var unknown = Placeholder().Matches(message).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).ToList();
        if (unknown.Count == 0) return true;
        node.Error($"unknown placeholder {string.Join(", ", unknown.Select(u => "{" + u + "}"))} (known: {{field}}, {{value}}, {{detail}}, {{key}})");
        return false;
    }
}
