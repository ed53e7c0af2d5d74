using Monitoring.Kpis;

namespace Monitoring.Tests.Kpis;

/// <summary>How the runner groups the days it recomputes into rollup calls.</summary>
public sealed class KpiRunnerBatchesTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    private static DateOnly D(int offset) => Start.AddDays(offset);

    [Fact]
    public void Scattered_changed_days_go_to_one_call()
    {
        var days = new[] { D(0), D(1), D(40), D(90), D(91), D(92) };

        var batches = KpiRunner.Batches(KpiRunner.Runs(days, 366), 366).ToList();

        var batch = Assert.Single(batches);
        Assert.Equal([(D(0), D(1)), (D(40), D(40)), (D(90), D(92))], batch);
    }

    [Fact]
    public void A_whole_history_is_cut_into_calls_of_at_most_the_chunk_size()
    {
        var days = Enumerable.Range(0, 731).Select(D).ToList();

        var batches = KpiRunner.Batches(KpiRunner.Runs(days, 366), 366).ToList();

        Assert.Equal([[(D(0), D(365))], [(D(366), D(730))]], batches);
    }

    [Fact]
    public void Runs_that_would_pass_the_chunk_size_start_a_new_call()
    {
        // 3 + 3 days fit in a call of 7; the third run of 2 days would make 8.
        var days = new[] { D(0), D(1), D(2), D(10), D(11), D(12), D(20), D(21) };

        var batches = KpiRunner.Batches(KpiRunner.Runs(days, 7), 7).ToList();

        Assert.Equal([[(D(0), D(2)), (D(10), D(12))], [(D(20), D(21))]], batches);
    }

    [Fact]
    public void At_most_the_run_cap_per_call()
    {
        // 250 single days every other day: 100, 100 and 50 runs.
        var days = Enumerable.Range(0, 250).Select(i => D(2 * i)).ToList();

        var batches = KpiRunner.Batches(KpiRunner.Runs(days, 366), 1000).ToList();

        Assert.Equal([100, 100, 50], batches.Select(b => b.Count));
        Assert.Equal(days, batches.SelectMany(b => b).Select(r => r.First));
    }
}
