namespace Monitoring.Scenarios.Browser;

/// <summary>The browser that runs browser scenarios (<c>Monitoring:Browser</c>): an installed Chromium, never one that
/// Playwright downloads (<c>playwright install</c> is not part of any setup).</summary>
public sealed class BrowserOptions
{
    public const string Section = "Monitoring:Browser";

    /// <summary>Debian's <c>chromium</c> package installs it here.</summary>
    public string ExecutablePath { get; set; } = "/usr/bin/chromium";

    /// <summary>Chromium's switches: no sandbox (the service often runs as root in a container), and none of the
    /// background traffic (updates, sync, QUIC) that a probe must not make or wait for.</summary>
    public string[] Arguments { get; set; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic",
    ];

    /// <summary>How long starting the browser may take.</summary>
    public TimeSpan LaunchTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
