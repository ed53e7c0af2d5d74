using Monitoring.Checks;
using Monitoring.Checks.Yaml;
using Monitoring.Quality;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Tests.Quality;

public enum Expect
{
    Pass,
    Fail,
    NotApplicable,
}

/// <summary>Rules from YAML snippets, records from field lists, and one-call evaluation, for the quality tests.</summary>
internal static class QualityTestKit
{
    public const string FileName = "checks/quality/t.yaml";

    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static QualityScanContext Context { get; } = new() { Now = Now };

    /// <summary>Reads a whole file; returns the rules and every error.</summary>
    public static (IReadOnlyList<QualityRuleDefinition> Rules, IReadOnlyList<ConfigError> Errors) Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var diagnostics = new ConfigDiagnostics();
        var file = new ConfigFile(FileName, diagnostics, new VariableExpander(_ => null));
        var rules = QualityRuleReader.Read(new ConfigNode(stream.Documents[0].RootNode, "", file));
        return (rules, diagnostics.Errors);
    }

    /// <summary>One rule from its kind-specific lines; id, entity and severity default so tests state only what matters.</summary>
    public static QualityRuleDefinition Rule(string entity, string settings, string severity = "major")
    {
        var lines = settings.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var yaml = $"rules:\n  - id: r1\n    entity: {entity}\n    severity: {severity}\n" + string.Concat(lines.Select(l => $"    {l}\n"));
        var (rules, errors) = Read(yaml);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return Assert.Single(rules);
    }

    public static QualityRecord Record(string entity, string key, params (string Field, object? Value)[] values) =>
        new(entity, key, values.ToDictionary(v => v.Field, v => v.Value));

    public static QualityRecord Product(params (string Field, object? Value)[] values) => Record("product", "SKU-1", values);

    public static QualityRecord Account(params (string Field, object? Value)[] values) => Record("account", "A-1", values);

    public static QualityRecord Contact(params (string Field, object? Value)[] values) => Record("contact", "C-1", values);

    public static QualityRecord Media(string key, params (string Field, object? Value)[] values) => Record("media", key, values);

    /// <summary>The outcomes of one rule over the records (its <c>when:</c> applied).</summary>
    public static IReadOnlyList<RuleCheck> Evaluate(QualityRuleDefinition rule, IReadOnlyList<QualityRecord> records, QualityScanContext? context = null) =>
        new QualityEvaluator([rule]).EvaluateAsync(records, context ?? Context).GetAwaiter().GetResult().Checks;

    /// <summary>Asserts what one rule says about one record.</summary>
    public static RuleCheck? Assert1(QualityRuleDefinition rule, QualityRecord record, Expect expected, QualityScanContext? context = null)
    {
        var checks = Evaluate(rule, [record], context);
        switch (expected)
        {
            case Expect.NotApplicable:
                Assert.Empty(checks);
                return null;
            case Expect.Pass:
                Assert.True(Assert.Single(checks).Finding is null, $"expected a pass, got: {checks[0].Finding?.Message}");
                return checks[0];
            default:
                Assert.NotNull(Assert.Single(checks).Finding);
                return checks[0];
        }
    }
}
