using Monitoring.Checks;
using Monitoring.Probes;
using Monitoring.Probes.Http;
using Monitoring.Scenarios.Steps;

namespace Monitoring.Scenarios;

/// <summary>What one run of a scenario found: the probe result (its message names the failing step) and every step.</summary>
public sealed record ScenarioRun(ProbeResult Result, IReadOnlyList<StepResult> Steps);

/// <summary>
/// Runs the steps of a scenario in order on one cookie jar, stopping at the first failure; <c>always</c> steps run
/// anyway. A failed main step fails the run; a failed <c>always</c> step only degrades it (the buyer's path worked,
/// the cleanup did not). Like every probe it returns failures, and throws only when the caller cancels.
/// </summary>
/// <param name="handlers">How HTTP handlers are made (see <see cref="ScenarioContext"/>); null for real connections.</param>
public sealed class ScenarioRunner(TimeProvider time, Func<bool, System.Net.CookieContainer, HttpMessageHandler>? handlers = null)
{
    /// <summary>How long an <c>always</c> step without a timeout of its own may take once the run's timeout has passed:
    /// cleanup after a timeout still deserves a chance, but a short one.</summary>
    public static readonly TimeSpan CleanupGrace = TimeSpan.FromSeconds(5);

    public async Task<ScenarioRun> RunAsync(ProbeDefinition scenario, CancellationToken cancellationToken)
    {
        var settings = (ScenarioSettings)scenario.Settings;
        using var run = ProbeRun.Start(scenario, time, cancellationToken);
        var runId = Guid.NewGuid();
        using var context = new ScenarioContext(settings, runId, handlers);
        var steps = new List<StepResult>();
        StepResult? failed = null, cleanupFailed = null;

        foreach (var (step, index) in settings.Steps.Select((s, i) => (s, i)))
        {
            if (failed is not null && !step.Always)
            {
                steps.Add(Skipped(step, index, run.Elapsed, $"not run: step '{failed.Name}' failed"));
                continue;
            }
            var result = await RunStepAsync(step, index, run, scenario.Timeout, context, cancellationToken);
            steps.Add(result);
            if (result.Outcome != StepOutcome.Fail) continue;
            if (step.Always) cleanupFailed ??= result;
            else failed ??= result;
        }

        var (outcome, message, culprit) = Summarise(steps, failed, cleanupFailed, run.Elapsed);
        var probeResult = run.Result(outcome, context.Secrets.Redact(message), culprit?.Failure ?? FailureClass.None,
            culprit?.StatusCode ?? steps.LastOrDefault(s => s.StatusCode is not null)?.StatusCode) with { RunId = runId };
        return new ScenarioRun(probeResult, steps);
    }

    private static (ProbeOutcome, string, StepResult?) Summarise(List<StepResult> steps, StepResult? failed, StepResult? cleanupFailed, TimeSpan elapsed)
    {
        if (failed is not null) return (ProbeOutcome.Fail, $"step '{failed.Name}' failed: {failed.Message}", failed);
        if (cleanupFailed is not null) return (ProbeOutcome.Degraded, $"cleanup step '{cleanupFailed.Name}' failed: {cleanupFailed.Message}", cleanupFailed);
        if (steps.FirstOrDefault(s => s.Outcome == StepOutcome.Degraded) is { } slow)
            return (ProbeOutcome.Degraded, $"step '{slow.Name}' degraded: {slow.Message}", slow);
        return (ProbeOutcome.Pass, $"{steps.Count} step(s) passed in {Durations.Format(elapsed)}", null);
    }

