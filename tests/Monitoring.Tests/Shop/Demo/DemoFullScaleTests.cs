using System.Diagnostics;
using Monitoring.Shop.Demo;
using Xunit.Abstractions;

namespace Monitoring.Tests.Shop.Demo;

/// <summary>The full-scale shop: volumes in the documented ranges. Prints its time and memory, never asserts on them.</summary>
public sealed class DemoFullScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Scale_one_holds_the_documented_volumes()
    {
        var rows = new Dictionary<string, long>();
        var before = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var report = await new DemoDataGenerator().GenerateAsync(new DemoDataOptions { End = DemoRun.End },
            (b, _) => { rows[b.Target.Entity.Name] = rows.GetValueOrDefault(b.Target.Entity.Name) + b.Count; return Task.CompletedTask; },
            CancellationToken.None);
        clock.Stop();

        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s, {(GC.GetTotalAllocatedBytes() - before) / 1048576} MiB allocated, " +
                         $"peak working set of the test process {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
        foreach (var (entity, count) in report.Rows) output.WriteLine($"{entity}: {count}");
        foreach (var (defect, count) in report.Defects) output.WriteLine($"{defect}: {count}");

        foreach (var (entity, count) in report.Rows) Assert.Equal(count, rows.GetValueOrDefault(entity));
        Assert.InRange(report.RowsOf("account"), 2_900, 3_200);
        Assert.InRange(report.RowsOf("product"), 2_900, 3_100);
        Assert.InRange(report.RowsOf("order"), 60_000, 90_000);
        Assert.InRange(report.RowsOf("session"), 600_000, 800_000);
    }
}
