using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Alerting;
using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Probes.Http;
using Monitoring.Scheduling;
using Monitoring.Storage;
using Npgsql;

namespace Monitoring.Tests.Scheduling;

/// <summary>A probe run when the database fails: a monitoring error, held or counted, never the shop's downtime, never a crash.</summary>
public sealed class ProbeJobDatabaseFailureTests
{
    private static readonly ProbeDefinition Home = new("home", "home", "http", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5),
        null, new HttpProbeSettings { Url = new Uri("http://shop.test/") }, "checks/probes/x.yaml:1");

    [Fact]
    public async Task Holds_the_result_and_leaves_the_check_alone_when_the_result_cannot_be_stored()
    {
        var job = Create(recordFails: new NpgsqlException("Failed to connect to 127.0.0.1:5432"), out var metrics, out var held, out var incidents);

        await job.RunAsync("home", default);

        Assert.Equal(1, held.Pending);
        Assert.Empty(incidents.Calls); // no state read or saved: no incident can open
        Assert.Equal(1, metrics.MonitoringErrors.WithLabels(MonitoringMetrics.ErrorProbeResultHeld).Value);
        Assert.Equal(1, metrics.ProbeRuns.WithLabels("home", "pass").Value); // the shop's own series still say it is up
    }

    [Fact]
    public async Task Counts_a_check_not_evaluated_when_its_state_cannot_be_saved()
    {
        var job = Create(recordFails: null, out var metrics, out var held, out var incidents,
            saveFails: new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"));

        await job.RunAsync("home", default);

        Assert.Equal(0, held.Pending);
        Assert.Contains(nameof(IIncidentStore.SaveEvaluationAsync), incidents.Calls);
        Assert.Equal(1, metrics.MonitoringErrors.WithLabels(MonitoringMetrics.ErrorCheckNotEvaluated).Value);
    }

    [Fact]
    public async Task Still_fails_loudly_on_an_error_that_is_not_an_outage()
    {
        var job = Create(recordFails: new InvalidOperationException("a bug"), out var metrics, out var held, out _);

        await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunAsync("home", default));
        Assert.Equal(0, held.Pending);
        Assert.Equal(0, metrics.MonitoringErrors.WithLabels(MonitoringMetrics.ErrorProbeResultHeld).Value);
    }

    private static ProbeJob Create(Exception? recordFails, out MonitoringMetrics metrics, out HeldProbeResults held,
        out Fake incidentCalls, Exception? saveFails = null)
    {
        metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());
        var checks = new ActiveChecks(new CheckSet("checks", new MonitoringSettings(), [Home]));
        var probes = Fake.Of<IProbeStore>(out _, (name, _) => name == nameof(IProbeStore.RecordAsync) ? recordFails : null);
        var incidents = Fake.Of<IIncidentStore>(out incidentCalls, (name, _) => name == nameof(IIncidentStore.SaveEvaluationAsync) ? saveFails : null);
        var services = new ServiceCollection().AddKeyedSingleton<IProbe>("http", new PassingProbe()).BuildServiceProvider();
        held = new HeldProbeResults(probes, metrics, NullLogger<HeldProbeResults>.Instance);
        var alerts = new AlertPipeline(checks, incidents, probes, Fake.Of<IScenarioStore>(out _), Fake.Of<IAlertOutboxStore>(out _), [],
            new AlertingOptions(), metrics, TimeProvider.System, NullLogger<AlertPipeline>.Instance);
        return new ProbeJob(checks, new ProbeRunner(services, TimeProvider.System, NullLogger<ProbeRunner>.Instance), probes, held,
            new CheckEvaluator(checks, incidents, metrics, NullLogger<CheckEvaluator>.Instance), alerts, metrics, TimeProvider.System,
            NullLogger<ProbeJob>.Instance);
    }

    private sealed class PassingProbe : IProbe
    {
        public Task<ProbeResult> RunAsync(ProbeDefinition probe, CancellationToken cancellationToken) =>
            Task.FromResult(new ProbeResult(Guid.NewGuid(), probe.Id, DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(40), ProbeOutcome.Pass, 200, "200 OK"));
    }

    /// <summary>A store whose every async method succeeds with a default answer, or fails as told; it notes the calls.</summary>
    public class Fake : DispatchProxy
    {
        private Func<string, object?[]?, Exception?> _failure = (_, _) => null;

        public List<string> Calls { get; } = [];

        public static T Of<T>(out Fake fake, Func<string, object?[]?, Exception?>? failure = null) where T : class
        {
            var proxy = Create<T, Fake>();
            fake = (Fake)(object)proxy;
            if (failure is not null) fake._failure = failure;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            Calls.Add(method!.Name);
            var error = _failure(method.Name, args);
            var type = method.ReturnType;
            if (type == typeof(Task)) return error is null ? Task.CompletedTask : Task.FromException(error);
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Task<>)) throw new NotSupportedException(method.Name);
            var result = type.GetGenericArguments()[0];
            if (error is not null)
                return typeof(Task).GetMethod(nameof(Task.FromException), 1, [typeof(Exception)])!.MakeGenericMethod(result).Invoke(null, [error]);
            return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(result)
                .Invoke(null, [result.IsValueType ? Activator.CreateInstance(result) : null]);
        }
    }
}
