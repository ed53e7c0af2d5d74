using System.Net.Sockets;

namespace Monitoring.Probes.Http;

/// <summary>Sends one HTTP request and checks the status and the latency of the full answer, body included.</summary>
public sealed class HttpProbe(IHttpClientFactory clients, TimeProvider time) : IProbe
{
    public async Task<ProbeResult> RunAsync(ProbeDefinition probe, CancellationToken cancellationToken)
    {
        var settings = (HttpProbeSettings)probe.Settings;
        var client = clients.CreateClient(settings.FollowRedirects
            ? ProbesServiceCollectionExtensions.FollowingClient
            : ProbesServiceCollectionExtensions.NonFollowingClient);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(probe.Timeout);
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();

        ProbeResult Result(ProbeOutcome outcome, int? status, string message, FailureClass failure = FailureClass.None) =>
            new(Guid.NewGuid(), probe.Id, startedAt, time.GetElapsedTime(started), outcome, status, message) { Failure = failure };

        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(settings.Method), settings.Url);
            foreach (var (name, value) in settings.Headers)
                request.Headers.TryAddWithoutValidation(name, value);

            // Reading the whole body is part of the latency a buyer feels.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var latency = time.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            var failures = settings.FailedExpectations(status, latency);
            if (failures.Count == 0)
                return Result(ProbeOutcome.Pass, status, $"HTTP {status} in {Checks.Durations.Format(latency)}");
            var failure = failures[0].StartsWith("status:", StringComparison.Ordinal) ? FailureClass.HttpStatus : FailureClass.Latency;
            return Result(ProbeOutcome.Fail, status, string.Join("; ", failures), failure);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(ProbeOutcome.Fail, null, $"timeout: no complete answer within {Checks.Durations.Format(probe.Timeout)}",
                FailureClass.Timeout);
        }
        catch (HttpRequestException e)
        {
            return Result(ProbeOutcome.Fail, null, Describe(e), Classify(e));
        }
    }

    private static FailureClass Classify(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => FailureClass.Dns,
        HttpRequestError.ConnectionError => FailureClass.Connect,
        HttpRequestError.SecureConnectionError => FailureClass.Tls,
        _ => FailureClass.ProbeError,
    };

    private static string Describe(HttpRequestException e)
    {
        var socket = e.InnerException as SocketException;
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"dns: could not resolve the host ({e.Message})",
            HttpRequestError.ConnectionError when socket is not null => $"connect: {socket.SocketErrorCode} ({socket.Message})",
            HttpRequestError.ConnectionError => $"connect: {e.Message}",
            HttpRequestError.SecureConnectionError => $"tls: {e.InnerException?.Message ?? e.Message}",
            _ => $"request failed: {e.Message}",
        };
    }
}
