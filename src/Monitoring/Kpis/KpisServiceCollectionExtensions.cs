using Monitoring.Storage;

namespace Monitoring.Kpis;

public static class KpisServiceCollectionExtensions
{
    /// <summary>The daily rollup, its store, the runner that keeps it current and the report over it.</summary>
    public static IServiceCollection AddKpis(this IServiceCollection services)
    {
        services.AddSingleton<SqlKpiRollup>();
        services.AddSingleton<SqlKpiFactsStore>();
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
