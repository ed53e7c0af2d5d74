using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Monitoring.Benchmarks;

/// <summary>
/// The fallback target when nginx is not installed: a minimal Kestrel server serving <see cref="TargetServer.Page"/>,
/// run as its own process (the <c>target</c> verb) so that its work is never counted as the benchmark's or the service's.
/// </summary>
public static class KestrelTarget
{
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(TargetServer.Page, "text/html; charset=utf-8"));
        await app.RunAsync();
        return 0;
    }
}
