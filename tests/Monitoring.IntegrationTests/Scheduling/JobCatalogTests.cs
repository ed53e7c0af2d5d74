using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Checks;
using Monitoring.Probes;
using Monitoring.Probes.Http;
using Monitoring.Scheduling;

namespace Monitoring.IntegrationTests.Scheduling;

/// <remarks>
/// In the same collection as the tests that host the service: Hangfire keeps its log provider process-wide, and a host
/// that was disposed leaves one behind whose logger factory is gone. Each test here starts from no provider.
/// </remarks>
[Collection(PostgresCollection.Name)]
public sealed class JobCatalogTests
{
    public JobCatalogTests() => Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);

    private static ProbeDefinition Probe(string id, int seconds) => new(id, id, "http", TimeSpan.FromSeconds(seconds),
        TimeSpan.FromSeconds(1), null, new HttpProbeSettings { Url = new Uri($"http://shop.test/{id}") }, "t:1");

    private static CheckSet Checks(params ProbeDefinition[] probes) => new("checks", new MonitoringSettings(), probes);

    [Fact]
    public void Registers_a_recurring_job_per_probe_and_removes_the_ones_no_longer_configured()
    {
        using var storage = new InMemoryStorage();
        var catalog = new JobCatalog(new RecurringJobManager(storage), storage, NullLogger<JobCatalog>.Instance);
        storage.GetConnection().GetRecurringJobs(); // the storage answers before anything is registered

        catalog.Apply(Checks(Probe("home", 15), Probe("cart", 30), Probe("search", 60)));
        catalog.Apply(Checks(Probe("home", 30), Probe("cart", 30)));

        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs().OrderBy(j => j.Id).ToList();
        Assert.Equal(["probe:cart", "probe:home"], jobs.Select(j => j.Id));
        Schedules.TryToCron(TimeSpan.FromSeconds(30), "home", out var expected, out _);
        Assert.Equal(expected, jobs.Single(j => j.Id == "probe:home").Cron);
        Assert.Equal(nameof(ProbeJob.RunAsync), jobs[0].Job.Method.Name);
        Assert.Equal("cart", jobs[0].Job.Args[0]);
    }

    [Fact]
    public void Leaves_jobs_it_does_not_own_alone()
    {
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);
        manager.AddOrUpdate("maintenance:vacuum", () => Console.WriteLine("vacuum"), Cron.Daily());
        var catalog = new JobCatalog(manager, storage, NullLogger<JobCatalog>.Instance);

        catalog.Apply(Checks());

        using var connection = storage.GetConnection();
        Assert.Equal(["maintenance:vacuum"], connection.GetRecurringJobs().Select(j => j.Id));
    }

    [Fact]
    public void Schedules_the_sources_that_have_a_schedule_and_removes_them_when_they_lose_it()
    {
        using var storage = new InMemoryStorage();
        var catalog = new JobCatalog(new RecurringJobManager(storage), storage, NullLogger<JobCatalog>.Instance);
        using var folder = new TempFolder();
        CheckSet Load(string erpSchedule)
        {
            Directory.CreateDirectory(Path.Combine(folder.Checks, "sources"));
            File.WriteAllText(Path.Combine(folder.Checks, "sources", "erp.yaml"), $$"""
                sources:
                  - id: erp
                    kind: csv
                    files: exports/*.csv
                    {{erpSchedule}}
                    entities: { order: { id: invoice } }
                  - id: manual
                    kind: csv
                    files: manual.csv
                    entities: { order: { id: invoice } }
                """);
            return CheckSetLoader.Default().LoadOrThrow(folder.Checks);
        }

        var plan = catalog.Apply(Load("schedule: 15m"));
        using (var connection = storage.GetConnection())
        {
            var job = Assert.Single(connection.GetRecurringJobs());
            Assert.Equal("source:erp", job.Id);
            Assert.Equal(nameof(SourceJob.RunAsync), job.Job.Method.Name);
            Assert.Equal("erp", job.Job.Args[0]);
        }
        Assert.Contains(plan, e => e.JobId == "source:erp" && e.Target == "csv → order");

        catalog.Apply(Load(""));
        using (var connection = storage.GetConnection())
            Assert.Empty(connection.GetRecurringJobs());
    }
}
