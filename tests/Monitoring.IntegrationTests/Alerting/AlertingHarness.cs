using System.Globalization;
using Monitoring.Alerting;
using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Alerting;

/// <summary>
/// One service instance's alerting, wired by <see cref="AlertingServiceCollectionExtensions.AddAlerting"/> on a real
/// database and a real SMTP server, with a manual clock. Check runs are fed in as the probe job would record them
/// (store, evaluate, hand the events to the pipeline); only Hangfire's schedule is replaced by explicit dispatches.
/// </summary>
public sealed class AlertingHarness : IAsyncDisposable
{
    public const string Probes = """
        probes:
          - id: product-page
            name: Product page
            kind: http
            url: http://shop.test/products/1
            interval: 15s
            timeout: 3s
            retries: 0
            team: webshop
            alerting: { failure_threshold: 2, recovery_threshold: 1 }
          - id: shop-health
            name: Shop health
            kind: http
            url: http://shop.test/healthz
            interval: 15s
            timeout: 3s
            retries: 0
            team: ops
            alerting: { failure_threshold: 2, recovery_threshold: 1 }
        """;

    public const string Alerts = """
        routes:
          - name: webshop-critical
            team: webshop
            to: [oncall@shop.test]
            escalate: { after: 15m, to: [lead@shop.test] }
          - name: ops
            team: ops
            to: [ops@shop.test]
        """;

    private readonly ServiceProvider _services;

    private AlertingHarness(ServiceProvider services, ManualClock clock)
    {
        _services = services;
        Clock = clock;
    }

    public ManualClock Clock { get; }

    public ActiveChecks Checks => _services.GetRequiredService<ActiveChecks>();

    public AlertDispatcher Dispatcher => _services.GetRequiredService<AlertDispatcher>();

    public IAlertOutboxStore Outbox => _services.GetRequiredService<IAlertOutboxStore>();

    public IIncidentStore Incidents => _services.GetRequiredService<IIncidentStore>();

    /// <summary>The outbox of reports and digests, sent by <see cref="Monitoring.Mail.MailDispatcher"/>.</summary>
    public SqlMailOutbox MailOutbox => _services.GetRequiredService<SqlMailOutbox>();

    public Monitoring.Mail.MailDispatcher MailDispatcher => _services.GetRequiredService<Monitoring.Mail.MailDispatcher>();

    public MonitoringMetrics Metrics => _services.GetRequiredService<MonitoringMetrics>();

    /// <summary>Writes the checks folder (probes, alerts, the shop's time zone) into <paramref name="folder"/>.</summary>
    public static void WriteChecks(TempFolder folder, string alerts = Alerts)
    {
        folder.WithProbes(Probes);
        File.WriteAllText(Path.Combine(folder.Checks, "monitoring.yaml"), "time_zone: Europe/Paris\n");
        File.WriteAllText(Path.Combine(folder.Checks, "alerts.yaml"), alerts);
    }

    /// <summary>An instance on <paramref name="backend"/> (migrated first) sending to <paramref name="sink"/>.</summary>
    public static async Task<AlertingHarness> StartAsync(Backend backend, TempFolder folder, SmtpSink sink, ManualClock clock)
    {
        await backend.Migrator.MigrateAsync(CancellationToken.None);
        var settings = new Dictionary<string, string?>
        {
            ["Monitoring:Alerting:SmtpHost"] = sink.Host,
            ["Monitoring:Alerting:SmtpPort"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Monitoring:Alerting:SmtpTls"] = "None",
            ["Monitoring:Alerting:SmtpTimeout"] = "00:00:10",
            ["Monitoring:Alerting:From"] = "shopmon <alerts@shop.test>",
            ["Monitoring:Alerting:PublicBaseUrl"] = "https://monitor.shop.test",
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(new ActiveChecks(CheckSetLoader.Default().LoadOrThrow(folder.Checks)));
        services.AddSingleton(new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry()));
        services.AddSingleton(backend.Database);
        services.AddSingleton<IProbeStore, SqlProbeStore>();
        services.AddSingleton<IIncidentStore, SqlIncidentStore>();
        services.AddSingleton<IAlertOutboxStore, SqlAlertOutboxStore>();
        services.AddSingleton<IScenarioStore, SqlScenarioStore>();
        services.AddSingleton<SqlMailOutbox>();
        services.AddSingleton<CheckEvaluator>();
        services.AddAlerting(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return new AlertingHarness(services.BuildServiceProvider(), clock);
    }

    /// <summary>One run of a check starting at the clock's time (the clock moves on by its duration), handled as the
    /// probe job handles it.</summary>
    public async Task<IReadOnlyList<CheckEvent>> RunAsync(string checkId, bool up, string? message = null)
    {
        var probe = Checks.Current.FindProbe(checkId)!;
        var duration = TimeSpan.FromMilliseconds(up ? 85 : 40);
        var started = Clock.GetUtcNow();
        Clock.Advance(duration);
        var result = new ProbeResult(Guid.NewGuid(), checkId, started, duration,
            up ? ProbeOutcome.Pass : ProbeOutcome.Fail, up ? 200 : 500, message ?? (up ? "HTTP 200 in 85ms" : "status: expected 200, got 500"))
        {
            Failure = up ? FailureClass.None : FailureClass.HttpStatus,
        };
        await _services.GetRequiredService<IProbeStore>().RecordAsync(result, default);
        var events = await _services.GetRequiredService<CheckEvaluator>().EvaluateAsync(probe, result, default);
        await _services.GetRequiredService<AlertPipeline>().HandleAsync(probe, events, default);
        return events;
    }

    /// <summary>Runs a check down: failed runs 15 seconds apart until its incident opens; returns the incident's id.</summary>
    public async Task<long> BreakAsync(string checkId)
    {
        for (var run = 0; run < 10; run++)
        {
            if ((await RunAsync(checkId, up: false)).OfType<IncidentOpened>().Any())
                return (await Incidents.GetOpenIncidentAsync(checkId, default))!.Id;
            Clock.Advance(TimeSpan.FromSeconds(15));
        }
        throw new InvalidOperationException($"{checkId} did not go down");
    }

    public Task<DispatchSummary> DispatchAsync() => Dispatcher.RunAsync(default);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
