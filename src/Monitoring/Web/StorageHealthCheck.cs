using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Storage;

namespace Monitoring.Web;

/// <summary>Readiness: the service is ready only while its storage answers.</summary>
public sealed class StorageHealthCheck(IStorageHealth storage) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await storage.PingAsync(deadline.Token);
            return HealthCheckResult.Healthy($"{storage.Backend} storage reachable");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The message names the backend and the error class, never the connection string.
            var reason = e is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0}s" : $"{e.GetType().Name}: {e.Message}";
            return HealthCheckResult.Unhealthy($"{storage.Backend} storage unreachable: {reason}");
        }
    }
}
