using System.Text.Json.Serialization;
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

    /// <summary>How slow a complete answer may be before the run is degraded, and before it fails.</summary>
    public LatencyExpectation Latency { get; init; } = LatencyExpectation.None;

    /// <summary>The slowest acceptable answer (a synonym of <see cref="LatencyExpectation.DownOver"/>); null when only
    /// the probe's timeout applies.</summary>
    [JsonIgnore]
    public TimeSpan? MaxLatency
    {
        get => Latency.DownOver;
        init => Latency = Latency with { DownOver = value };
    }

    /// <summary>What the body must (not) contain or match, and conditions on its JSON.</summary>
    public HttpBodyExpectations Body { get; init; } = HttpBodyExpectations.None;

    /// <summary>Conditions on response headers (<c>expect.headers</c>; the request's <see cref="Headers"/> are another thing).</summary>
    public IReadOnlyList<HeaderExpectation> ExpectedHeaders { get; init; } = [];

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
        var latency = LatencyExpectation.None;
        var body = HttpBodyExpectations.None;
        IReadOnlyList<HeaderExpectation> expectedHeaders = [];
        var expect = node.Child("expect");
        if (expect is not null && expect.ExpectMapping())
        {
            var items = expect.Items("status");
            if (items.Count > 0)
                statuses = items.Select(StatusExpectation.Read).OfType<StatusExpectation>().ToList();
            latency = LatencyExpectation.Read(expect);
            body = HttpBodyExpectations.Read(expect);
            expectedHeaders = HeaderExpectation.ReadAll(expect);
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
                Latency = latency,
                Body = body,
                ExpectedHeaders = expectedHeaders,
            };
    }

    /// <summary>Every expectation the answer did not meet, each saying what was expected and what came: the status,
    /// the latency, the body, then the headers. Empty when the answer is as expected.</summary>
    public IReadOnlyList<HttpFinding> Check(HttpAnswer answer)
    {
        var findings = new List<HttpFinding>();
        if (!ExpectedStatus.Any(e => e.Matches(answer.Status)))
            findings.Add(new($"status: expected {string.Join(" or ", ExpectedStatus)}, got {answer.Status}", FailureClass.HttpStatus));
        if (Latency.Check(answer.Latency) is { } slow)
            findings.Add(slow);
        findings.AddRange(Body.Check(answer.Body));
        findings.AddRange(ExpectedHeaders.Select(h => h.Check(answer.Headers)).OfType<string>()
            .Select(message => new HttpFinding(message, FailureClass.Assertion)));
        return findings;
    }
}
