using Monitoring.Checks.Yaml;

namespace Monitoring.Incidents;

/// <summary>
/// How a check's runs turn into states and incidents: retries inside a run, how many failed runs open an incident,
/// how many passing runs close it, flapping, dependencies and maintenance. Defaults follow Gatus (3 to open, 2 to
/// close) and Checkly (2 quick retries), so that a single lost packet never pages anyone.
/// </summary>
public sealed record CheckPolicy
{
    public static CheckPolicy Default { get; } = new();

    /// <summary>Extra attempts within one run before it counts as failed.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Pause between those attempts.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Consecutive failed runs that make the check down and open an incident.</summary>
    public int FailureThreshold { get; init; } = 3;

    /// <summary>Consecutive runs that are up again that resolve the incident.</summary>
    public int RecoveryThreshold { get; init; } = 2;

    /// <summary>Up/down changes within <see cref="FlappingWindow"/> that mark the check as flapping.</summary>
    public int FlappingTransitions { get; init; } = 6;

    public TimeSpan FlappingWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Checks whose outage explains this one's: while one is down, this check's new alerts are held back.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public IReadOnlyList<MaintenanceWindow> Maintenance { get; init; } = [];

    public bool InMaintenance(DateTimeOffset instant) => Maintenance.Any(w => w.Contains(instant));

    /// <summary>Reads the policy keys of a check (<c>retries</c>, <c>alerting</c>, <c>depends_on</c>, <c>maintenance</c>)
    /// over <paramref name="defaults"/>.</summary>
    public static CheckPolicy Read(ConfigNode node, CheckPolicy defaults, string timeZone, bool allowDependencies = true)
    {
        var policy = defaults;
        var retries = node.Child("retries");
        if (retries is not null)
        {
            if (retries.IsMapping)
            {
                policy = policy with
                {
                    Retries = Count(retries, "count", 0, 5) ?? policy.Retries,
                    RetryInterval = retries.Duration("interval") ?? policy.RetryInterval,
                };
                retries.RejectUnknownKeys();
            }
            else
            {
                policy = policy with { Retries = Range(retries, retries.AsInt(), 0, 5) ?? policy.Retries };
            }
        }

        var alerting = node.Child("alerting");
        if (alerting is not null && alerting.ExpectMapping())
        {
            policy = policy with
            {
                FailureThreshold = Count(alerting, "failure_threshold", 1, 100) ?? policy.FailureThreshold,
                RecoveryThreshold = Count(alerting, "recovery_threshold", 1, 100) ?? policy.RecoveryThreshold,
            };
            var flapping = alerting.Child("flapping");
            if (flapping is not null && flapping.ExpectMapping())
            {
                policy = policy with
                {
                    FlappingTransitions = Count(flapping, "transitions", 2, 1000) ?? policy.FlappingTransitions,
                    FlappingWindow = flapping.Duration("window") ?? policy.FlappingWindow,
                };
                flapping.RejectUnknownKeys();
            }
            alerting.RejectUnknownKeys();
        }

        if (allowDependencies && node.Child("depends_on") is not null)
            policy = policy with { DependsOn = node.Items("depends_on").Select(i => i.Scalar()).OfType<string>().ToList() };
        if (node.Child("maintenance") is not null)
            policy = policy with
            {
                Maintenance = node.Items("maintenance").Select(w => MaintenanceWindow.Read(w, timeZone)).OfType<MaintenanceWindow>().ToList(),
            };
        return policy;
    }

    private static int? Count(ConfigNode parent, string key, int min, int max)
    {
        var child = parent.Child(key);
        return child is null ? null : Range(child, child.AsInt(), min, max);
    }

    private static int? Range(ConfigNode node, int? value, int min, int max)
    {
        if (value is null || (value >= min && value <= max)) return value;
        node.Error($"{value} is out of range (from {min} to {max})");
        return null;
    }
}
