using System.Text.Json.Serialization;
using Monitoring.Checks;
using Monitoring.Checks.Yaml;

namespace Monitoring.Probes.Http;

/// <summary>Settings of an <c>http</c> probe: one request and what its answer must look like.</summary>
public sealed class HttpProbeSettings : IProbeSettings, IReadsFromConfig<HttpProbeSettings>
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public required Uri Url { get; init; }

    public string Method { get; init; } = "GET";

    /// <summary>Request headers. Their values may hold credentials, so they are never serialised, logged or shown.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The header names alone, safe to store and show.</summary>
    public IEnumerable<string> HeaderNames => Headers.Keys;

    public bool FollowRedirects { get; init; } = true;

    /// <summary>Accepted statuses; the default accepts any 2xx.</summary>
    public IReadOnlyList<StatusExpectation> ExpectedStatus { get; init; } = [StatusExpectation.Class(2)];

    /// <summary>The slowest acceptable answer; null when only the probe's timeout applies.</summary>
    public TimeSpan? MaxLatency { get; init; }

    public string Target => Url.GetLeftPart(UriPartial.Path);

    public static HttpProbeSettings? Read(ConfigNode node)
    {
        var urlText = node.RequiredString("url");
        Uri? url = null;
        if (urlText is not null)
        {
            if (!urlText.Any(char.IsWhiteSpace) && Uri.TryCreate(urlText, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
                url = parsed;
            else
                node.Child("url")!.Error($"'{urlText}' is not an absolute http:// or https:// URL");
        }

        var method = (node.String("method") ?? "GET").ToUpperInvariant();
        if (!Methods.Contains(method))
            node.Child("method")!.Error($"'{method}' is not an HTTP method ({string.Join(", ", Methods)})");

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in node.Entries("headers"))
        {
            var text = value.Scalar();
            if (text is not null) headers[name] = text;
        }

        var followRedirects = node.Bool("follow_redirects") ?? true;

        IReadOnlyList<StatusExpectation> statuses = [StatusExpectation.Class(2)];
        TimeSpan? maxLatency = null;
        var expect = node.Child("expect");
        if (expect is not null && expect.ExpectMapping())
        {
            var items = expect.Items("status");
            if (items.Count > 0)
                statuses = items.Select(StatusExpectation.Read).OfType<StatusExpectation>().ToList();
            maxLatency = expect.Duration("max_latency");
            expect.RejectUnknownKeys();
        }

        return url is null
            ? null
            : new HttpProbeSettings
            {
                Url = url,
                Method = method,
                Headers = headers,
                FollowRedirects = followRedirects,
                ExpectedStatus = statuses,
                MaxLatency = maxLatency,
            };
    }

    /// <summary>Every expectation the answer failed, each saying what was expected and what came.</summary>
    public IReadOnlyList<string> FailedExpectations(int status, TimeSpan latency)
    {
        var failures = new List<string>();
        if (!ExpectedStatus.Any(e => e.Matches(status)))
            failures.Add($"status: expected {string.Join(" or ", ExpectedStatus)}, got {status}");
        if (MaxLatency is { } limit && latency > limit)
            failures.Add($"latency: expected at most {Durations.Format(limit)}, took {Durations.Format(latency)}");
        return failures;
    }
}
