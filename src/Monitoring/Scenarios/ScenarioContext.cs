using System.Net;

namespace Monitoring.Scenarios;

/// <summary>
/// What one run of a scenario carries from step to step: one cookie jar (a buyer's browser session), the variables
/// (declared, then captured) and the secrets to redact. Nothing outlives the run: a new context, new handlers and a new
/// jar each time, so that a session left over from the previous run can never make a broken login look fine.
/// </summary>
public sealed class ScenarioContext : IDisposable
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private HttpClient? _following;
    private HttpClient? _notFollowing;
    private readonly Func<bool, CookieContainer, HttpMessageHandler> _handlers;

    /// <param name="handlers">Makes the handler of a client (following redirects or not) on the run's jar; the default
    /// is a fresh <see cref="SocketsHttpHandler"/>. Unit tests answer from memory instead.</param>
    public ScenarioContext(ScenarioSettings settings, Guid runId, Func<bool, CookieContainer, HttpMessageHandler>? handlers = null)
    {
        _handlers = handlers ?? NewHandler;
        _variables["run_id"] = runId.ToString("D");
        foreach (var variable in settings.Variables)
        {
            _variables[variable.Name] = variable.Value;
            if (variable.Secret) Secrets.Add(variable.Value);
        }
    }

    /// <summary>The cookies of the run, shared by every step and both clients.</summary>
    public CookieContainer Cookies { get; } = new();

    public Redactor Secrets { get; } = new();

    public IReadOnlyDictionary<string, string> Variables => _variables;

    public void Set(string name, string value, bool secret)
    {
        _variables[name] = value;
        if (secret) Secrets.Add(value);
    }

    /// <summary>The text with its <c>{{name}}</c> placeholders filled; null with the missing name when one has no value.</summary>
    public string? Fill(string text, out string? missing) => Template.Fill(text, _variables, out missing);

    /// <summary>A client on the run's cookie jar. Two handlers share the jar because following redirects is chosen per
    /// step and is a handler setting; each hop of a followed redirect still stores its cookies (a login's 302).</summary>
    public HttpClient Client(bool followRedirects) => followRedirects
        ? _following ??= NewClient(followRedirects: true)
        : _notFollowing ??= NewClient(followRedirects: false);

    private HttpClient NewClient(bool followRedirects)
    {
        var client = new HttpClient(_handlers(followRedirects, Cookies), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Probes.Http.HttpPhaseTimer.UserAgent);
        return client;
    }

    private static SocketsHttpHandler NewHandler(bool followRedirects, CookieContainer cookies) => new()
    {
        AllowAutoRedirect = followRedirects,
        MaxAutomaticRedirections = 10,
        UseCookies = true,
        CookieContainer = cookies,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.All,
    };

    public void Dispose()
    {
        _following?.Dispose();
        _notFollowing?.Dispose();
    }
}
