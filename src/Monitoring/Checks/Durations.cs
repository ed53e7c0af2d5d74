using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitoring.Checks;

/// <summary>Parses durations written the Go/Prometheus way: <c>500ms</c>, <c>30s</c>, <c>1m30s</c>, <c>2h</c>, <c>1d</c>.</summary>
public static partial class Durations
{
    [GeneratedRegex(@"^(?:(\d+(?:\.\d+)?)(ms|s|m|h|d))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h|d)")]
    private static partial Regex Part();

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var trimmed = text.Trim();
        if (!Whole().IsMatch(trimmed)) return false;
        foreach (Match part in Part().Matches(trimmed))
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }
        return true;
    }

    /// <summary>Formats a duration in the same notation, for messages: <c>1m30s</c>, <c>250ms</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1)) return duration.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture) + "ms";
        if (duration < TimeSpan.FromMinutes(1)) return duration.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + "s";
        var text = "";
        if (duration.Days > 0) text += $"{duration.Days}d";
        if (duration.Hours > 0) text += $"{duration.Hours}h";
        if (duration.Minutes > 0) text += $"{duration.Minutes}m";
        if (duration.Seconds > 0) text += $"{duration.Seconds}s";
        return text;
    }
}
