using System.Collections.Concurrent;
using Monitoring.Checks;
using Monitoring.Checks.Yaml;
using Monitoring.IntegrationTests.Probes.Http;
using Monitoring.Quality;
using Monitoring.Quality.Media;
using SkiaSharp;
using YamlDotNet.RepresentationModel;

namespace Monitoring.IntegrationTests.Quality;

/// <summary>
/// The media probe against a real Kestrel server serving real image bytes (encoded by SkiaSharp): what each answer
/// gives, the HEAD → ranged GET fallback, the timeout, the per-scan cache, and the media rules judging what it measured.
/// </summary>
public sealed class HttpMediaProbeTests : IAsyncLifetime
{
    private static readonly byte[] Png = Encode(1200, 800, SKEncodedImageFormat.Png);
    private static readonly byte[] Jpeg = Encode(640, 480, SKEncodedImageFormat.Jpeg);

    // The classic 1 × 1 transparent GIF89a (43 bytes): SkiaSharp encodes no GIF.
    private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private readonly ConcurrentDictionary<string, int> _hits = new();
    private HttpTarget _server = null!;

    public async Task InitializeAsync() => _server = await HttpTarget.StartAsync(app =>
    {
        app.Use(async (context, next) =>
        {
            _hits.AddOrUpdate($"{context.Request.Method} {context.Request.Path}", 1, (_, n) => n + 1);
            await next();
        });
        app.MapMethods("/missing.jpg", ["GET", "HEAD"], () => Results.NotFound());
        app.MapMethods("/page.jpg", ["GET", "HEAD"], () => Results.Content("<html><body>Not found, but nicely</body></html>", "text/html"));
        app.MapMethods("/photo.png", ["GET", "HEAD"], () => Results.Bytes(Png, "image/png", enableRangeProcessing: true));
        // GET only: HEAD gets a 405, as from servers that do not implement it.
        app.MapGet("/photo.jpg", () => Results.Bytes(Jpeg, "image/jpeg", enableRangeProcessing: true));
        // Ignores the range: sends the whole file with a 200.
        app.MapMethods("/whole.gif", ["GET", "HEAD"], () => Results.Bytes(Gif, "image/gif"));
        app.MapMethods("/slow.png", ["GET", "HEAD"], async (CancellationToken aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), aborted);
            return Results.Bytes(Png, "image/png");
        });
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Each_answer_is_reported_as_it_came()
    {
        var probe = Probe();

        Assert.Equal(new MediaProbeResult(404), await probe.ProbeAsync(_server.Url + "/missing.jpg", default));
        var page = await probe.ProbeAsync(_server.Url + "/page.jpg", default);
        Assert.Equal((200, "text/html", (int?)null), (page.StatusCode, page.ContentType, page.Width));
    }

    [Fact]
    public async Task A_png_and_a_jpeg_are_measured_from_their_first_bytes()
    {
        var probe = Probe();

        var png = await probe.ProbeAsync(_server.Url + "/photo.png", default);
        Assert.Equal(new MediaProbeResult(206, "image/png", Png.Length, Width: 1200, Height: 800), png);
        // HEAD is refused (405): the ranged GET alone measures it.
        var jpeg = await probe.ProbeAsync(_server.Url + "/photo.jpg", default);
        Assert.Equal(new MediaProbeResult(206, "image/jpeg", Jpeg.Length, Width: 640, Height: 480), jpeg);
        Assert.Equal(1, _hits.GetValueOrDefault("HEAD /photo.jpg"));
        // A server that ignores the range sends everything with a 200; the size is then its Content-Length.
        var gif = await probe.ProbeAsync(_server.Url + "/whole.gif", default);
        Assert.Equal(new MediaProbeResult(200, "image/gif", Gif.Length, Width: 1, Height: 1), gif);
    }

    [Fact]
    public async Task A_slow_answer_beyond_the_timeout_is_no_answer()
    {
        var probe = Probe(timeout: TimeSpan.FromMilliseconds(500));

        var slow = await probe.ProbeAsync(_server.Url + "/slow.png", default);

        Assert.Equal(new MediaProbeResult(null, Error: "no answer within 0.5 s"), slow);
    }

    [Fact]
    public async Task A_host_that_does_not_answer_is_not_asked_again_in_the_same_scan()
    {
        var probe = Probe(timeout: TimeSpan.FromMilliseconds(500));
        await probe.ProbeAsync(_server.Url + "/slow.png", default);

        // Another URL of the same host fails at once with the first one's error, without a request.
        var other = await probe.ProbeAsync(_server.Url + "/photo.png", default);

        Assert.Equal(new MediaProbeResult(null, Error: "no answer within 0.5 s"), other);
        Assert.Equal(0, _hits.GetValueOrDefault("HEAD /photo.png"));
    }

