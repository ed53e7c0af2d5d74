using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Monitoring.Web;

namespace Monitoring.IntegrationTests.Web;

/// <summary>
/// The service describes its JSON API in an OpenAPI document: every /api/ endpoint the app maps is in it with its
/// methods and parameters, and nothing else (pages and charts are for people).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OpenApiTests
{
    [Fact]
    public async Task Describes_every_api_endpoint_and_only_those()
    {
        using var folder = new TempFolder().WithProbes("probes: []");
        await using var monitor = await MonitorHost.StartAsync(folder.Checks,
            new Dictionary<string, string?> { ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath });

        using var document = JsonDocument.Parse(await monitor.Client.GetStringAsync(WebServiceCollectionExtensions.OpenApiPath));

        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString());
        Assert.Equal("shopmon API", root.GetProperty("info").GetProperty("title").GetString());
        var documented = root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .Order().ToList();
        var mapped = monitor.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} /{RouteWithoutConstraints(e.RoutePattern.RawText!.TrimStart('/'))}"))
            .Distinct().Order().ToList();
        Assert.Equal(mapped, documented);
        Assert.Contains("GET /api/checks/{id}", documented);

        var checkParameters = root.GetProperty("paths").GetProperty("/api/checks/{id}").GetProperty("get").GetProperty("parameters");
        Assert.Contains(checkParameters.EnumerateArray(), p => p.GetProperty("name").GetString() == "id" && p.GetProperty("in").GetString() == "path");
    }

    /// <summary>
    /// Every page, with the JSON endpoints that give what it shows, or why it has none (a form, not data). A page added
    /// without a row here fails <see cref="Every_page_has_a_json_counterpart_in_the_openapi_document"/>.
    /// </summary>
    public static readonly Dictionary<string, string[]> PageApis = new()
    {
        ["/"] = ["/api/checks", "/api/config/status"],
        ["/checks/{id}"] = ["/api/checks/{id}", "/api/incidents/{id}", "/api/scenarios/{id}"],
        ["/overview/ops"] = ["/api/overview/ops"],
        ["/overview/managers"] = ["/api/overview/managers"],
        ["/overview/catalogue"] = ["/api/overview/catalogue", "/api/quality/scores"],
        ["/kpis"] = ["/api/kpis"],
        ["/kpis/{kpi}"] = ["/api/kpis/{kpi}"],
        ["/kpis/churn"] = ["/api/kpis/churn"],
        ["/kpis/report"] = ["/api/kpis/report"],
        ["/quality"] = ["/api/quality/findings", "/api/quality/scores"],
        ["/quality/records/{entity}/{**key}"] = ["/api/quality/records/{entity}/{key}"],
        ["/quality/digest"] = ["/api/quality/digest"],
        ["/data/imports"] = ["/api/imports", "/api/quarantine"],
        ["/admin/audit"] = ["/api/admin/audit"],
        ["/admin/api-keys"] = ["/api/admin/api-keys"],
        // Forms that show no data of their own: signing in and out, erasing a person (the result is the audit log's),
        // acknowledging an incident (the incident is /api/incidents/{id}).
        ["/login"] = [],
        ["/logout"] = [],
        ["/admin/privacy"] = ["/api/admin/audit"],
        ["/incidents/{id:long}/acknowledge"] = ["/api/incidents/{id}"],
    };

    [Fact]
    public async Task Every_page_has_a_json_counterpart_in_the_openapi_document()
    {
        using var folder = new TempFolder().WithProbes("probes: []");
        await using var monitor = await MonitorHost.StartAsync(folder.Checks,
            new Dictionary<string, string?> { ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath });
        using var document = JsonDocument.Parse(await monitor.Client.GetStringAsync(WebServiceCollectionExtensions.OpenApiPath));
        var paths = document.RootElement.GetProperty("paths");

        var pages = monitor.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>().Any())
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().Order().ToList();
        Assert.Equal(PageApis.Keys.Order(), pages);
        var missing = PageApis.SelectMany(p => p.Value.Where(api => !paths.TryGetProperty(api, out _)).Select(api => $"{p.Key} → {api}")).ToList();
        Assert.True(missing.Count == 0, "not in the OpenAPI document: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_api_operation_has_a_summary_and_a_typed_answer_and_says_how_it_refuses_bad_input()
    {
        using var folder = new TempFolder().WithProbes("probes: []");
        await using var monitor = await MonitorHost.StartAsync(folder.Checks,
            new Dictionary<string, string?> { ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath });
        using var document = JsonDocument.Parse(await monitor.Client.GetStringAsync(WebServiceCollectionExtensions.OpenApiPath));

        var problems = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
            if (!operation.Value.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                problems.Add($"{name}: no summary");
            var responses = operation.Value.GetProperty("responses");
            if (!responses.TryGetProperty("200", out var ok) || !ok.TryGetProperty("content", out var content)
                || !content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _)))
                problems.Add($"{name}: no typed 200 answer");
            var hasInput = operation.Value.TryGetProperty("parameters", out var parameters) && parameters.GetArrayLength() > 0;
            if (hasInput && !responses.EnumerateObject().Any(r => r.Name.StartsWith('4')))
                problems.Add($"{name}: takes input but documents no 4xx");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>OpenAPI paths name parameters without their route constraints or catch-all stars: <c>{id:long}</c> is <c>{id}</c>, <c>{**key}</c> is <c>{key}</c>.</summary>
    private static string RouteWithoutConstraints(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{\**([^}:]+)(:[^}]+)?\}", "{$1}");
}
