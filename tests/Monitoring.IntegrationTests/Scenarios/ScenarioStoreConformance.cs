using Monitoring.IntegrationTests.Storage;
using Monitoring.Probes;
using Monitoring.Scenarios;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Scenarios;

/// <summary>What every backend of <see cref="IScenarioStore"/> must do, each test on its own migrated database.</summary>
public abstract class ScenarioStoreConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private IScenarioStore _store = null!;

    public async Task InitializeAsync()
    {
        var opened = backend.Open(await backend.CreateDatabaseAsync());
        Assert.Contains("20261123_0008_scenario_steps", await opened.Migrator.MigrateAsync(CancellationToken.None));
        _store = new SqlScenarioStore(opened.Database);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    private static IReadOnlyList<StepResult> Steps(bool failing) =>
    [
        new(0, "sign-in", "sign in", StepOutcome.Pass, 200, TimeSpan.Zero, TimeSpan.FromMilliseconds(12.5), "HTTP 200 in 12.5ms", "Welcome"),
        new(1, "add-to-cart", "add to cart", failing ? StepOutcome.Fail : StepOutcome.Pass, failing ? 500 : 200,
            TimeSpan.FromMilliseconds(13), TimeSpan.FromMilliseconds(40), failing ? "HTTP 500 (expected 200)" : "HTTP 200 in 40ms",
            failing ? "Internal error" : null) { Failure = failing ? FailureClass.HttpStatus : FailureClass.None },
        new(2, "empty-cart", "empty cart", StepOutcome.Skipped, null, TimeSpan.FromMilliseconds(53), TimeSpan.Zero, "not run", null),
    ];

    [Fact]
    public async Task Stores_every_field_of_every_step_of_a_run()
    {
        var runId = Guid.NewGuid();

        await _store.RecordAsync(runId, "checkout", T0, Steps(failing: true), CancellationToken.None);
        await _store.RecordAsync(runId, "checkout", T0, Steps(failing: true), CancellationToken.None);

        Assert.Equal(Steps(failing: true), await _store.StepsAsync(runId, CancellationToken.None));
    }

    [Fact]
    public async Task Finds_the_latest_run_of_a_scenario()
    {
        var older = Guid.NewGuid();
        var latest = Guid.NewGuid();
        await _store.RecordAsync(older, "checkout", T0, Steps(failing: false), CancellationToken.None);
        await _store.RecordAsync(latest, "checkout", T0.AddMinutes(5), Steps(failing: true), CancellationToken.None);
        await _store.RecordAsync(Guid.NewGuid(), "search", T0.AddMinutes(9), Steps(failing: false), CancellationToken.None);

        var last = await _store.LastRunAsync("checkout", CancellationToken.None);

        Assert.Equal((latest, T0.AddMinutes(5)), (last!.RunId, last.StartedAt));
        Assert.Equal(StepOutcome.Fail, last.Steps[1].Outcome);
        Assert.Null(await _store.LastRunAsync("never-ran", CancellationToken.None));
    }

    [Fact]
    public async Task Deletes_the_steps_of_runs_before_the_cutoff()
    {
        await _store.RecordAsync(Guid.NewGuid(), "checkout", T0, Steps(failing: false), CancellationToken.None);
        var kept = Guid.NewGuid();
        await _store.RecordAsync(kept, "checkout", T0.AddDays(1), Steps(failing: false), CancellationToken.None);

        Assert.Equal(3, await _store.DeleteBeforeAsync(T0.AddHours(1), CancellationToken.None));
        Assert.Equal(kept, (await _store.LastRunAsync("checkout", CancellationToken.None))!.RunId);
    }
}

public sealed class SqliteScenarioStoreTests() : ScenarioStoreConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresScenarioStoreTests(PostgresFixture postgres) : ScenarioStoreConformance(new PostgresTestBackend(postgres.Server));
