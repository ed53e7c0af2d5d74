using System.Net.Sockets;

namespace Monitoring.Probes.Http;

/// <summary>
/// Sends one HTTP request on a fresh connection and checks the answer: status, latency of the full answer (body
/// included), body, JSON and headers. Records the phases of the request and, over https, the certificate's expiry.
/// </summary>
public sealed class HttpProbe(TimeProvider time) : IProbe
{
    public async Task<ProbeResult> RunAsync(ProbeDefinition probe, CancellationToken cancellationToken)
    {
        var settings = (HttpProbeSettings)probe.Settings;
        using var timer = new HttpPhaseTimer(time, settings.FollowRedirects);
        using var run = ProbeRun.Start(probe, time, cancellationToken);

        // The timer, not the run, knows the phases of an HTTP request.
        ProbeResult Result(ProbeOutcome outcome, int? status, string message, FailureClass failure = FailureClass.None) =>
            run.Result(outcome, message, failure, status, timer.CertificateExpiresAt) with { Phases = timer.Phases() };

        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(settings.Method), settings.Url);
            foreach (var (name, value) in settings.Headers)
                request.Headers.TryAddWithoutValidation(name, value);

            using var response = await timer.SendAsync(request, run.Deadline);
            // Reading the whole body is part of the latency a buyer feels.
            var body = await timer.ReadBodyAsync(response, run.Deadline);
            var answer = new HttpAnswer((int)response.StatusCode, HeadersOf(response), body, run.Elapsed);

            var findings = settings.Check(answer);
            var down = findings.Where(f => f.IsDown).ToList();
            if (down.Count > 0)
                return Result(ProbeOutcome.Fail, answer.Status, string.Join("; ", down.Select(f => f.Message)), down[0].Class);
            if (findings.Count > 0)
                return Result(ProbeOutcome.Degraded, answer.Status, string.Join("; ", findings.Select(f => f.Message)), findings[0].Class);
            return Result(ProbeOutcome.Pass, answer.Status, $"HTTP {answer.Status} in {Checks.Durations.Format(answer.Latency)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(ProbeOutcome.Fail, null, $"timeout: no complete answer within {Checks.Durations.Format(probe.Timeout)}",
                FailureClass.Timeout);
        }
        catch (HttpRequestException e)
        {
            return Result(ProbeOutcome.Fail, null, Describe(e, timer.CertificateProblem), Classify(e));
        }
    }

    /// <summary>Response and content headers in one case-insensitive map, repeated values joined as HTTP joins them.</summary>
    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
            headers[name] = string.Join(", ", values);
        return headers;
    }

    private static FailureClass Classify(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => FailureClass.Dns,
        HttpRequestError.ConnectionError => FailureClass.Connect,
        HttpRequestError.SecureConnectionError => FailureClass.Tls,
        _ => FailureClass.ProbeError,
    };

    private static string Describe(HttpRequestException e, string? certificateProblem)
    {
        var socket = e.InnerException as SocketException;
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"dns: could not resolve the host ({e.Message})",
            HttpRequestError.ConnectionError when socket is not null => $"connect: {socket.SocketErrorCode} ({socket.Message})",
            HttpRequestError.ConnectionError => $"connect: {e.Message}",
            HttpRequestError.SecureConnectionError when certificateProblem is not null => $"tls: {certificateProblem}",
            HttpRequestError.SecureConnectionError => $"tls: {e.InnerException?.Message ?? e.Message}",
            _ => $"request failed: {e.Message}",
        };
    }
}
