using Monitoring.Storage;

namespace Monitoring.Kpis;

public static class KpisServiceCollectionExtensions
{
    /// <summary>The daily rollup, its store, the runner that keeps it current and the report over it.</summary>
    public static IServiceCollection AddKpis(this IServiceCollection services)
    {
        services.AddSingleton<SqlKpiRollup>();
        services.AddSingleton<SqlKpiFactsStore>();
        // Bound when there is a configuration: hosts have one; the benchmarks' and tests' bare containers take the defaults.
        services.AddOptions<KpiRunnerOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(KpiRunnerOptions.Section).Bind(options))
            .Validate(o => o.DaysPerCall >= 1, $"{KpiRunnerOptions.Section}:DaysPerCall must be a whole number of days, at least 1")
            .ValidateOnStart();
        services.AddSingleton<KpiRunner>();
        services.AddSingleton<KpiReport>();
        services.AddSingleton<SqlAccountHistories>();
        services.AddSingleton<SqlStockSnapshots>();
        services.AddSingleton<SqlStockHistory>();
        services.AddSingleton<StockHistoryRecorder>();
        services.AddSingleton<ChurnList>();
        services.AddSingleton<Anomalies.KpiAnomalyFinder>();
        services.AddSingleton<Anomalies.KpiAnomalyAlerts>();
        services.AddOptions<Reports.KpiReportOptions>().BindConfiguration(Reports.KpiReportOptions.Section);
        services.AddSingleton<Reports.KpiPeriodReportBuilder>();
        services.AddSingleton<Reports.KpiReportMailer>();
        return services;
    }
}
