using Microsoft.Playwright;

namespace Monitoring.Scenarios.Browser;

/// <summary>
/// The one browser of the process, started on first use and reused by every run; each run gets its own context
/// (<see cref="NewContextAsync"/>), so cookies and storage never leak from one run to the next. A browser that crashed
/// or was closed is started again by the next run.
/// </summary>
public sealed class BrowserHost(BrowserOptions options, ILogger<BrowserHost> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    public BrowserOptions Options => options;

    /// <summary>A fresh context of the shared browser, or the reason why there is no browser (a result, not an exception:
    /// a machine without Chromium fails its browser scenarios, it does not crash the probe).</summary>
    public async Task<(IBrowserContext? Context, string? Problem)> NewContextAsync(BrowserNewContextOptions contextOptions,
        CancellationToken cancellationToken)
    {
        var (browser, problem) = await BrowserAsync(cancellationToken);
        if (browser is null) return (null, problem);
        try
        {
            return (await browser.NewContextAsync(contextOptions), null);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return (null, $"browser not available: {FirstLine(e.Message)}");
        }
    }

    private async Task<(IBrowser?, string?)> BrowserAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true }) return (_browser, null);
            if (!File.Exists(options.ExecutablePath))
                return (null, $"browser not available: {options.ExecutablePath} does not exist " +
                              $"(install Chromium, or set {Section}:ExecutablePath)");
            if (_browser is not null) await CloseBrowserAsync();
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.ExecutablePath,
                Headless = true,
                Args = options.Arguments,
                Timeout = (float)options.LaunchTimeout.TotalMilliseconds,
            });
            logger.LogInformation("Started {Browser} {Version} for browser scenarios", options.ExecutablePath, _browser.Version);
            return (_browser, null);
        }
        catch (Exception e) when (e is PlaywrightException or InvalidOperationException or IOException
                                      or System.ComponentModel.Win32Exception)
        {
            logger.LogWarning(e, "Could not start the browser {Browser}", options.ExecutablePath);
            return (null, $"browser not available: could not start {options.ExecutablePath}: {FirstLine(e.Message)}");
        }
        finally
        {
            _gate.Release();
        }
    }

    private const string Section = BrowserOptions.Section;

    /// <summary>Playwright's messages go on with a call log; the first line is the reason.</summary>
    public static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 0 ? line : message.Trim();
    }

    /// <summary>The last step of the call log Playwright appends to a timeout, such as "waiting for element to be
    /// visible, enabled and stable"; null when there is none.</summary>
    public static string? LastCallLogLine(string message)
    {
        // Newer drivers write "Call log:" and a list; older ones a block between "=== logs ===" and a line of "=".
        var start = message.IndexOf("Call log:", StringComparison.Ordinal) is var at and >= 0 ? at + "Call log:".Length
            : message.IndexOf(" logs ===", StringComparison.Ordinal) is var old and >= 0 ? message.IndexOf('\n', old) + 1 : -1;
        if (start <= 0) return null;
        var last = message[start..].Split('\n')
            .TakeWhile(l => !l.StartsWith("=====", StringComparison.Ordinal))
            .Select(l => l.Trim().TrimStart('-').Trim()).LastOrDefault(l => l.Length > 0);
        return last is null ? null : last.Length > 160 ? last[..160] + "…" : last;
    }

    private async Task CloseBrowserAsync()
    {
        try
        {
            if (_browser is not null) await _browser.CloseAsync();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // Already gone: a crashed browser is what brought us here.
        }
        _browser = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed) return;
            _disposed = true;
            await CloseBrowserAsync();
            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _gate.Release();
        }
    }
}