    private async Task<StepResult> RunStepAsync(ScenarioStep step, int index, ProbeRun run, TimeSpan scenarioTimeout,
        ScenarioContext context, CancellationToken cancellationToken)
    {
        var offset = run.Elapsed;
        using var request = step.Request.Build(context, out var missing);
        if (request is null)
            return Skipped(step, index, offset, $"not run: {{{{{missing}}}}} has no value (the step that captures it did not run)");

        if (request.RequestUri is not { Scheme: "http" or "https" })
            return Failed(step, index, offset, TimeSpan.Zero, null, FailureClass.ProbeError,
                context.Secrets.Redact($"the URL '{context.Fill(step.Request.Url, out _)}' is not an absolute http:// or https:// URL"));

        // Within the run's timeout, a step gets its own or what is left; a cleanup step after the run's timeout gets a grace.
        var afterDeadline = run.Deadline.IsCancellationRequested;
        using var stepTimeout = new CancellationTokenSource(step.Timeout ?? (afterDeadline ? CleanupGrace : Timeout.InfiniteTimeSpan), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(afterDeadline ? cancellationToken : run.Deadline, stepTimeout.Token);
        var started = time.GetTimestamp();
        int? status = null;
        try
        {
            using var response = await context.Client(step.Request.FollowRedirects)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            status = (int)response.StatusCode;
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            var body = await HttpBody.ReadAsync(stream, response.Content.Headers.ContentType?.CharSet, linked.Token);
            var answer = new StepAnswer(new HttpAnswer(status.Value, HeadersOf(response), body, time.GetElapsedTime(started)),
                response.RequestMessage?.RequestUri ?? request.RequestUri!, context.Cookies);
            return Judge(step, index, offset, answer, context);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var message = stepTimeout.IsCancellationRequested
                ? $"timeout: no complete answer within {Durations.Format(step.Timeout ?? CleanupGrace)}"
                : $"timeout: the scenario's {Durations.Format(scenarioTimeout)} ran out during this step";
            return Failed(step, index, offset, time.GetElapsedTime(started), status, FailureClass.Timeout, message);
        }
        catch (HttpRequestException e)
        {
            var (failure, what) = e.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => (FailureClass.Dns, "dns"),
                HttpRequestError.ConnectionError => (FailureClass.Connect, "connect"),
                HttpRequestError.SecureConnectionError => (FailureClass.Tls, "tls"),
                _ => (FailureClass.ProbeError, "request failed"),
            };
            return Failed(step, index, offset, time.GetElapsedTime(started), status, failure,
                context.Secrets.Redact($"{what}: {e.InnerException?.Message ?? e.Message}"));
        }
    }

    /// <summary>Checks the answer, then captures; captured secrets are known before the excerpt is cut.</summary>
    private static StepResult Judge(ScenarioStep step, int index, TimeSpan offset, StepAnswer answer, ScenarioContext context)
    {
        var findings = step.Expect.Check(answer, text => context.Fill(text, out _) ?? text, step.Request.IsGraphQl).ToList();
        if (findings.All(f => !f.IsDown))
        {
            foreach (var capture in step.Captures)
            {
                var value = capture.From.Take(answer, out var problem);
                if (value is null) findings.Add(new HttpFinding($"capture '{capture.Name}': {problem}", FailureClass.Assertion));
                else context.Set(capture.Name, value, capture.IsSecret);
            }
        }
        var down = findings.Where(f => f.IsDown).ToList();
        var outcome = down.Count > 0 ? StepOutcome.Fail : findings.Count > 0 ? StepOutcome.Degraded : StepOutcome.Pass;
        var message = findings.Count > 0
            ? string.Join("; ", (down.Count > 0 ? down : findings).Select(f => f.Message))
            : $"HTTP {answer.Status} in {Durations.Format(answer.Http.Latency)}";
        return new StepResult(index, step.Id, step.Name, outcome, answer.Status, offset, answer.Http.Latency,
            context.Secrets.Redact(message), Excerpt(answer, context.Secrets))
        {
            Failure = down.Count > 0 ? down[0].Class : findings.Count > 0 ? findings[0].Class : FailureClass.None,
        };
    }

    /// <summary>The start of the answer: the page's text for HTML (markup says little), the body otherwise; redacted
    /// before it is cut so that a secret on the edge cannot survive in part.</summary>
    private static string? Excerpt(StepAnswer answer, Redactor secrets)
    {
        var text = answer.IsHtml ? answer.Html.Body?.TextContent ?? "" : answer.Body;
        var excerpt = HtmlText.Collapse(secrets.Redact(text));
        if (excerpt.Length == 0) return null;
        return excerpt.Length <= StepResult.ExcerptLength ? excerpt : excerpt[..(StepResult.ExcerptLength - 3)] + "...";
    }

    private static StepResult Skipped(ScenarioStep step, int index, TimeSpan offset, string message) =>
        new(index, step.Id, step.Name, StepOutcome.Skipped, null, offset, TimeSpan.Zero, message, null);

    private static StepResult Failed(ScenarioStep step, int index, TimeSpan offset, TimeSpan duration, int? status, FailureClass failure, string message) =>
        new(index, step.Id, step.Name, StepOutcome.Fail, status, offset, duration, message, null) { Failure = failure };

    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
            headers[name] = string.Join(", ", values);
        return headers;
    }
}
