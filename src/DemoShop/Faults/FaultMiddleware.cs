using System.Net;

namespace DemoShop.Faults;

/// <summary>
/// Applies the faults in force to each request, after routing (so the endpoint's steps are known): the whole shop
/// down (503), a delay, then a failing step's status. <c>/_faults</c> is never affected, so faults can be cleared.
/// </summary>
public static class FaultMiddleware
{
    public const string FaultsPath = "/_faults";

    public static IApplicationBuilder UseShopFaults(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(FaultsPath)) { await next(context); return; }
        var faults = context.RequestServices.GetRequiredService<FaultSettings>();
        if (faults.Current.Down)
        {
            await Fail(context, StatusCodes.Status503ServiceUnavailable, "The shop is down for maintenance.");
            return;
        }
        var steps = context.GetEndpoint()?.Metadata.GetMetadata<StepMetadata>()?.Steps ?? [];
        var delay = faults.DelayFor(steps);
        if (delay > TimeSpan.Zero) await Task.Delay(delay, context.RequestAborted);
        if (faults.FailureFor(steps) is { } status)
        {
            await Fail(context, status, "Something went wrong on our side. Please try again later.");
            return;
        }
        await next(context);
    });

    private static Task Fail(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "60";
        if (context.Request.Path.StartsWithSegments("/api"))
            return context.Response.WriteAsJsonAsync(new { error = message, status });
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error {status} · Demo B2B Shop</title></head>
            <body><h1 id="error" data-status="{status}">Error {status}</h1><p>{WebUtility.HtmlEncode(message)}</p></body></html>
            """);
    }
}
