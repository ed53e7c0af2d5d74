using System.Text.Json;

namespace DemoShop.Faults;

/// <summary>
/// <c>GET /_faults</c> shows the faults in force, <c>POST /_faults</c> replaces them (<c>{}</c> clears). Loopback
/// clients only: anyone else gets 404, as if the endpoint did not exist.
/// </summary>
public static class FaultEndpoints
{
    public static void MapShopFaults(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(FaultMiddleware.FaultsPath).AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)
                ? await next(context)
                : Results.NotFound());

        group.MapGet("", (FaultSettings faults) => Results.Json(faults.Current));

        group.MapPost("", async (HttpContext context, FaultSettings faults) =>
        {
            FaultSpec? spec;
            try
            {
                var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
                spec = string.IsNullOrWhiteSpace(body) ? FaultSpec.None : JsonSerializer.Deserialize<FaultSpec>(body, Json.Options);
            }
            catch (JsonException e)
            {
                return Results.BadRequest(new { error = $"invalid JSON: {e.Message}" });
            }
            spec ??= FaultSpec.None;
            if (spec.Problem() is { } problem) return Results.BadRequest(new { error = problem });
            faults.Set(spec);
            return Results.Json(faults.Current);
        });
    }
}
