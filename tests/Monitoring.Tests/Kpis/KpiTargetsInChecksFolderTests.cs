using Monitoring.Checks;
using Monitoring.Kpis;

namespace Monitoring.Tests.Kpis;

/// <summary>checks/kpis/targets.yaml read with the rest of checks/: into the check set, or refused as a whole.</summary>
public sealed class KpiTargetsInChecksFolderTests
{
    [Fact]
    public void Loads_the_targets_into_the_check_set()
    {
        using var folder = new TempChecksFolder(("kpis/targets.yaml", "targets:\n  - { kpi: orders, value: 200, owner: Paul, note: call the key accounts }\n"));

        var checks = CheckSetLoader.Default().LoadOrThrow(folder.Checks);

        Assert.Equal(new KpiTarget("orders", SegmentKey.All, "week", 200m, null, "Paul", "call the key accounts"), Assert.Single(checks.KpiTargets));
    }

    [Fact]
    public void Has_no_targets_without_the_file()
    {
        using var folder = new TempChecksFolder();

        Assert.Empty(CheckSetLoader.Default().LoadOrThrow(folder.Checks).KpiTargets);
    }

    [Fact]
    public void Refuses_the_whole_folder_when_the_targets_file_has_an_error()
    {
        using var folder = new TempChecksFolder(("kpis/targets.yaml", "targets:\n  - kpi: orders\n    value: 200\n    owner: Paul\n    deadline: soon\n"));

        var (checks, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Null(checks);
        Assert.Equal("checks/kpis/targets.yaml:5 targets[0].deadline: 'soon' is not a date (write yyyy-mm-dd, e.g. 2026-12-31)", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Says_when_a_file_in_kpis_is_not_the_targets_file()
    {
        using var folder = new TempChecksFolder(("kpis/target.yaml", "targets: []\n"));

        var (_, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Equal("checks/kpis/target.yaml: not read: the KPI targets are read from kpis/targets.yaml and the business calendar from kpis/calendar.yaml", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Loads_the_repository_checks_folder_with_its_targets()
    {
        var checks = CheckSetLoader.Default().LoadOrThrow(Path.Combine(RepositoryRoot.Find(), "checks"));

        Assert.Contains(checks.KpiTargets, t => t.Kpi == "conversion_rate");
    }
}
