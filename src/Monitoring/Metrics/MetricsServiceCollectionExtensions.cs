using Prometheus;

namespace Monitoring.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers a registry of this application's own (not prometheus-net's process-wide default, which would mix the
    /// metrics of several hosts in one test process) with the process and .NET runtime collectors.
    /// </summary>
    public static IServiceCollection AddMonitoringMetrics(this IServiceCollection services)
    {
        // prometheus-net also fills its process-wide default registry with event-counter and meter adapters (about 70
        // families, many failing `promtool check metrics`). That registry is never exported here, so stop it listening.
        Prometheus.Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
        {
            SuppressEventCounters = true,
            SuppressMeters = true,
            SuppressDebugMetrics = true,
        });
        services.AddSingleton(_ =>
        {
            var registry = Prometheus.Metrics.NewCustomRegistry();
            DotNetStats.Register(registry);
            return registry;
        });
        services.AddSingleton<MonitoringMetrics>();
        return services;
    }
}
