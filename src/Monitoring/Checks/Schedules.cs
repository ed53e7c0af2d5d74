namespace Monitoring.Checks;

/// <summary>
/// Turns a check's interval into a six-field cron expression (with seconds) that Hangfire runs. Only intervals that
/// divide a minute, an hour or a day evenly can be expressed; others are a configuration error, not a silent drift.
/// Each check gets a stable offset derived from its id so that a hundred checks do not all fire on the same second.
/// </summary>
public static class Schedules
{
    public static bool TryToCron(TimeSpan interval, string id, out string cron, out string? error)
    {
        cron = "";
        error = null;
        var seconds = interval.TotalSeconds;
        if (seconds < 1 || seconds != Math.Floor(seconds))
        {
            error = $"'{Durations.Format(interval)}' is not a whole number of seconds of at least 1s";
            return false;
        }

        var whole = (long)seconds;
        var offset = StableOffset(id);
        if (whole < 60 && 60 % whole == 0)
        {
            cron = whole == 1 ? "* * * * * *" : $"{offset % whole}/{whole} * * * * *";
            return true;
        }
        if (whole % 60 == 0 && whole < 3600 && 60 % (whole / 60) == 0)
        {
            var minutes = whole / 60;
            cron = $"{offset % 60} {(offset / 60) % minutes}/{minutes} * * * *";
            return true;
        }
        if (whole % 3600 == 0 && whole < 86400 && 24 % (whole / 3600) == 0)
        {
            var hours = whole / 3600;
            cron = $"{offset % 60} {(offset / 60) % 60} {(offset / 3600) % hours}/{hours} * * *";
            return true;
        }
        if (whole == 86400)
        {
            cron = $"{offset % 60} {(offset / 60) % 60} 0 * * *";
            return true;
        }
        error = $"'{Durations.Format(interval)}' cannot be scheduled evenly: use a divisor of a minute (5s, 10s, 15s, 30s), " +
                "of an hour (1m, 2m, 5m, 10m, 15m, 30m), of a day (1h, 2h, 3h, 4h, 6h, 8h, 12h) or 1d";
        return false;
    }

    /// <summary>A deterministic spread in [0, 86400) from the id, identical on every instance and every start.</summary>
    private static long StableOffset(string id)
    {
        // FNV-1a: string.GetHashCode is randomised per process, which would move schedules on every restart.
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash % 86400;
    }
}
