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

    /// <summary>OpenAPI paths name parameters without their route constraints: <c>{id:long}</c> is <c>{id}</c>.</summary>
    private static string RouteWithoutConstraints(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}:]+):[^}]+\}", "{$1}");
}