    [Fact]
    public async Task Each_url_is_fetched_once_per_scan()
    {
        var probe = Probe();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => probe.ProbeAsync(_server.Url + "/photo.png", default)));
        Assert.Equal((1, 1), (_hits.GetValueOrDefault("HEAD /photo.png"), _hits.GetValueOrDefault("GET /photo.png")));

        // The next scan has its own probe, and fetches again.
        await Probe().ProbeAsync(_server.Url + "/photo.png", default);
        Assert.Equal(2, _hits.GetValueOrDefault("GET /photo.png"));
    }

    [Fact]
    public async Task The_media_rules_judge_what_the_probe_measured()
    {
        const string yaml = """
            rules:
              - {id: media-reachable, entity: media, kind: media_reachable, severity: major}
              - id: image-resolution
                entity: media
                kind: image_dimensions
                min_long_side: 1000
                categories: [{prefix: outillage/, min_long_side: 1500}]
                severity: major
              - {id: media-file-size, entity: media, kind: file_size, max_bytes: 20000, severity: minor}
            """;
        var garden = Owner("SKU-G", "jardin/arrosage");
        var tools = Owner("SKU-T", "outillage/perceuses");
        // The stored width, height and bytes are stale: the probe's measures replace them.
        QualityRecord Medium(string key, string path, QualityRecord owner) => new("media", key, new Dictionary<string, object?>
        {
            ["id"] = key, ["sku"] = owner.Key, ["url"] = _server.Url + path, ["kind"] = "image", ["width"] = 3000L, ["height"] = 3000L, ["bytes"] = 1L,
        }) { Owner = owner };
        var records = new[]
        {
            Medium("M-png-garden", "/photo.png", garden), Medium("M-png-tools", "/photo.png", tools), Medium("M-jpeg", "/photo.jpg", garden),
            Medium("M-missing", "/missing.jpg", garden), Medium("M-page", "/page.jpg", garden),
        };
        var context = new QualityScanContext { Now = DateTimeOffset.UtcNow, MediaProbe = Probe() };

        var evaluation = await new QualityEvaluator(ReadRules(yaml)).EvaluateAsync(records, context);

        Assert.Equal(
            [
                "image-resolution M-jpeg: image 640×480 px: long side under 1000 px",
                "image-resolution M-png-tools: image 1200×800 px: long side under 1500 px",
                $"media-file-size M-png-garden: file of {Png.Length} bytes: over 20000 bytes",
                $"media-file-size M-png-tools: file of {Png.Length} bytes: over 20000 bytes",
                $"media-reachable M-missing: {_server.Url}/missing.jpg answers HTTP 404",
                $"media-reachable M-page: {_server.Url}/page.jpg answers text/html, not an image",
            ],
            evaluation.Findings.Select(f => $"{f.RuleId} {f.Key}: {f.Message}").Order(StringComparer.Ordinal).ToList());
        Assert.True(Png.Length > 20000, $"the PNG should weigh over 20,000 bytes, it has {Png.Length}");
        Assert.True(Jpeg.Length < 20000, $"the JPEG should weigh under 20,000 bytes, it has {Jpeg.Length}");
        Assert.Equal(1, _hits.GetValueOrDefault("GET /photo.png"));
    }

    private static HttpMediaProbe Probe(TimeSpan? timeout = null) =>
        new(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, new MediaProbeOptions { Timeout = timeout ?? TimeSpan.FromSeconds(10), Concurrency = 4 });

    private static QualityRecord Owner(string sku, string category) =>
        new("product", sku, new Dictionary<string, object?> { ["sku"] = sku, ["category_path"] = category });

    /// <summary>A picture with noise in it, so that the PNG does not compress to nothing.</summary>
    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(7);
        var pixels = new SKColor[width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                pixels[y * width + x] = new SKColor((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)random.Next(0, 40));
        bitmap.Pixels = pixels;
        using var data = bitmap.Encode(format, 70);
        return data.ToArray();
    }

    private static IReadOnlyList<QualityRuleDefinition> ReadRules(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var diagnostics = new ConfigDiagnostics();
        var file = new ConfigFile("checks/quality/t.yaml", diagnostics, new VariableExpander(_ => null));
        var rules = QualityRuleReader.Read(new ConfigNode(stream.Documents[0].RootNode, "", file));
        Assert.Empty(diagnostics.Errors);
        return rules;
    }
}
