using Monitoring.IntegrationTests.Storage;
using Monitoring.Probes;
using Monitoring.Scenarios;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Scenarios.Browser;

/// <summary>What every backend of <see cref="IScenarioStore"/> must do with the screenshots of failed browser steps.</summary>
public abstract class ScreenshotStoreConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private IScenarioStore _store = null!;

    public async Task InitializeAsync()
    {
        var opened = backend.Open(await backend.CreateDatabaseAsync());
        Assert.Contains("20261123_0009_scenario_screenshots", await opened.Migrator.MigrateAsync(CancellationToken.None));
        _store = new SqlScenarioStore(opened.Database);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    private static IReadOnlyList<StepResult> Steps(byte[]? screenshot) =>
    [
        new(0, "open", "open", StepOutcome.Pass, 200, TimeSpan.Zero, TimeSpan.FromMilliseconds(300), "open: HTTP 200", null),
        new(1, "add-to-cart", "add to cart", StepOutcome.Fail, 500, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(90),
            "HTTP 500 from POST /cart/add", "Internal error") { Failure = FailureClass.HttpStatus, Screenshot = screenshot },
    ];

    [Fact]
    public async Task Keeps_the_screenshot_of_a_failed_step_apart_from_the_steps()
    {
        var runId = Guid.NewGuid();

        await _store.RecordAsync(runId, "checkout", T0, Steps(Png), CancellationToken.None);
        await _store.RecordAsync(runId, "checkout", T0, Steps(Png), CancellationToken.None);

        var screenshot = await _store.ScreenshotAsync("checkout", runId, CancellationToken.None);
        Assert.Equal((runId, 1, T0), (screenshot!.RunId, screenshot.StepIndex, screenshot.StartedAt));
        Assert.Equal(Png, screenshot.Png);
        Assert.All(await _store.StepsAsync(runId, CancellationToken.None), s => Assert.Null(s.Screenshot));
        Assert.Null(await _store.ScreenshotAsync("search", runId, CancellationToken.None));
    }

    [Fact]
    public async Task Finds_the_latest_screenshot_of_a_scenario_and_none_for_a_run_without()
    {
        var older = Guid.NewGuid();
        var latest = Guid.NewGuid();
        var clean = Guid.NewGuid();
        await _store.RecordAsync(older, "checkout", T0, Steps(Png), CancellationToken.None);
        await _store.RecordAsync(latest, "checkout", T0.AddMinutes(5), Steps(Png), CancellationToken.None);
        await _store.RecordAsync(clean, "checkout", T0.AddMinutes(10), Steps(null), CancellationToken.None);

        Assert.Equal(latest, (await _store.ScreenshotAsync("checkout", null, CancellationToken.None))!.RunId);
        Assert.Null(await _store.ScreenshotAsync("checkout", clean, CancellationToken.None));
    }

    [Fact]
    public async Task Retention_deletes_screenshots_with_their_steps()
    {
        await _store.RecordAsync(Guid.NewGuid(), "checkout", T0, Steps(Png), CancellationToken.None);
        var kept = Guid.NewGuid();
        await _store.RecordAsync(kept, "checkout", T0.AddDays(2), Steps(Png), CancellationToken.None);

        await _store.DeleteBeforeAsync(T0.AddDays(1), CancellationToken.None);

        Assert.Equal(kept, (await _store.ScreenshotAsync("checkout", null, CancellationToken.None))!.RunId);
    }
}

public sealed class SqliteScreenshotStoreTests() : ScreenshotStoreConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresScreenshotStoreTests(PostgresFixture postgres) : ScreenshotStoreConformance(new PostgresTestBackend(postgres.Server));
