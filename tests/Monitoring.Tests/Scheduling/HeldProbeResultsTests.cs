using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Scheduling;
using Monitoring.Storage;
using Npgsql;

namespace Monitoring.Tests.Scheduling;

public sealed class HeldProbeResultsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ProbeResult Run(int second) =>
        new(Guid.NewGuid(), "home", Noon.AddSeconds(second), TimeSpan.FromMilliseconds(80), ProbeOutcome.Pass, 200, "200 OK");

    private static (HeldProbeResults Held, FlakyStore Store, MonitoringMetrics Metrics) Create()
    {
        var store = new FlakyStore();
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());
        return (new HeldProbeResults(store, metrics, NullLogger<HeldProbeResults>.Instance), store, metrics);
    }

    [Fact]
    public async Task Keeps_the_results_while_the_database_is_away_and_writes_each_once_oldest_first_when_it_answers()
    {
        var (held, store, metrics) = Create();
        var runs = new[] { Run(0), Run(30), Run(60) };
        store.Away = true;
        foreach (var run in runs) held.Hold(run, new NpgsqlException("Failed to connect to 127.0.0.1:5432"));

        Assert.Equal(0, await WriteAsync(held)); // still away: nothing written, nothing lost
        Assert.Equal(3, held.Pending);

        store.Away = false;
        Assert.Equal(3, await held.WriteHeldAsync(default));
        Assert.Equal(0, await held.WriteHeldAsync(default));

        Assert.Equal(runs.Select(r => r.RunId), store.Recorded.Select(r => r.RunId));
        Assert.Equal((0, 3L, 3L, 0L), (held.Pending, held.Held, held.Written, held.Dropped));
        Assert.Equal(3, metrics.MonitoringErrors.WithLabels(MonitoringMetrics.ErrorProbeResultHeld).Value);
        Assert.Equal(0, metrics.MonitoringErrors.WithLabels(MonitoringMetrics.ErrorProbeResultDropped).Value);
    }

    [Fact]
    public async Task Drops_and_counts_a_result_past_its_capacity_instead_of_growing()
    {
        var (held, store, metrics) = Create();
        for (var i = 0; i <= HeldProbeResults.Capacity; i++) held.Hold(Run(i), new TimeoutException());

        Assert.Equal((HeldProbeResults.Capacity, (long)HeldProbeResults.Capacity, 1L), (held.Pending, held.Held, held.Dropped));
        Assert.Equal(1, metrics.MonitoringErrors.WithLabels(MonitoringMetrics.ErrorProbeResultDropped).Value);
        Assert.Equal(HeldProbeResults.Capacity, await held.WriteHeldAsync(default));
        Assert.Equal(HeldProbeResults.Capacity, store.Recorded.Count);
    }

    [Fact]
    public async Task Drops_a_result_the_database_refuses_for_itself_so_that_the_others_are_written()
    {
        var (held, store, _) = Create();
        var refused = Run(0);
        store.Refuse = refused.RunId;
        held.Hold(refused, new NpgsqlException("connection reset"));
        held.Hold(Run(30), new NpgsqlException("connection reset"));

        Assert.Equal(1, await held.WriteHeldAsync(default));
        Assert.Equal((0, 1L, 1L), (held.Pending, held.Written, held.Dropped));
    }

    private static async Task<int> WriteAsync(HeldProbeResults held)
    {
        try
        {
            return await held.WriteHeldAsync(default);
        }
        catch (NpgsqlException)
        {
            return 0;
        }
    }

    /// <summary>A probe store that is away (refuses connections) on demand, and keeps what it records in order.</summary>
    private sealed class FlakyStore : IProbeStore
    {
        public bool Away { get; set; }

        public Guid? Refuse { get; set; }

        public List<ProbeResult> Recorded { get; } = [];

        public Task RecordAsync(ProbeResult result, CancellationToken cancellationToken)
        {
            if (Away) throw new NpgsqlException("Failed to connect to 127.0.0.1:5432");
            if (result.RunId == Refuse) throw new InvalidOperationException("value too long for type character varying(200)");
            if (Recorded.All(r => r.RunId != result.RunId)) Recorded.Add(result);
            return Task.CompletedTask;
        }

        public Task SyncDefinitionsAsync(IReadOnlyList<ProbeDefinition> probes, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<StoredProbe>> ListActiveAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ProbeSummary>> SummariseAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, IReadOnlyList<TimeSpan>>> UpDurationsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<int> DeleteResultsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ProbeResult>> ResultsAsync(string probeId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
