using Monitoring.Access;

namespace Monitoring.IntegrationTests.Access;

/// <summary>
/// The service with one local user per role and one API key per scope, and a client for each of them and for nobody.
/// </summary>
public sealed class AccessHost : IAsyncDisposable
{
    public const string Anonymous = "anonymous";
    public const string ReadKey = "key:read";
    public const string IngestKey = "key:ingest";
    public const string Password = "correct horse battery staple";

    public static readonly IReadOnlyList<string> Principals = [Anonymous, .. Roles.All, ReadKey, IngestKey];

    private AccessHost(TempFolder folder, MonitorHost monitor, Dictionary<string, HttpClient> clients, Dictionary<string, string> keys)
    {
        Folder = folder;
        Monitor = monitor;
        Clients = clients;
        Keys = keys;
    }

    public TempFolder Folder { get; }

    public MonitorHost Monitor { get; }

    /// <summary>A client per principal: signed in for a role, sending a key for a scope, bare for anonymous.</summary>
    public IReadOnlyDictionary<string, HttpClient> Clients { get; }

    /// <summary>The key of each scope.</summary>
    public IReadOnlyDictionary<string, string> Keys { get; }

    /// <summary>The settings that declare one user per role, all with <see cref="Password"/>.</summary>
    public static Dictionary<string, string?> UserSettings()
    {
        var settings = new Dictionary<string, string?>();
        var hash = LocalUsers.Hash(Password);
        foreach (var (role, i) in Roles.All.Select((r, i) => (r, i)))
        {
            settings[$"Monitoring:Access:Users:{i}:Name"] = role;
            settings[$"Monitoring:Access:Users:{i}:PasswordHash"] = hash;
            settings[$"Monitoring:Access:Users:{i}:Roles:0"] = role;
        }
        return settings;
    }

    public static async Task<AccessHost> StartAsync(IReadOnlyDictionary<string, string?>? extra = null, string? probes = null,
        IReadOnlyDictionary<string, string>? variables = null, Action<WebApplicationBuilder>? configure = null, string? alerts = null,
        string? scenarios = null, string? quality = null)
    {
        var folder = new TempFolder();
        if (probes is not null) folder.WithProbes(probes);
        if (scenarios is not null)
        {
            Directory.CreateDirectory(Path.Combine(folder.Checks, "scenarios"));
            File.WriteAllText(Path.Combine(folder.Checks, "scenarios", "scenarios.yaml"), scenarios);
        }
        if (quality is not null)
        {
            Directory.CreateDirectory(Path.Combine(folder.Checks, "quality"));
            File.WriteAllText(Path.Combine(folder.Checks, "quality", "rules.yaml"), quality);
        }
        if (alerts is not null) File.WriteAllText(Path.Combine(folder.Checks, "alerts.yaml"), alerts);
        var settings = UserSettings();
        settings["Monitoring:Storage:SqlitePath"] = folder.SqlitePath;
        settings["Monitoring:Access:SignInPermitsPerMinute"] = "1000";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var monitor = await MonitorHost.StartAsync(folder.Checks, settings, variables, configure);

        var clients = new Dictionary<string, HttpClient> { [Anonymous] = monitor.NewClient() };
        foreach (var role in Roles.All) clients[role] = await monitor.SignInAsync(role, Password);
        var service = monitor.App.Services.GetRequiredService<ApiKeyService>();
        var keys = new Dictionary<string, string>();
        foreach (var (principal, scope) in new[] { (ReadKey, ApiKeyScopes.Read), (IngestKey, ApiKeyScopes.Ingest) })
        {
            keys[scope] = (await service.CreateAsync($"test {scope}", scope, "test", null, default)).Key!;
            var client = monitor.NewClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", keys[scope]);
            clients[principal] = client;
        }
        return new AccessHost(folder, monitor, clients, keys);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients.Values) client.Dispose();
        await Monitor.DisposeAsync();
        Folder.Dispose();
    }
}
