using System.Collections.Concurrent;
using Monitoring.Access;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Access;

/// <summary>
/// The service run with known secrets in every place one can be configured or sent, its logs captured at every level:
/// no secret may appear in a log line or on any page.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SecretsTests(PostgresFixture postgres)
{
    private const string SmtpPassword = "smtp-Secret-7f3a9c";
    private const string PostgresPassword = "pg-Secret-2b8e41";
    private const string ProbeHeaderValue = "probe-Secret-91d0aa";
    private const string ScenarioPassword = "scenario-Secret-4c2d17";

    // A sign-in that fails (the password is wrong), so that the step's request, answer and failure are all recorded.
    private const string Scenarios = """
        scenarios:
          - id: sign-in
            interval: 2s
            timeout: 1500ms
            retries: 0
            team: webshop
            vars:
              password: { value: "${SCENARIO_PASSWORD}", secret: true }
            steps:
              - name: open sign-in
                request: { url: "${SHOP_URL}/login" }
                capture:
                  token: { css: "form#login input[name=__RequestVerificationToken]", attribute: value, secret: true }
              - name: sign in
                request:
                  url: "${SHOP_URL}/login?debug={{password}}"
                  form: { email: probe@demo-shop.example, password: "{{password}}", __RequestVerificationToken: "{{token}}" }
                expect: { status: 200, html: { css: "body[data-signed-in=true]" } }
        """;

    private const string Probes = """
        probes:
          - id: missing-product
            kind: http
            url: ${SHOP_URL}/products/NOPE
            interval: 1s
            timeout: 900ms
            retries: 0
            team: webshop
            alerting: { failure_threshold: 1 }
            headers:
              X-Probe-Token: ${PROBE_TOKEN}
            expect:
              status: [200]
        """;

    [Fact]
    public async Task Never_logs_or_shows_a_configured_or_sent_secret()
    {
        var logs = new ConcurrentQueue<string>();
        await using var shop = await DemoShopHost.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Monitoring:Storage:Provider"] = "Postgres",
            ["Monitoring:Storage:ConnectionString"] = await postgres.Server.CreateDatabaseAsync() + $";Password={PostgresPassword}",
            // Nothing listens there: every send fails and is logged, which is where a password would leak.
            ["Monitoring:Alerting:SmtpHost"] = "127.0.0.1",
            ["Monitoring:Alerting:SmtpPort"] = FreePort.Next().ToString(),
            ["Monitoring:Alerting:SmtpTls"] = "None",
            ["Monitoring:Alerting:SmtpUsername"] = "alerts",
            ["Monitoring:Alerting:SmtpPassword"] = SmtpPassword,
            ["Monitoring:Alerting:From"] = "shopmon <alerts@shop.test>",
            ["Monitoring:Alerting:PublicBaseUrl"] = "https://monitor.shop.test/",
            ["Monitoring:Alerting:DispatchInterval"] = "00:00:01",
        };
        await using var host = await AccessHost.StartAsync(settings, Probes,
            new Dictionary<string, string> { ["SHOP_URL"] = shop.Url, ["PROBE_TOKEN"] = ProbeHeaderValue, ["SCENARIO_PASSWORD"] = ScenarioPassword },
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(new CapturingLoggerProvider(logs));
            },
            alerts: """
                routes:
                  - name: webshop
                    team: webshop
                    to: ["oncall@shop.test"]
                    group_wait: 1s
                """,
            scenarios: Scenarios);
        var admin = host.Clients[Roles.Admin];
        await host.Clients[AccessHost.Anonymous].PostAsync("/login",
            await MonitorHost.LoginFormAsync(host.Clients[AccessHost.Anonymous], "admin", "not the " + AccessHost.Password));
        await Eventually.TrueAsync(async () => (await admin.GetStringAsync("/metrics"))
            .Contains("shopmon_check_state{probe=\"missing-product\",state=\"down\"} 1"), TimeSpan.FromSeconds(30), "missing-product down");
        await Eventually.TrueAsync(() => Task.FromResult(logs.Any(l => l.Contains("Could not send"))), TimeSpan.FromSeconds(30),
            "a failed SMTP send in the logs");
        await Eventually.TrueAsync(async () => (await admin.GetStringAsync("/metrics"))
            .Contains("shopmon_scenario_failed_step{scenario=\"sign-in\",step=\"sign-in\"} 1"), TimeSpan.FromSeconds(30), "the sign-in scenario failed");

        var pages = new List<string>();
        foreach (var path in new[]
                 {
                     "/", "/checks/missing-product", "/admin/api-keys", "/admin/audit", "/metrics", "/healthz", "/readyz", "/api/probes",
                     "/api/checks", "/api/checks/missing-product", "/api/incidents", "/hangfire", "/hangfire/recurring", "/hangfire/servers",
                     "/hangfire/jobs/succeeded", "/charts/checks/missing-product/phases.svg", "/checks/sign-in", "/api/checks/sign-in",
                     "/charts/scenarios/sign-in/steps.svg",
                 })
            pages.Add($"{path}: " + await admin.GetStringAsync(path));
        pages.Add(await host.Clients[AccessHost.ReadKey].GetStringAsync("/api/checks"));

        var secrets = new[]
        {
            SmtpPassword, PostgresPassword, ProbeHeaderValue, ScenarioPassword, AccessHost.Password, host.Keys[ApiKeyScopes.Read],
            host.Keys[ApiKeyScopes.Ingest],
        };
        Assert.NotEmpty(logs);
        var leaks = secrets.SelectMany(secret => logs.Concat(pages).Where(text => text.Contains(secret, StringComparison.Ordinal))
            .Select(text => $"{secret} in: {text[..Math.Min(text.Length, 600)]}")).ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // The message, its structured values and the whole exception chain: a secret can hide in any of them.
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
