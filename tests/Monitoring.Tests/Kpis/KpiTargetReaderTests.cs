using Monitoring.Checks;
using Monitoring.Checks.Yaml;
using Monitoring.Kpis;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Tests.Kpis;

public sealed class KpiTargetReaderTests
{
    private const string FileName = "checks/kpis/targets.yaml";

    private static (IReadOnlyList<KpiTarget> Targets, IReadOnlyList<ConfigError> Errors) Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var diagnostics = new ConfigDiagnostics();
        var file = new ConfigFile(FileName, diagnostics, new VariableExpander(_ => null));
        var targets = KpiTargetReader.Read(new ConfigNode(stream.Documents[0].RootNode, "", file));
        return (targets, diagnostics.Errors);
    }

    [Fact]
    public void Reads_every_key_of_a_target_and_the_defaults_of_the_optional_ones()
    {
        var (targets, errors) = Read("""
            targets:
              - kpi: conversion_rate
                value: 6.5%
                period: 2026-W48
                segment: country=FR
                deadline: 2026-12-31
                owner: Directeur e-commerce
                note: Review the checkout funnel.
              - kpi: net_revenue
                value: 1500000
                owner: Directeur commercial
            """);

        Assert.Empty(errors);
        Assert.Equal(2, targets.Count);
        Assert.Equal(new KpiTarget("conversion_rate", new SegmentKey(SegmentKey.Country, "FR"), "2026-W48", 0.065m,
            new DateOnly(2026, 12, 31), "Directeur e-commerce", "Review the checkout funnel."), targets[0]);
        Assert.Equal(new KpiTarget("net_revenue", SegmentKey.All, "week", 1500000m, null, "Directeur commercial", null), targets[1]);
    }

    [Theory]
    [InlineData("day")]
    [InlineData("week")]
    [InlineData("month")]
    [InlineData("rolling12")]
    [InlineData("2026-11")]
    [InlineData("2026-11-23")]
    [InlineData("R12-2026-11-30")]
    public void Accepts_each_kind_of_period_and_a_single_period(string period)
    {
        var (targets, errors) = Read($"targets:\n  - {{ kpi: orders, value: 10, owner: Paul, period: {period} }}\n");

        Assert.Empty(errors);
        Assert.Equal(period, Assert.Single(targets).Period);
    }

    [Fact]
    public void Reads_the_demo_sample_without_errors()
    {
        var (targets, errors) = Read(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "checks", "kpis", "targets.yaml")));

        Assert.Empty(errors);
        Assert.True(targets.Count >= 8);
        Assert.All(targets, t => Assert.NotNull(t.Note));
    }

    // Each row: the lines of one target and the error expected at file:line path.
    [Theory]
    [InlineData("kpi: conversion_rat\n    value: 0.05\n    owner: P", "checks/kpis/targets.yaml:2 targets[0].kpi: 'conversion_rat' is not a KPI (did you mean 'conversion_rate'?)")]
    [InlineData("kpi: happiness\n    value: 0.05\n    owner: P", "checks/kpis/targets.yaml:2 targets[0].kpi: 'happiness' is not a KPI (known: sessions, visitors")]
    [InlineData("value: 0.05\n    owner: P", "checks/kpis/targets.yaml:2 targets[0].kpi: required")]
    [InlineData("kpi: orders\n    owner: P", "checks/kpis/targets.yaml:2 targets[0].value: required")]
    [InlineData("kpi: orders\n    value: 10", "checks/kpis/targets.yaml:2 targets[0].owner: required")]
    [InlineData("kpi: orders\n    value: lots\n    owner: P", "checks/kpis/targets.yaml:3 targets[0].value: 'lots' is not a number")]
    [InlineData("kpi: orders\n    value: 10%\n    owner: P", "checks/kpis/targets.yaml:3 targets[0].value: '10%' is a percentage but orders is not a rate")]
    [InlineData("kpi: conversion_rate\n    value: 5\n    owner: P", "checks/kpis/targets.yaml:3 targets[0].value: '5' is above 1, but conversion_rate is a share between 0 and 1 (write 5% or 0.05)")]
    [InlineData("kpi: orders\n    value: 10\n    owner: P\n    period: weekly", "checks/kpis/targets.yaml:5 targets[0].period: 'weekly' is not a period")]
    [InlineData("kpi: orders\n    value: 10\n    owner: P\n    period: 2026-W54", "checks/kpis/targets.yaml:5 targets[0].period: '2026-W54' is not a period")]
    [InlineData("kpi: orders\n    value: 10\n    owner: P\n    segment: web", "checks/kpis/targets.yaml:5 targets[0].segment: 'web' is not a segment")]
    [InlineData("kpi: orders\n    value: 10\n    owner: P\n    segment: sales_chanel=web", "checks/kpis/targets.yaml:5 targets[0].segment: 'sales_chanel' is not a segment dimension (did you mean 'sales_channel'?)")]
    [InlineData("kpi: sessions\n    value: 10\n    owner: P\n    segment: category=tools", "checks/kpis/targets.yaml:5 targets[0].segment: sessions is not computed per category")]
    [InlineData("kpi: orders\n    value: 10\n    owner: P\n    deadline: 31/12/2026", "checks/kpis/targets.yaml:5 targets[0].deadline: '31/12/2026' is not a date (write yyyy-mm-dd")]
    [InlineData("kpi: orders\n    value: 10\n    owner: P\n    notes: call", "checks/kpis/targets.yaml:5 targets[0].notes: unknown key (did you mean 'note'?)")]
    public void Reports_each_error_at_its_file_line_and_field(string lines, string expected)
    {
        var (targets, errors) = Read($"targets:\n  - {lines}\n");

        Assert.Empty(targets);
        Assert.Contains(errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_a_second_target_for_the_same_kpi_segment_and_period()
    {
        var (targets, errors) = Read("targets:\n  - { kpi: orders, value: 10, owner: P }\n  - { kpi: orders, value: 12, owner: Q, period: week }\n");

        Assert.Equal(10m, Assert.Single(targets).Target);
        Assert.Equal("checks/kpis/targets.yaml:3 targets[1]: a second target for orders, segment *, period week (the first is at line 2)",
            Assert.Single(errors).ToString());
    }

    [Fact]
    public void Rejects_an_unknown_top_level_key()
    {
        var (_, errors) = Read("target:\n  - { kpi: orders, value: 10, owner: P }\n");

        Assert.Equal("checks/kpis/targets.yaml:1 target: unknown key (did you mean 'targets'?)", Assert.Single(errors).ToString());
    }
}
