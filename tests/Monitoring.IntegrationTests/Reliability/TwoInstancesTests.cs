using Monitoring.Storage;
using Monitoring.TestSupport;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Reliability;

/// <summary>
/// Two instances of the service on one PostgreSQL database (Hangfire.PostgreSql shares the schedule): a probe due every
/// second runs once per second, not twice; when one instance stops, the other goes on running it. Prints the figures.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstancesTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const string Probes = """
        probes:
          - id: storefront-home
            kind: http
            url: ${SHOP_URL}/
            interval: 1s
            timeout: 900ms
            retries: 0
        """;

    [Fact]
    public async Task Run_each_scheduled_job_once_and_the_survivor_takes_over()
    {
        using var folder = new TempFolder().WithProbes(Probes);
        await using var shop = await DemoShopHost.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Monitoring:Storage:Provider"] = "Postgres",
            ["Monitoring:Storage:ConnectionString"] = await postgres.Server.CreateDatabaseAsync(),
        };
        var variables = new Dictionary<string, string> { ["SHOP_URL"] = shop.Url };
        var first = await MonitorHost.StartAsync(folder.Checks, settings, variables);
        await using var second = await MonitorHost.StartAsync(folder.Checks, settings, variables);
        var store = second.App.Services.GetRequiredService<IProbeStore>();

        var bothFrom = DateTimeOffset.UtcNow.AddSeconds(3);
        await Task.Delay(TimeSpan.FromSeconds(23));
        var both = await store.ResultsAsync("storefront-home", bothFrom, bothFrom.AddSeconds(20), default);

        await first.DisposeAsync();
        var aloneFrom = DateTimeOffset.UtcNow.AddSeconds(3);
        await Task.Delay(TimeSpan.FromSeconds(18));
        var alone = await store.ResultsAsync("storefront-home", aloneFrom, aloneFrom.AddSeconds(15), default);

        var perSecond = both.GroupBy(r => r.StartedAt.ToUnixTimeSeconds()).ToList();
        output.WriteLine($"two instances, 20 s: {both.Count} run(s) in {perSecond.Count} distinct second(s), " +
                         $"at most {perSecond.Max(g => g.Count())} in one second; one instance left, 15 s: {alone.Count} run(s)");
        // A job due every second ran about once a second: run by both instances it would be about 40 runs. (Counting
        // runs per calendar second says nothing: a run that starts late shares its second with the next one.)
        Assert.InRange(both.Count, 12, 27);
        Assert.InRange(alone.Count, 8, 17);
    }
}
