using System.Text.Json.Serialization;
using Monitoring.Checks;
using Monitoring.Checks.Yaml;

namespace Monitoring.Probes.Tcp;

/// <summary>
/// Settings of a <c>tcp</c> probe: a port that must accept connections and, optionally, a line to send and text the
/// first answer must contain (an SMTP banner, Redis's <c>+PONG</c>), for services that speak no HTTP.
/// </summary>
public sealed class TcpProbeSettings : IProbeSettings, IReadsFromConfig<TcpProbeSettings>
{
    private const string Example = "smtp.shop.test:25";

    public required HostPort Address { get; init; }

    /// <summary>What to send once connected, escapes already applied; null to send nothing. It may hold a credential
    /// (<c>AUTH ${REDIS_PASSWORD}</c>), so it is never serialised, logged or shown.</summary>
    [JsonIgnore]
    public string? Send { get; init; }

    /// <summary>Text the answer must contain, escapes already applied; null when any connection passes.</summary>
    public string? ExpectContains { get; init; }

    /// <summary>The slowest acceptable run, connection and expected answer included; null when only the timeout applies.</summary>
    public TimeSpan? MaxLatency { get; init; }

    public string Target => Address.ToString();

    public static TcpProbeSettings? Read(ConfigNode node)
    {
        HostPort? address = null;
        var targetText = node.RequiredString("target");
        if (targetText is not null && !HostPort.TryParse(targetText, null, Example, out address, out var problem))
            node.Child("target")!.Error(problem!);

        var send = ReadEscaped(node, "send", "PING\\r\\n");

        string? contains = null;
        TimeSpan? maxLatency = null;
        var expect = node.Child("expect");
        if (expect is not null && expect.ExpectMapping())
        {
            contains = ReadEscaped(expect, "contains", "+PONG");
            maxLatency = expect.Duration("max_latency");
            expect.RejectUnknownKeys();
        }

        return address is null
            ? null
            : new TcpProbeSettings { Address = address, Send = send, ExpectContains = contains, MaxLatency = maxLatency };
    }

    private static string? ReadEscaped(ConfigNode node, string key, string sample)
    {
        var child = node.Child(key);
        var text = child?.Scalar();
        if (child is null || text is null) return null;
        if (text.Length == 0)
        {
            child.Error($"'' is no text (write the text, like '{sample}', or leave '{key}' out)");
            return null;
        }
        var unescaped = EscapedText.Unescape(text, out var problem);
        if (problem is not null) child.Error(problem);
        return unescaped;
    }

    /// <summary>The latency expectation, when the run took too long; null when it held.</summary>
    public string? FailedLatency(TimeSpan latency) =>
        MaxLatency is { } limit && latency > limit
            ? $"latency: expected at most {Durations.Format(limit)}, took {Durations.Format(latency)}"
            : null;
}
