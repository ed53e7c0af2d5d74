using Monitoring.Checks.Yaml;

namespace Monitoring.Checks;

/// <summary>The general settings of <c>checks/monitoring.yaml</c>; every key is optional.</summary>
public sealed record MonitoringSettings
{
    /// <summary>The shop's time zone (IANA id), in which days and weeks are counted.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>How often a check runs when it does not say.</summary>
    public TimeSpan DefaultInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a check may take when it does not say.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries, thresholds and maintenance windows for checks that do not set their own.</summary>
    public Incidents.CheckPolicy DefaultPolicy { get; init; } = Incidents.CheckPolicy.Default;

    public static MonitoringSettings Read(ConfigNode root)
    {
        var settings = new MonitoringSettings();
        if (!root.ExpectMapping()) return settings;

        var timeZone = root.String("time_zone");
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            root.Child("time_zone")!.Error($"'{timeZone}' is not a known time zone (write an IANA id like Europe/Paris)");
            timeZone = null;
        }

        var defaults = root.Child("defaults");
        TimeSpan? interval = null, timeout = null;
        var policy = settings.DefaultPolicy;
        if (defaults is not null && defaults.ExpectMapping())
        {
            interval = defaults.Duration("interval");
            timeout = defaults.Duration("timeout");
            policy = Incidents.CheckPolicy.Read(defaults, policy, timeZone ?? settings.TimeZone, allowDependencies: false);
            defaults.RejectUnknownKeys();
        }
        root.RejectUnknownKeys();

        return settings with
        {
            TimeZone = timeZone ?? settings.TimeZone,
            DefaultInterval = interval ?? settings.DefaultInterval,
            DefaultTimeout = timeout ?? settings.DefaultTimeout,
            DefaultPolicy = policy,
        };
    }
}
