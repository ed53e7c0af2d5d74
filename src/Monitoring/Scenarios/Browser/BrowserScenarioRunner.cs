using Microsoft.Playwright;
using Monitoring.Checks;
using Monitoring.Probes;
using Monitoring.Scenarios.Steps;

namespace Monitoring.Scenarios.Browser;

/// <summary>
/// Runs the steps of a browser scenario in one fresh browser context (its own cookies and storage), stopping at the
/// first failure; <c>always</c> steps run anyway, as in an HTTP scenario. A step fails when its action fails (nothing to
/// click within its timeout, a page that does not load), when a page it navigated to answered 4xx or 5xx, or when an
/// expectation is unmet; a failed step carries a PNG screenshot of the page at that moment. Like every probe it returns
/// failures (no browser on this machine included), and throws only when the caller cancels.
/// </summary>
public sealed class BrowserScenarioRunner(BrowserHost host, TimeProvider time)
{
    /// <summary>What an <c>always</c> step without a timeout of its own gets once the run's timeout has passed.</summary>
    public static readonly TimeSpan CleanupGrace = ScenarioRunner.CleanupGrace;

    public async Task<ScenarioRun> RunAsync(ProbeDefinition scenario, CancellationToken cancellationToken)
    {
        var settings = (BrowserScenarioSettings)scenario.Settings;
        using var run = ProbeRun.Start(scenario, time, cancellationToken);
        var state = new BrowserRunState(settings, Guid.NewGuid());

        var (context, problem) = await host.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        }, cancellationToken);
        if (context is null)
        {
            var skipped = settings.Steps.Select((s, i) => Skipped(s, i, TimeSpan.Zero, "not run: no browser")).ToList();
            return new ScenarioRun(run.Fail(FailureClass.ProbeError, problem!) with { RunId = state.RunId }, skipped);
        }

        var steps = new List<StepResult>();
        StepResult? failed = null, cleanupFailed = null;
        await using (context)
        {
            var page = await context.NewPageAsync();
            page.Response += (_, response) =>
            {
                if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame) state.Documents.Add(response);
            };
            try
            {
                foreach (var (step, index) in settings.Steps.Select((s, i) => (s, i)))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (failed is not null && !step.Always)
                    {
                        steps.Add(Skipped(step, index, run.Elapsed, $"not run: step '{failed.Name}' failed"));
                        continue;
                    }
                    var result = await RunStepAsync(step, index, page, run, scenario.Timeout, state, cancellationToken);
                    steps.Add(result);
                    if (result.Outcome != StepOutcome.Fail) continue;
                    if (step.Always) cleanupFailed ??= result;
                    else failed ??= result;
                }
            }
            finally
            {
                await CloseQuietlyAsync(page);
            }
        }

        var (outcome, message, culprit) = (failed, cleanupFailed) switch
        {
            ({ } f, _) => (ProbeOutcome.Fail, $"step '{f.Name}' failed: {f.Message}", f),
            (null, { } c) => (ProbeOutcome.Degraded, $"cleanup step '{c.Name}' failed: {c.Message}", c),
            _ => (ProbeOutcome.Pass, $"{steps.Count} step(s) passed in {Durations.Format(run.Elapsed)}", (StepResult?)null),
        };
        var result2 = run.Result(outcome, state.Secrets.Redact(message), culprit?.Failure ?? FailureClass.None,
            culprit?.StatusCode ?? steps.LastOrDefault(s => s.StatusCode is not null)?.StatusCode) with { RunId = state.RunId };
        return new ScenarioRun(result2, steps);
    }

    private async Task<StepResult> RunStepAsync(BrowserStep step, int index, IPage page, ProbeRun run, TimeSpan scenarioTimeout,
        BrowserRunState state, CancellationToken cancellationToken)
    {
        var offset = run.Elapsed;
        // Within the run's timeout a step gets its own or what is left; a cleanup step after the run's timeout gets a grace.
        var afterDeadline = run.Deadline.IsCancellationRequested;
        var left = afterDeadline || run.Elapsed >= scenarioTimeout ? TimeSpan.Zero : scenarioTimeout - run.Elapsed;
        var budget = step.Timeout is { } own ? (afterDeadline ? own : Min(own, left)) : afterDeadline ? CleanupGrace : left;
        var budgetMs = (float)Math.Max(1, budget.TotalMilliseconds);
        var started = time.GetTimestamp();
        var deadline = started + (long)(budget.TotalSeconds * time.TimestampFrequency);
        state.Documents.Clear();
        var waitingFor = "the action";
        try
        {
            await step.Action.RunAsync(page, state.Fill, budgetMs);
            if (step.Action is BrowserAction.Fill fill && Redactor.IsSecretName(fill.Selector))
            {
                state.Secrets.Add(state.Fill(fill.Value));
                state.Masked.Add(state.Fill(fill.Selector));
            }
            waitingFor = "the page to load";
            if (step.Action is not BrowserAction.Nothing)
                await PageLoad.WaitAsync(page, time, deadline, budgetMs);

            var status = state.Documents.Select(d => (int?)d.Status).FirstOrDefault(s => s >= 400)
                         ?? state.Documents.LastOrDefault()?.Status;
            if (status >= 400)
            {
                var bad = state.Documents.First(d => d.Status >= 400);
                return await FailedAsync(step, index, offset, started, status, FailureClass.HttpStatus,
                    $"HTTP {status} from {bad.Request.Method} {bad.Url}", page, state);
            }
            waitingFor = "the expected content";
            if (await step.Expect.CheckAsync(page, state.Fill, time, deadline, budgetMs, cancellationToken) is { } unmet)
                return await FailedAsync(step, index, offset, started, status, FailureClass.Assertion, unmet, page, state);

            var duration = time.GetElapsedTime(started);
            var message = $"{step.Action.Describe()}{(status is { } s ? $": HTTP {s}" : "")} in {Durations.Format(duration)}";
            return new StepResult(index, step.Id, step.Name, StepOutcome.Pass, status, offset, duration, state.Secrets.Redact(message), null);
        }
        catch (TimeoutException e)
        {
            var why = afterDeadline || step.Timeout is not null && step.Timeout <= left
                ? $"timeout: not done within {Durations.Format(budget)}"
                : $"timeout: the scenario's {Durations.Format(scenarioTimeout)} ran out during this step";
            // What the browser was still waiting for ("element to be visible", "navigation to finish") tells a slow
            // page from a missing element.
            why += $" (waiting for {waitingFor}" + (BrowserHost.LastCallLogLine(e.Message) is { } last ? $": {last})" : ")");
            return await FailedAsync(step, index, offset, started, null, FailureClass.Timeout, $"{step.Action.Describe()}: {why}", page, state);
        }
        catch (PlaywrightException e)
        {
            var reason = BrowserHost.FirstLine(e.Message);
            return await FailedAsync(step, index, offset, started, null, Classify(reason), $"{step.Action.Describe()}: {reason}", page, state);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Chromium's network errors name their cause (<c>net::ERR_NAME_NOT_RESOLVED</c>): the same classes as HTTP.</summary>
    private static FailureClass Classify(string reason) => reason switch
    {
        _ when reason.Contains("ERR_NAME_NOT_RESOLVED", StringComparison.Ordinal) => FailureClass.Dns,
        _ when reason.Contains("ERR_CONNECTION", StringComparison.Ordinal) || reason.Contains("ERR_ADDRESS_UNREACHABLE", StringComparison.Ordinal) => FailureClass.Connect,
        _ when reason.Contains("ERR_CERT", StringComparison.Ordinal) || reason.Contains("ERR_SSL", StringComparison.Ordinal) => FailureClass.Tls,
        _ when reason.Contains("ERR_TIMED_OUT", StringComparison.Ordinal) => FailureClass.Timeout,
        _ => FailureClass.ProbeError,
    };

    /// <summary>A failed step with what the page showed: its text as the excerpt and a screenshot, secrets blanked in
    /// both (password fields and fields filled with a secret are masked in the picture).</summary>
    private async Task<StepResult> FailedAsync(BrowserStep step, int index, TimeSpan offset, long started, int? status,
        FailureClass failure, string message, IPage page, BrowserRunState state)
    {
        var duration = time.GetElapsedTime(started);
        string? excerpt = null;
        byte[]? screenshot = null;
        try
        {
            var text = HtmlText.Collapse(state.Secrets.Redact(await page.Locator("body").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 2000 })));
            excerpt = text.Length == 0 ? null : text.Length <= StepResult.ExcerptLength ? text : text[..(StepResult.ExcerptLength - 3)] + "...";
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // No page to read (it never loaded, or the browser went away): the message says why.
        }
        try
        {
            screenshot = await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Type = ScreenshotType.Png,
                Timeout = 5000,
                Mask = state.Masked.Append("input[type=password]").Select(s => page.Locator(s)).ToList(),
            });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // As above: a step can fail in a way that leaves nothing to photograph.
        }
        return new StepResult(index, step.Id, step.Name, StepOutcome.Fail, status, offset, duration, state.Secrets.Redact(message), excerpt)
        {
            Failure = failure,
            Screenshot = screenshot,
        };
    }

    private static StepResult Skipped(BrowserStep step, int index, TimeSpan offset, string message) =>
        new(index, step.Id, step.Name, StepOutcome.Skipped, null, offset, TimeSpan.Zero, message, null);

    private static async Task CloseQuietlyAsync(IPage page)
    {
        try
        {
            await page.CloseAsync();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // The browser is gone; the host starts a new one for the next run.
        }
    }
}
