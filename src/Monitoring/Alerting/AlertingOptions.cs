using Monitoring.Checks;

namespace Monitoring.Alerting;

/// <summary>
/// How the service sends alerts, whatever the channel. Bound from the <c>Monitoring:Alerting</c> configuration section
/// (the email channel reads its SMTP settings from the same section, see <see cref="Channels.Email.EmailOptions"/>).
/// Who is told is not here but in <c>checks/alerts.yaml</c>.
/// </summary>
public sealed class AlertingOptions
{
    public const string Section = "Monitoring:Alerting";

    /// <summary>The address people open from their mail (<c>https://monitor.example.com</c>): acknowledgement and
    /// check links start with it. Required when a channel is on.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The key that signs acknowledgement links (at least 32 characters). When empty, one is generated and kept
    /// in the database, so that every instance shares it. A secret: never logged or shown.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How often the dispatcher job plans reminders and escalations and sends what is due.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an acknowledgement link works after the email was written.</summary>
    public TimeSpan AckLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The wait after a first failed send; it doubles with each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claimed row is reserved for the instance sending it; longer than any send can take.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The time span of the response-time chart in alerts.</summary>
    public TimeSpan ChartWindow { get; set; } = TimeSpan.FromHours(3);

    /// <summary>The base URL without a trailing slash.</summary>
    public string BaseUrl => (PublicBaseUrl ?? "").TrimEnd('/');

    /// <summary>The wait before attempt <paramref name="failures"/> + 1: exponential, capped.</summary>
    public TimeSpan RetryDelayAfter(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var delay = RetryDelay * Math.Pow(2, exponent);
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    /// <summary>Every problem with these settings, worded for the person editing them; empty when they are usable.</summary>
    /// <param name="channelOn">Whether a channel is configured: links then need a base URL.</param>
    public IReadOnlyList<string> Validate(bool channelOn)
    {
        var problems = new List<string>();
        if (channelOn && string.IsNullOrWhiteSpace(PublicBaseUrl))
            problems.Add("PublicBaseUrl is required when alerts are sent: it starts the acknowledgement and check links (write e.g. https://monitor.example.com)");
        else if (!string.IsNullOrWhiteSpace(PublicBaseUrl) &&
                 (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            problems.Add($"PublicBaseUrl '{PublicBaseUrl}' is not an absolute http:// or https:// URL");
        if (SigningKey is { Length: > 0 and < 32 })
            problems.Add("SigningKey is too short: use at least 32 characters (or leave it empty to have one generated and stored)");
        if (!Schedules.TryToCron(DispatchInterval, "alerts", out _, out var error))
            problems.Add($"DispatchInterval: {error}");
        foreach (var (name, value) in new[] { ("AckLinkLifetime", AckLinkLifetime), ("RetryDelay", RetryDelay),
                     ("MaxRetryDelay", MaxRetryDelay), ("ClaimLease", ClaimLease), ("ChartWindow", ChartWindow) })
            if (value <= TimeSpan.Zero) problems.Add($"{name} must be positive");
        return problems;
    }
}
